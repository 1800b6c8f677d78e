package dev.guichet.canned;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The placeholders a canned response may hold, and their filling. A fixed list, replaced as plain
 * text: nothing in a reply is ever evaluated. {@code {{ name }}} (spaces allowed) is replaced by its
 * value; an unknown name, or a known one without a value, stays as written so the agent sees it
 * before sending.
 *
 * <ul>
 *   <li>{@code requester.first_name}, {@code requester.name}: the ticket's requester;</li>
 *   <li>{@code ticket.id}, {@code ticket.title}: the ticket;</li>
 *   <li>{@code agent.first_name}, {@code agent.name}: the agent inserting the reply.</li>
 * </ul>
 */
public final class Placeholders {

    /** Every supported name, in the order the interface lists them. */
    public static final List<String> NAMES = List.of(
            "requester.first_name", "requester.name", "ticket.id", "ticket.title", "agent.name", "agent.first_name");

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([A-Za-z_.]+)\\s*}}");

    private final Map<String, String> values;

    private Placeholders(Map<String, String> values) {
        this.values = values;
    }

    /**
     * @param requesterName full name of the ticket's requester
     * @param ticketId      the ticket's number
     * @param ticketTitle   the ticket's title
     * @param agentName     full name of the agent inserting the reply
     * @return the values of every placeholder for this ticket and agent
     */
    public static Placeholders of(String requesterName, long ticketId, String ticketTitle, String agentName) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("requester.first_name", firstName(requesterName));
        values.put("requester.name", requesterName.strip());
        values.put("ticket.id", Long.toString(ticketId));
        values.put("ticket.title", ticketTitle.strip());
        values.put("agent.name", agentName.strip());
        values.put("agent.first_name", firstName(agentName));
        return new Placeholders(values);
    }

    /** @return {@code template} with each known placeholder replaced by its value, the rest unchanged */
    public String fill(String template) {
        Matcher matcher = PLACEHOLDER.matcher(template);
        return matcher.replaceAll(match -> {
            String value = values.get(match.group(1).toLowerCase(Locale.ROOT));
            return Matcher.quoteReplacement(value == null || value.isEmpty() ? match.group() : value);
        });
    }

    /** The first word of a full name ("Camille Martin" → "Camille"); the whole name when it has one word. */
    static String firstName(String fullName) {
        String stripped = fullName.strip();
        int space = stripped.indexOf(' ');
        return space < 0 ? stripped : stripped.substring(0, space);
    }
}
