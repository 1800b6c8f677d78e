package dev.guichet.web;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The error responses an operation documents in the OpenAPI document, each an RFC 9457 problem
 * ({@link Problem}, {@code application/problem+json}). Put the ones an operation can answer on its
 * controller method, or on the controller class when every operation of it can (e.g.
 * {@link Unauthorized} on a controller that requires a login). The problem types each status
 * carries are listed in {@link ProblemType}.
 */
public final class ProblemResponses {

    private ProblemResponses() {}

    /** 400: the request is malformed or a field is invalid (types {@code validation}, {@code malformed-json}). */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target({ElementType.METHOD, ElementType.TYPE})
    @ApiResponse(
            responseCode = "400",
            description = "Invalid request (problem types validation, malformed-json)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public @interface BadRequest {}

    /** 401: no, bad or expired credentials (types {@code unauthorized}, {@code account-deactivated}). */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target({ElementType.METHOD, ElementType.TYPE})
    @ApiResponse(
            responseCode = "401",
            description = "Not signed in, or the token is no longer valid",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public @interface Unauthorized {}

    /** 403: signed in, but the role does not allow this action (type {@code forbidden}). */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target({ElementType.METHOD, ElementType.TYPE})
    @ApiResponse(
            responseCode = "403",
            description = "The caller's role does not allow this action",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public @interface Forbidden {}

    /** 404: the resource does not exist or the caller may not know it exists (type {@code not-found}). */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target({ElementType.METHOD, ElementType.TYPE})
    @ApiResponse(
            responseCode = "404",
            description = "Absent, or not visible to the caller",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public @interface NotFound {}

    /** 409: conflicts with the resource's current state (stale version, illegal transition, duplicate…). */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target({ElementType.METHOD, ElementType.TYPE})
    @ApiResponse(
            responseCode = "409",
            description = "Conflicts with the current state (see the problem type)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public @interface Conflict {}

    /** 413: a file or the caller's storage quota is too large. */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target({ElementType.METHOD, ElementType.TYPE})
    @ApiResponse(
            responseCode = "413",
            description = "Too large (file size or storage quota)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public @interface TooLarge {}

    /** 415: the file's type, sniffed from its content, is not allowed. */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target({ElementType.METHOD, ElementType.TYPE})
    @ApiResponse(
            responseCode = "415",
            description = "File type not allowed",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public @interface UnsupportedType {}

    /** 429: too many requests; the {@code Retry-After} header says when to try again. */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target({ElementType.METHOD, ElementType.TYPE})
    @ApiResponse(
            responseCode = "429",
            description = "Rate limited; retry after the Retry-After header's seconds",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public @interface RateLimited {}

    /** 503: the service is too busy for this request now; the {@code Retry-After} header says when to try again. */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target({ElementType.METHOD, ElementType.TYPE})
    @ApiResponse(
            responseCode = "503",
            description = "Busy; retry after the Retry-After header's seconds",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public @interface Busy {}
}
