package dev.guichet.web;

import io.micronaut.http.HttpStatus;
import java.net.URI;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Every kind of problem the API answers with (docs/architecture.md, "Error format"): a stable slug,
 * the {@code type} URI {@code https://guichet.dev/problems/<slug>} (RFC 9457 §3.1.1) and the HTTP
 * status. Titles and details are worded in English and French in {@code i18n/problems*.properties}
 * under {@code <slug>.title} and the detail keys of {@link ApiException}; the SPA keys its own
 * wording on the slug. A new kind of failure gets a constant here, never a string at the call site.
 */
public enum ProblemType {
    /** A field or parameter is invalid; {@code errors} names each one. */
    VALIDATION("validation", HttpStatus.BAD_REQUEST),
    /** The body is not JSON. */
    MALFORMED_JSON("malformed-json", HttpStatus.BAD_REQUEST),
    /** A request the framework refused before it reached Guichet's code. */
    BAD_REQUEST("bad-request", HttpStatus.BAD_REQUEST),
    /** No, bad or expired credentials. */
    UNAUTHORIZED("unauthorized", HttpStatus.UNAUTHORIZED),
    /** The credentials are right but the account is deactivated. */
    ACCOUNT_DEACTIVATED("account-deactivated", HttpStatus.UNAUTHORIZED),
    /** Signed in, but the role does not allow the action. */
    FORBIDDEN("forbidden", HttpStatus.FORBIDDEN),
    /** Absent, or not visible to the caller (employees get 404 for others' tickets). */
    NOT_FOUND("not-found", HttpStatus.NOT_FOUND),
    /** The HTTP method is not allowed on this address. */
    METHOD_NOT_ALLOWED("method-not-allowed", HttpStatus.METHOD_NOT_ALLOWED),
    /** A conflict the framework detected. */
    CONFLICT("conflict", HttpStatus.CONFLICT),
    /** The ticket changed since the caller loaded it (optimistic locking on {@code version}). */
    STALE_VERSION("stale-version", HttpStatus.CONFLICT),
    /** The ticket lifecycle does not allow this status change. */
    ILLEGAL_TRANSITION("illegal-transition", HttpStatus.CONFLICT),
    /** A closed ticket takes no reply, note or file. */
    TICKET_CLOSED("ticket-closed", HttpStatus.CONFLICT),
    /** Category names are unique, case-insensitively. */
    CATEGORY_EXISTS("category-exists", HttpStatus.CONFLICT),
    /** Email addresses are unique. */
    EMAIL_TAKEN("email-taken", HttpStatus.CONFLICT),
    /** An admin may not remove their own admin role or deactivate themselves. */
    SELF_LOCKOUT("self-lockout", HttpStatus.CONFLICT),
    /** Only a FAILED outbox message can be retried. */
    NOT_FAILED("not-failed", HttpStatus.CONFLICT),
    /** Only a HELD outbox message can be released or discarded. */
    NOT_HELD("not-held", HttpStatus.CONFLICT),
    /** A person's saved view names are unique. */
    VIEW_EXISTS("view-exists", HttpStatus.CONFLICT),
    /** A person keeps at most a fixed number of saved views. */
    VIEW_LIMIT("view-limit", HttpStatus.CONFLICT),
    /** The request body is larger than the server accepts. */
    PAYLOAD_TOO_LARGE("payload-too-large", HttpStatus.REQUEST_ENTITY_TOO_LARGE),
    /** The ticket's attachment quota would be exceeded. */
    TICKET_QUOTA_EXCEEDED("ticket-quota-exceeded", HttpStatus.REQUEST_ENTITY_TOO_LARGE),
    /** The uploader's attachment quota would be exceeded. */
    USER_QUOTA_EXCEEDED("user-quota-exceeded", HttpStatus.REQUEST_ENTITY_TOO_LARGE),
    /** The request's content type is not supported. */
    UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", HttpStatus.UNSUPPORTED_MEDIA_TYPE),
    /** The file's type, sniffed from its bytes, is not accepted or does not match its name. */
    UNSUPPORTED_FILE_TYPE("unsupported-file-type", HttpStatus.UNSUPPORTED_MEDIA_TYPE),
    /** Too many requests; {@code Retry-After} says when to retry (RFC 6585 §4). */
    RATE_LIMITED("rate-limited", HttpStatus.TOO_MANY_REQUESTS),
    /** Too many failed logins for one account: it is locked for a while. */
    ACCOUNT_LOCKED("account-locked", HttpStatus.TOO_MANY_REQUESTS),
    /** Password sign-in is turned off for this account (company sign-in only; break-glass admins excepted). */
    LOCAL_LOGIN_DISABLED("local-login-disabled", HttpStatus.FORBIDDEN),
    /** The account is linked to the company sign-in: its Guichet password no longer opens it. */
    USE_COMPANY_SIGN_IN("use-company-sign-in", HttpStatus.FORBIDDEN),
    /** The second sign-in step (TOTP challenge) expired or is unknown. */
    CHALLENGE_EXPIRED("challenge-expired", HttpStatus.UNAUTHORIZED),
    /** A second-factor code at sign-in is wrong or was already used (RFC 6238 replay). */
    INVALID_TWO_FACTOR_CODE("invalid-two-factor-code", HttpStatus.UNAUTHORIZED),
    /** A second-factor code given to change the caller's own settings is wrong. */
    WRONG_TWO_FACTOR_CODE("wrong-two-factor-code", HttpStatus.BAD_REQUEST),
    /** The current password given to change a security setting is wrong. */
    INVALID_PASSWORD("invalid-password", HttpStatus.BAD_REQUEST),
    /** The single sign-on exchange code expired or was used. */
    SSO_EXCHANGE_INVALID("sso-exchange-invalid", HttpStatus.UNAUTHORIZED),
    /** Two-factor authentication is already on. */
    TWO_FACTOR_ALREADY_ENABLED("two-factor-already-enabled", HttpStatus.CONFLICT),
    /** Two-factor authentication is not on. */
    TWO_FACTOR_NOT_ENABLED("two-factor-not-enabled", HttpStatus.CONFLICT),
    /** The account signs in through the company: its second factor is managed there. */
    TWO_FACTOR_UNAVAILABLE("two-factor-unavailable", HttpStatus.CONFLICT),
    /** Enrolment was confirmed before it was started. */
    TWO_FACTOR_SETUP_MISSING("two-factor-setup-missing", HttpStatus.CONFLICT),
    /** The account's role requires two-factor authentication: it cannot be turned off. */
    TWO_FACTOR_REQUIRED("two-factor-required", HttpStatus.CONFLICT),
    /** An account with this email signs in another way. */
    ACCOUNT_CONFLICT("account-conflict", HttpStatus.CONFLICT),
    /** The directory entry has no email address to make an account from. */
    DIRECTORY_EMAIL_MISSING("directory-email-missing", HttpStatus.UNPROCESSABLE_ENTITY),
    /** OpenID Connect is not configured. */
    OIDC_NOT_CONFIGURED("oidc-not-configured", HttpStatus.NOT_FOUND),
    /** LDAP is not configured. */
    LDAP_NOT_CONFIGURED("ldap-not-configured", HttpStatus.NOT_FOUND),
    /** The OpenID Connect provider cannot be reached. */
    OIDC_UNAVAILABLE("oidc-unavailable", HttpStatus.SERVICE_UNAVAILABLE),
    /** The directory cannot be reached. */
    LDAP_UNAVAILABLE("ldap-unavailable", HttpStatus.SERVICE_UNAVAILABLE),
    /** A single-use link (choose a password) is unknown, expired or used. */
    INVALID_TOKEN("invalid-token", HttpStatus.BAD_REQUEST),
    /** Only a rejected, failed or ignored inbound message can be processed again. */
    INBOUND_NOT_RETRYABLE("inbound-not-retryable", HttpStatus.CONFLICT),
    /** The inbound message is being processed by a replica. */
    INBOUND_IN_PROGRESS("inbound-in-progress", HttpStatus.CONFLICT),
    /** One SLA policy per priority and category. */
    SLA_POLICY_EXISTS("sla-policy-exists", HttpStatus.CONFLICT),
    /** The satisfaction survey opens when the ticket is resolved. */
    SURVEY_NOT_OPEN("survey-not-open", HttpStatus.CONFLICT),
    /** The ticket is closed: its survey answer can no longer change. */
    SURVEY_CLOSED("survey-closed", HttpStatus.CONFLICT),
    /** The survey link's token is unknown (or for another ticket). */
    SURVEY_LINK_INVALID("survey-link-invalid", HttpStatus.NOT_FOUND),
    /** The survey link was already used (single use). */
    SURVEY_LINK_USED("survey-link-used", HttpStatus.GONE),
    /** The survey link expired. */
    SURVEY_LINK_EXPIRED("survey-link-expired", HttpStatus.GONE),
    /** Too many CSV exports run at once on this instance; {@code Retry-After} says when to retry. */
    EXPORT_BUSY("export-busy", HttpStatus.TOO_MANY_REQUESTS),
    /** A reports dashboard query ran past its statement timeout; {@code Retry-After} says when to retry. */
    REPORT_BUSY("report-busy", HttpStatus.SERVICE_UNAVAILABLE),
    /** An unexpected error, logged on the server. */
    INTERNAL("internal", HttpStatus.INTERNAL_SERVER_ERROR),
    /** The database is unreachable for a moment; {@code Retry-After} says when to retry. */
    SERVICE_UNAVAILABLE("service-unavailable", HttpStatus.SERVICE_UNAVAILABLE);

    /** The prefix of every problem {@code type} URI. */
    public static final String TYPE_PREFIX = "https://guichet.dev/problems/";

    private static final Map<String, ProblemType> BY_SLUG =
            Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(ProblemType::slug, Function.identity()));

    private final String slug;
    private final HttpStatus status;

    ProblemType(String slug, HttpStatus status) {
        this.slug = slug;
        this.status = status;
    }

    /** @return the stable slug, the last segment of the type URI and the key of the texts */
    public String slug() {
        return slug;
    }

    /** @return the HTTP status this problem is answered with */
    public HttpStatus status() {
        return status;
    }

    /** @return {@code https://guichet.dev/problems/<slug>} */
    public URI uri() {
        return URI.create(TYPE_PREFIX + slug);
    }

    /**
     * The problem type for an error status the framework produced (no route, method not allowed,
     * security refusals…).
     *
     * @param status an HTTP status code, 400–599
     * @return the matching generic type, {@link #BAD_REQUEST} for other 4xx and {@link #INTERNAL} for 5xx
     */
    public static ProblemType forStatus(int status) {
        return switch (status) {
            case 401 -> UNAUTHORIZED;
            case 403 -> FORBIDDEN;
            case 404 -> NOT_FOUND;
            case 405 -> METHOD_NOT_ALLOWED;
            case 409 -> CONFLICT;
            case 413 -> PAYLOAD_TOO_LARGE;
            case 415 -> UNSUPPORTED_MEDIA_TYPE;
            case 429 -> RATE_LIMITED;
            case 503 -> SERVICE_UNAVAILABLE;
            default -> status >= 500 ? INTERNAL : BAD_REQUEST;
        };
    }

    /** @return the type with this slug, for tests and tools; null when there is none */
    public static ProblemType ofSlug(String slug) {
        return BY_SLUG.get(slug.toLowerCase(Locale.ROOT));
    }
}
