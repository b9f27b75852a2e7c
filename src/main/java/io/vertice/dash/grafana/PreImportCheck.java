package io.vertice.dash.grafana;

import io.vertice.dash.document.DashboardDocument;
import java.util.List;

/**
 * What {@code dash import --validate} runs over every dashboard before anything is pushed. The
 * validation capability provides the real one (an adapter over {@code io.vertice.dash.validate.Validator});
 * tests use fakes.
 */
@FunctionalInterface
public interface PreImportCheck {

    /** Checks the dashboards as they would be pushed ({@link DashboardDocument#classic()}, named by {@link DashboardDocument#origin()}). */
    Result check(List<DashboardDocument> dashboards);

    /**
     * @param hasErrors whether any finding is error-level (then nothing is pushed)
     * @param lines     the findings, printable, one per line
     */
    record Result(boolean hasErrors, List<String> lines) {
        public Result {
            lines = List.copyOf(lines);
        }
    }
}
