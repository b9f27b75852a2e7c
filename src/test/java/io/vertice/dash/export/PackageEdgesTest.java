package io.vertice.dash.export;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertice.dash.testing.SharedDir;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * export validates before it writes, so it uses validate; validate must not use export back (that cycle
 * made the validation rules depend on how files are written).
 */
class PackageEdgesTest {

    @Test
    void validateDoesNotImportExport() throws IOException {
        Path validate = SharedDir.projectDir().resolve("src/main/java/io/vertice/dash/validate");
        List<String> offenders;
        try (Stream<Path> files = Files.walk(validate)) {
            offenders = files.filter(f -> f.toString().endsWith(".java"))
                    .filter(f -> read(f).contains("io.vertice.dash.export."))
                    .map(f -> validate.relativize(f).toString())
                    .sorted()
                    .toList();
        }
        assertThat(offenders).isEmpty();
    }

    private static String read(Path f) {
        try {
            return Files.readString(f);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
