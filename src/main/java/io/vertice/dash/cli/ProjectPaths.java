package io.vertice.dash.cli;

import java.nio.file.Path;

/**
 * Default paths are relative to the repository root, so {@code ./dash export} does the same from any
 * directory: the {@code dash} launcher sets {@code DASH_HOME}; without it, the working directory is used.
 */
final class ProjectPaths {
    private ProjectPaths() {}

    static Path root() {
        String home = System.getenv("DASH_HOME");
        return Path.of(home != null && !home.isBlank() ? home : "")
                .toAbsolutePath()
                .normalize();
    }

    /** An explicit path as given (relative to the working directory), or the default under the root. */
    static Path orDefault(Path given, String defaultRelative) {
        return given != null ? given : root().resolve(defaultRelative);
    }

    /**
     * The schema {@code dash export} writes, and {@code import}/{@code pull} default to, without {@code --schema}:
     * the repository's {@code .dash.yaml} {@code export.schema}, else classic.
     */
    static io.vertice.dash.export.ExportSchema exportSchema() {
        io.vertice.dash.export.ExportSchema configured =
                io.vertice.dash.config.ConfigFile.loadIfPresent(root()).exportSchema();
        return configured != null ? configured : io.vertice.dash.export.ExportSchema.configuredDefault();
    }
}
