package dev.guichet.survey;

import dev.guichet.system.PositiveDuration;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Context;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;

/**
 * The satisfaction survey ({@code guichet.survey.*}; see .env.example).
 *
 * @param linkTtl how long the survey link mailed with a "resolved" notification can be used, once
 *                ({@code SURVEY_LINK_TTL})
 */
@Context
@ConfigurationProperties("guichet.survey")
public record SurveySettings(@NotNull @PositiveDuration Duration linkTtl) {}
