package dev.guichet.view;

import dev.guichet.auth.Caller;
import dev.guichet.web.ApiException;
import dev.guichet.web.ProblemType;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.util.List;

/**
 * The rules of saved queue views: each technician or admin owns theirs (nobody else reads or
 * deletes them), names are unique per person (case-insensitive), at most {@value #MAX_PER_PERSON}.
 */
@Singleton
public class SavedViewService {

    /** Views one person may keep: the left menu stays readable. */
    public static final int MAX_PER_PERSON = 20;

    private final SavedViewRepository views;

    SavedViewService(SavedViewRepository views) {
        this.views = views;
    }

    /** @return the caller's views, by name */
    public List<SavedView> list(Caller caller) {
        return views.findOfOwner(caller.id());
    }

    /**
     * Saves a view for the caller.
     *
     * @param name  1–60 characters, already validated; trimmed here
     * @param query the queue's search string without the leading {@code ?}; the cursor is dropped
     * @throws ApiException 409 {@code view-exists} for a name the caller already uses;
     *                      409 {@code view-limit} beyond {@value #MAX_PER_PERSON} views
     */
    @Transactional
    public SavedView create(Caller caller, String name, String query) {
        String trimmed = name.strip();
        if (views.findByOwnerAndName(caller.id(), trimmed).isPresent()) {
            throw ApiException.conflict(ProblemType.VIEW_EXISTS);
        }
        if (views.countOfOwner(caller.id()) >= MAX_PER_PERSON) {
            throw ApiException.conflict(ProblemType.VIEW_LIMIT, MAX_PER_PERSON);
        }
        return views.save(new SavedView(null, caller.id(), trimmed, withoutCursor(query.strip()), null));
    }

    /**
     * Deletes one of the caller's views.
     *
     * @throws ApiException 404 when it does not exist or belongs to someone else
     */
    @Transactional
    public void delete(Caller caller, long id) {
        SavedView view = views.findById(id)
                .filter(v -> v.ownerId() == caller.id())
                .orElseThrow(() -> ApiException.notFound("view"));
        views.delete(view);
    }

    /** A cursor points into the list as it was; a saved view always starts at the first page. */
    private static String withoutCursor(String query) {
        String q = query.startsWith("?") ? query.substring(1) : query;
        return String.join(
                "&",
                java.util.Arrays.stream(q.split("&"))
                        .filter(p -> !p.isEmpty() && !p.startsWith("cursor="))
                        .toList());
    }
}
