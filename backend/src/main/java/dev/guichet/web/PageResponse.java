package dev.guichet.web;

import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * One page of a list.
 *
 * @param items the rows of this page
 * @param page  the 0-based page number
 * @param size  the requested page size (1–100)
 * @param total the number of rows matching the filters, over all pages
 * @param <T>   the row type
 */
@Serdeable
public record PageResponse<T>(List<T> items, int page, int size, long total) {}
