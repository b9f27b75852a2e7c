package io.vertice.dash.cli;

import io.vertice.dash.promql.PromDuration;
import java.time.Duration;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Reads every duration option ({@code --timeout}, {@code --tick}, ...) in PromQL's duration grammar,
 * the one grammar dash has for durations: {@code 500ms}, {@code 30s}, {@code 1m30s}, {@code 1h}.
 * picocli puts the option's name before the message.
 */
public final class DurationOption implements ITypeConverter<Duration> {
    @Override
    public Duration convert(String value) {
        try {
            return PromDuration.parse(value).toDuration();
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException(e.getMessage());
        }
    }
}
