package io.vertice.dash.validate;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A rule's metadata, as data on its class (the way Error Prone's {@code @BugPattern} describes a check):
 * what {@code dash validate --list-rules}, the README's rule table and {@code docs/rules.md} print. The
 * examples are data too: a test runs each one through the rule against the embedded catalogue.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface RuleInfo {
    /** The stable id used in output, in {@code .dash.yaml} and to look the rule up. */
    String id();

    /** The severity of its findings unless {@code .dash.yaml} overrides it. */
    Severity severity();

    /** One line for the README table: what the rule catches. */
    String summary();

    /** Why it matters, by what Grafana and Prometheus really do (one or two sentences). */
    String why();

    /** Queries or panels the rule reports. */
    Example[] failing();

    /** Queries or panels the rule accepts. */
    Example[] passing();

    /**
     * One example. Either {@code expr} (a Prometheus target of one timeseries panel, with {@code legend} and
     * {@code unit} when set) or {@code panels} (the JSON of the dashboard's panels, without the brackets).
     * Either way the dashboard has the variables {@code datasource}, {@code environment} (one value) and
     * {@code service} (multi-value with All), and its metrics are the embedded simulator's.
     */
    @Retention(RetentionPolicy.RUNTIME)
    @Target({})
    @interface Example {
        String expr() default "";

        String legend() default "";

        String unit() default "";

        String panels() default "";

        /** What the example shows, one phrase. */
        String note() default "";
    }
}
