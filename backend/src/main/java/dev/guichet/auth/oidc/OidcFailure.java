package dev.guichet.auth.oidc;

/**
 * A single sign-on that cannot finish. Its {@link #slug} goes back to the login page as
 * {@code /login?sso_error=<slug>} (never a detail, never a token): {@code state-invalid},
 * {@code provider-error}, {@code token-invalid}, {@code email-missing}, {@code domain-not-allowed},
 * {@code account-conflict}, {@code account-deactivated}.
 */
public class OidcFailure extends RuntimeException {

    private final String slug;

    /**
     * @param slug   the stable reason shown by the SPA
     * @param detail what the log says
     */
    public OidcFailure(String slug, String detail) {
        super(detail, null, false, false);
        this.slug = slug;
    }

    /** @return the stable reason */
    public String slug() {
        return slug;
    }
}
