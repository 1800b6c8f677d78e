package dev.guichet.system;

import io.micronaut.core.annotation.AnnotationValue;
import io.micronaut.core.annotation.NonNull;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.validation.validator.constraints.ConstraintValidator;
import io.micronaut.validation.validator.constraints.ConstraintValidatorContext;
import jakarta.inject.Singleton;
import java.time.Duration;

/** Checks {@link PositiveDuration}: a missing value is left to {@code @NotNull}. */
@Singleton
public class PositiveDurationValidator implements ConstraintValidator<PositiveDuration, Duration> {

    @Override
    public boolean isValid(
            @Nullable Duration value,
            @NonNull AnnotationValue<PositiveDuration> annotation,
            @NonNull ConstraintValidatorContext context) {
        return value == null || (!value.isNegative() && !value.isZero());
    }
}
