package io.vertice.dash.scripts;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertice.dash.testing.SharedDir;
import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The shell scripts a user runs: clean under shellcheck, each with a --help, and bounded when a port hangs. */
class ScriptsTest {
    private static final Path ROOT = SharedDir.projectDir();

    /** The launcher, the CI entry point and every script under scripts/. */
    static Stream<String> scripts() throws IOException {
        List<String> out = new ArrayList<>(List.of("dash", ".ci/run"));
        try (Stream<Path> files = Files.walk(ROOT.resolve("scripts"))) {
            files.filter(p -> p.toString().endsWith(".sh"))
                    .map(p -> ROOT.relativize(p).toString().replace(File.separatorChar, '/'))
                    .sorted()
                    .forEach(out::add);
        }
        return out.stream();
    }

    /** Scripts a user runs directly (the sourced library and the launcher, whose --help is dash's, aside). */
    static Stream<String> runnableScripts() throws IOException {
        return scripts().filter(s -> s.startsWith("scripts/") && !s.equals("scripts/bench/lib.sh"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scripts")
    @Timeout(60)
    void shellcheckFindsNothing(String script) throws Exception {
        Assumptions.assumeTrue(
                onPath("shellcheck"), "skipped: shellcheck is not installed (apt-get install shellcheck)");
        Result r = run(List.of("shellcheck", "-x", script), Map.of(), 50);
        assertThat(r.output()).as("shellcheck %s", script).isEmpty();
        assertThat(r.exit()).isZero();
    }

    @ParameterizedTest(name = "{0} --help")
    @MethodSource("runnableScripts")
    @Timeout(30)
    void helpPrintsUsageAndExitsZero(String script) throws Exception {
        Result r = run(List.of(script, "--help"), Map.of(), 20);
        assertThat(r.exit()).as(r.output()).isZero();
        assertThat(r.output())
                .as(script)
                .containsIgnoringCase(Path.of(script).getFileName().toString())
                .doesNotContain("Exception")
                .doesNotContain("\tat ");
    }

    @Test
    @Timeout(60)
    void devStackRefusesAPortHeldByAListenerThatNeverAnswers() throws Exception {
        int simPort;
        try (ServerSocket freeSim = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            simPort = freeSim.getLocalPort(); // only to learn a free port
        }
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            long start = System.nanoTime();
            Result r = run(
                    List.of("scripts/dev-stack.sh", "--once"),
                    Map.of("PROM_PORT", String.valueOf(silent.getLocalPort()), "SIM_PORT", String.valueOf(simPort)),
                    50);
            assertThat(r.exit()).as(r.output()).isEqualTo(3);
            assertThat(r.output().strip())
                    .isEqualTo("dev-stack: 127.0.0.1:" + silent.getLocalPort()
                            + " is already in use; set PROM_PORT to a free port.");
            assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start))
                    .isLessThan(20);
        }
    }

    private record Result(int exit, String output) {}

    private static Result run(List<String> command, Map<String, String> env, int timeoutSeconds) throws Exception {
        Path out = Files.createTempFile("dash-script", ".out");
        ProcessBuilder pb = new ProcessBuilder(command)
                .directory(ROOT.toFile())
                .redirectErrorStream(true)
                .redirectOutput(out.toFile());
        pb.environment().putAll(env);
        Process p = pb.start();
        try {
            assertThat(p.waitFor(timeoutSeconds, TimeUnit.SECONDS))
                    .as("%s finished in time", command)
                    .isTrue();
            return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8));
        } finally {
            p.destroyForcibly();
            Files.deleteIfExists(out);
        }
    }

    private static boolean onPath(String binary) {
        String path = System.getenv("PATH");
        return path != null
                && Stream.of(path.split(File.pathSeparator, -1)).anyMatch(d -> Files.isExecutable(Path.of(d, binary)));
    }
}
