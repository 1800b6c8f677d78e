package dev.guichet.web;

import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.http.server.HttpServerConfiguration;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the whole-request limit ({@code MAX_REQUEST_SIZE}, default 11 MB) above the per-file upload
 * limit ({@code MAX_UPLOAD_SIZE}, default 10 MB) plus {@link #MULTIPART_MARGIN} for the multipart
 * framing, so an operator who raises only {@code MAX_UPLOAD_SIZE} (as the deployment files expose)
 * gets uploads of that size instead of a 413 on the whole request.
 */
@Singleton
public class RequestSizeLimit implements BeanCreatedEventListener<HttpServerConfiguration> {

    /** 1 MiB: far more than a form part's headers and boundaries, and the default gap (11 MB − 10 MB). */
    static final long MULTIPART_MARGIN = 1024 * 1024;

    private static final Logger LOG = LoggerFactory.getLogger(RequestSizeLimit.class);

    @Override
    public HttpServerConfiguration onCreated(BeanCreatedEvent<HttpServerConfiguration> event) {
        HttpServerConfiguration server = event.getBean();
        long needed = server.getMultipart().getMaxFileSize() + MULTIPART_MARGIN;
        if (server.getMaxRequestSize() < needed) {
            LOG.info(
                    "Raising the request size limit from {} to {} bytes to fit MAX_UPLOAD_SIZE",
                    server.getMaxRequestSize(),
                    needed);
            server.setMaxRequestSize(needed);
        }
        return server;
    }
}
