package io.vertice.dash.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.vertice.dash.testing.RealPrometheus;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

@Timeout(120) // per test: the tests here start servers or processes
class SimulateCommandTest {

    private static Cli.Result run(String... args) {
        return Cli.run(args);
    }

    @Test
    @Timeout(30)
    void portInUseIsOneSentenceAndExitTwo() throws IOException {
        try (ServerSocket busy = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int port = busy.getLocalPort();
            Cli.Result r = run("simulate", "--port", Integer.toString(port));
            assertThat(r.exit()).isEqualTo(2);
            assertThat(r.err())
                    .isEqualTo("dash: port " + port
                            + " on 127.0.0.1 is already in use; stop the other process or pass --port"
                            + System.lineSeparator());
            assertThat(r.out()).isEmpty();
        }
    }

    @Test
    void badOptionsAreExitTwoWithoutStackTrace() {
        Cli.Result tick = run("simulate", "--tick", "soon");
        assertThat(tick.exit()).isEqualTo(2);
        assertThat(tick.err()).contains("\"soon\" is not a duration").doesNotContain("Exception");

        Cli.Result services = run("simulate", "--services", "0");
        assertThat(services.exit()).isEqualTo(2);
        assertThat(services.err()).startsWith("dash: the number of services must be at least 1");

        Cli.Result envs = run("simulate", "--environments", "prod,prod");
        assertThat(envs.exit()).isEqualTo(2);
        assertThat(envs.err()).startsWith("dash: environments must be distinct");

        Cli.Result speed = run("simulate", "--speed", "-1");
        assertThat(speed.exit()).isEqualTo(2);
        assertThat(speed.err()).startsWith("dash: the speed must be a positive number");
    }

    static Stream<Arguments> beyondWhatTheSimulatorServes() {
        return Stream.of(
                arguments(
                        "a hundred thousand services",
                        List.of("--services", "100000"),
                        "dash: the number of services must be at most 100 per environment, got 100000; more series than one "
                                + "simulator serves in a scrape; see dash simulate --help"),
                arguments(
                        "one service too many",
                        List.of("--services", "101"),
                        "dash: the number of services must be at most 100 per environment, got 101; more series than one "
                                + "simulator serves in a scrape; see dash simulate --help"),
                arguments(
                        "a billion times real time",
                        List.of("--speed", "1e9"),
                        "dash: the speed must be at most 3600 (a simulated hour per second), got 1000000000; faster, the "
                                + "simulator falls behind and drops ticks; see dash simulate --help"),
                arguments(
                        "just over an hour per second",
                        List.of("--speed", "3600.5"),
                        "dash: the speed must be at most 3600 (a simulated hour per second), got 3600.5; faster, the "
                                + "simulator falls behind and drops ticks; see dash simulate --help"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("beyondWhatTheSimulatorServes")
    void servicesAndSpeedBeyondWhatTheSimulatorServesAreOneSentenceAndExitTwo(
            String name, List<String> options, String sentence) {
        List<String> args = new ArrayList<>(List.of("simulate", "--port", "0"));
        args.addAll(options);
        Cli.Result r = run(args.toArray(String[]::new));
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).isEqualTo(sentence + System.lineSeparator());
    }

    @Test
    void tickDurationsParseLikePrometheusDurations() {
        DurationOption c = new DurationOption();
        assertThat(c.convert("1s")).hasSeconds(1);
        assertThat(c.convert("500ms").toMillis()).isEqualTo(500);
        assertThat(c.convert("2m")).hasMinutes(2);
        assertThat(c.convert("250ms").toMillis()).isEqualTo(250);
    }

    @Test
    void helpShowsTheOptionsAndAnExample() {
        Cli.Result r = run("simulate", "--help");
        assertThat(r.exit()).isZero();
        assertThat(r.out())
                .contains(
                        "--port",
                        "--host",
                        "--seed",
                        "--speed",
                        "--tick",
                        "--environments",
                        "--services",
                        "dash simulate --port 9464");
    }

    /** The real thing: a separate JVM serving until SIGTERM, which stops it within a second. */
    @Test
    @Timeout(60)
    void servesUntilSigtermAndStopsWithinASecond() throws Exception {
        int port = RealPrometheus.freePort();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(
                        java,
                        "-cp",
                        System.getProperty("java.class.path"),
                        Main.class.getName(),
                        "simulate",
                        "--port",
                        Integer.toString(port),
                        "--environments",
                        "prod,staging,dev",
                        "--speed",
                        "10")
                .redirectErrorStream(true)
                .start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            String line = out.readLine();
            assertThat(line)
                    .isEqualTo("dash simulate: serving prod,staging,dev of maximus-core on http://127.0.0.1:" + port
                            + "/metrics (seed 42, tick 1s, speed 10x); Ctrl-C stops it");
            HttpResponse<String> r = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.body()).contains("maximus_arousal_level{environment=\"dev\",service_name=\"maximus-core\"}");

            long start = System.nanoTime();
            p.destroy(); // SIGTERM
            assertThat(p.waitFor(1, TimeUnit.SECONDS))
                    .as("stopped within a second of SIGTERM")
                    .isTrue();
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertThat(millis).isLessThan(1000);
            // The port is free again.
            try (ServerSocket again = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
                assertThat(again.getLocalPort()).isEqualTo(port);
            }
        } finally {
            p.destroyForcibly();
            p.waitFor(5, TimeUnit.SECONDS);
        }
    }

    @Test
    @Timeout(60)
    void portZeroPrintsThePortActuallyChosen() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(
                        java,
                        "-cp",
                        System.getProperty("java.class.path"),
                        Main.class.getName(),
                        "simulate",
                        "--port",
                        "0")
                .redirectErrorStream(true)
                .start();
        try {
            String line =
                    new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8)).readLine();
            Matcher m =
                    Pattern.compile("on http://127\\.0\\.0\\.1:(\\d+)/metrics ").matcher(line);
            assertThat(m.find()).as(line).isTrue();
            assertThat(Integer.parseInt(m.group(1))).isPositive();
        } finally {
            p.destroy();
            p.waitFor(5, TimeUnit.SECONDS);
        }
    }
}
