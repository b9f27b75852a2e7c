package io.vertice.dash.config;

import io.vertice.dash.validate.ValidationPolicy;

/**
 * The repository's {@code .dash.yaml}, read and checked.
 *
 * @param file         where it was read from; null when there is none
 * @param validation   severities, exclusions and query dialects for {@code dash validate}
 * @param exportSchema {@code export.schema}; null when not set
 */
public record DashConfig(String file, ValidationPolicy validation, ExportSchema exportSchema) {
    /** No configuration file. */
    public static final DashConfig NONE = new DashConfig(null, ValidationPolicy.NONE, null);
}
