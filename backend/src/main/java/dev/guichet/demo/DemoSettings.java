package dev.guichet.demo;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Context;
import jakarta.validation.constraints.Min;

/**
 * The demo helpdesk loaded on an empty database ({@code guichet.demo.*}, from {@code DEMO_DATA} and
 * {@code DEMO_TICKET_LIMIT}; off by default in production, see application-prod.yml).
 *
 * @param enabled     whether an empty database gets the demo helpdesk ({@code DEMO_DATA})
 * @param ticketLimit how many of the demo tickets to create, 0 for all ({@code DEMO_TICKET_LIMIT})
 */
@Context
@ConfigurationProperties("guichet.demo")
public record DemoSettings(boolean enabled, @Min(0) int ticketLimit) {}
