package io.vertice.dash.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * Finds {@code ../shared} (Grafana schemas, PromQL conformance cases) beside the project.
 * CI always has it; a user's own clone may not, and then the tests that need it report themselves
 * skipped with the reason instead of failing.
 */
public final class SharedDir {
    private SharedDir() {}

    /** The project directory (Maven passes it; otherwise the working directory). */
    public static Path projectDir() {
        String dir = System.getProperty("dash.project.dir");
        return Path.of(dir != null ? dir : ".").toAbsolutePath().normalize();
    }

    /** {@code ../shared/<relative>}, or the test is skipped with a stated reason when it is absent. */
    public static Path require(String relative) {
        String override = System.getenv("DASH_SHARED_DIR");
        Path base = override != null ? Path.of(override) : projectDir().resolveSibling("shared");
        Path p = base.resolve(relative);
        Assumptions.assumeTrue(
                Files.exists(p),
                "skipped: " + p
                        + " is absent (it ships beside the repository in CI; set DASH_SHARED_DIR to use another copy)");
        return p;
    }
}
