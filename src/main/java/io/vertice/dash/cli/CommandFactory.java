package io.vertice.dash.cli;

import io.vertice.dash.grafana.PreImportCheck;
import java.lang.reflect.AnnotatedElement;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Option;

/**
 * Creates dash's commands and mixins for picocli (its {@code IFactory}), and is the one place where what a
 * command depends on from outside is chosen: the environment that {@code ${env:NAME}} option defaults
 * read, and the check {@code import --validate} runs. {@link #standard()} is the real thing; tests replace
 * parts with the {@code with...} methods instead of changing static fields.
 */
public final class CommandFactory implements CommandLine.IFactory {
    /** An option default that is exactly one environment variable, as {@code defaultValue = "${env:GRAFANA_URL}"}. */
    private static final Pattern ENV_DEFAULT = Pattern.compile("\\$\\{env:([A-Za-z_][A-Za-z0-9_]*)}");

    private final Function<String, String> environment;
    private final PreImportCheck importCheck;

    private CommandFactory(Function<String, String> environment, PreImportCheck importCheck) {
        this.environment = environment;
        this.importCheck = importCheck;
    }

    /** The process environment and the real validation. */
    public static CommandFactory standard() {
        return new CommandFactory(null, null);
    }

    /** The same, with {@code ${env:NAME}} defaults read from {@code variables} instead of the process environment. */
    public CommandFactory withEnvironment(Map<String, String> variables) {
        Map<String, String> copy = Map.copyOf(variables);
        return new CommandFactory(copy::get, importCheck);
    }

    /** The same, with {@code import --validate} running {@code check}. */
    public CommandFactory withImportCheck(PreImportCheck check) {
        return new CommandFactory(environment, Objects.requireNonNull(check, "check"));
    }

    @Override
    public <K> K create(Class<K> cls) throws Exception {
        if (cls == ImportCommand.class && importCheck != null) {
            return cls.cast(new ImportCommand(importCheck));
        }
        if (cls == ValidateCommand.class && environment != null) {
            return cls.cast(new ValidateCommand(environment));
        }
        return CommandLine.defaultFactory().create(cls);
    }

    /**
     * picocli's default value provider for the chosen environment, or null for the process environment
     * (picocli then resolves {@code ${env:NAME}} itself). An unset variable gives an empty value, which the
     * commands treat as unset.
     */
    IDefaultValueProvider defaults() {
        if (environment == null) {
            return null;
        }
        return (ArgSpec arg) -> {
            // the annotation's text, before picocli resolved ${env:NAME} against the process environment
            String original =
                    arg.userObject() instanceof AnnotatedElement element && element.getAnnotation(Option.class) != null
                            ? element.getAnnotation(Option.class).defaultValue()
                            : null;
            Matcher m = original == null ? null : ENV_DEFAULT.matcher(original);
            if (m == null || !m.matches()) {
                return null;
            }
            String value = environment.apply(m.group(1));
            return value == null ? "" : value;
        };
    }
}
