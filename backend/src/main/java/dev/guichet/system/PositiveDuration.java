package dev.guichet.system;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A setting's {@link java.time.Duration} must be longer than zero (a zero poll interval would spin,
 * a zero token lifetime would make every token dead on arrival). Checked by
 * {@link PositiveDurationValidator} when the settings are read, so a bad value stops the start.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({
    ElementType.FIELD,
    ElementType.METHOD,
    ElementType.PARAMETER,
    ElementType.RECORD_COMPONENT,
    ElementType.TYPE_USE
})
@Constraint(validatedBy = {})
public @interface PositiveDuration {

    /** @return the message of a violation */
    String message() default "must be a duration longer than zero, such as 30s, 5m, 1h or 7d";

    /** @return the validation groups, none by default */
    Class<?>[] groups() default {};

    /** @return the payload, none by default */
    Class<? extends Payload>[] payload() default {};
}
