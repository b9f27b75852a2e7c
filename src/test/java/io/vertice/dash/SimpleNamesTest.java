package io.vertice.dash;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertice.dash.testing.SharedDir;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * One concept, one type, one name: no two classes of the tool or the dashboards share a simple name
 * (a {@code Query} in two packages made readers check the import to know which one they were reading).
 */
class SimpleNamesTest {
    @Test
    void noTwoMainClassesShareASimpleName() throws IOException {
        Map<String, TreeSet<String>> byName = new TreeMap<>();
        for (String root : List.of("src/main/java", "dashboards")) {
            Path dir = SharedDir.projectDir().resolve(root);
            try (Stream<Path> s = Files.walk(dir)) {
                s.filter(p -> p.toString().endsWith(".java")
                                && !p.getFileName().toString().equals("package-info.java"))
                        .forEach(p -> byName.computeIfAbsent(
                                        p.getFileName().toString().replace(".java", ""), k -> new TreeSet<>())
                                .add(dir.relativize(p.getParent()).toString().replace('/', '.')));
            }
        }
        assertThat(byName)
                .as("simple names used in more than one package")
                .isNotEmpty()
                .allSatisfy((name, packages) -> assertThat(packages).as(name).hasSize(1));
    }
}
