package io.vertice.dash.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertice.dash.DashException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(300) // per test: the tests here start servers or processes
class AtomicFilesTest {

    @TempDir
    Path dir;

    @Test
    void replacesTheFileAndLeavesNoTemporaryFileBehind() throws Exception {
        Path file = dir.resolve("a.json");
        AtomicFiles.write(file, "old\n");
        AtomicFiles.write(file, "new\n");
        assertThat(Files.readString(file)).isEqualTo("new\n");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).containsExactly(file);
        }
        assertThat(Files.getPosixFilePermissions(file).toString()).contains("OTHERS_READ");
    }

    @Test
    void aFailedWriteIsOneSentenceAndLeavesTheTargetAlone() throws Exception {
        Path blocker = dir.resolve("not-a-dir");
        Files.writeString(blocker, "x");
        assertThatThrownBy(() -> AtomicFiles.write(blocker.resolve("a.json"), "content"))
                .isInstanceOf(DashException.class)
                .hasMessageContaining("cannot write");
        assertThat(Files.readString(blocker)).isEqualTo("x");
    }

    /**
     * A process killed (SIGKILL) in the middle of writing never leaves a truncated or mixed file:
     * whatever moment it dies, the file holds one complete version.
     */
    @Test
    void aKilledWriterNeverLeavesAHalfWrittenFile() throws Exception {
        Path file = dir.resolve("big.json");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        for (int round = 0; round < 3; round++) {
            Process writer = new ProcessBuilder(
                            java,
                            "-cp",
                            System.getProperty("java.class.path"),
                            AtomicWriteLoop.class.getName(),
                            file.toString())
                    .redirectErrorStream(true)
                    .start();
            // let it get going, then kill it hard at some point mid-stream
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (!Files.exists(file) && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            Thread.sleep(150 + round * 130L);
            writer.destroyForcibly();
            assertThat(writer.waitFor(10, TimeUnit.SECONDS)).isTrue();
            String content = Files.readString(file);
            assertThat(content).hasSize(AtomicWriteLoop.SIZE);
            char first = content.charAt(0);
            assertThat(content.chars().allMatch(c -> c == first))
                    .as("one complete version, not a mix")
                    .isTrue();
        }
    }
}
