package io.vertice.dash.cli;

import io.vertice.dash.testing.RealPrometheus;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class SimulateCommandTest {

    private record Result(int exitCode, String out, String err) {
    }

    private static Result run(String... args) {
        CommandLine cl = Main.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args);
        return new Result(code, out.toString(), err.toString());
    }

    @Test
    void portInUseIsOneSentenceAndExitTwo() throws IOException {
        try (ServerSocket busy = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            int port = busy.getLocalPort();
            Result r = run("simulate", "--port", Integer.toString(port));
            assertThat(r.exitCode()).isEqualTo(2);
            assertThat(r.err()).isEqualTo("dash: port " + port
                    + " on 127.0.0.1 is already in use; stop the other process or pass --port" + System.lineSeparator());
            assertThat(r.out()).isEmpty();
        }
    }

    @Test
    void badOptionsAreExitTwoWithoutStackTrace() {
        Result tick = run("simulate", "--tick", "soon");
        assertThat(tick.exitCode()).isEqualTo(2);
        assertThat(tick.err()).contains("\"soon\" is not a duration").doesNotContain("Exception");

        Result services = run("simulate", "--services", "0");
        assertThat(services.exitCode()).isEqualTo(2);
        assertThat(services.err()).startsWith("dash: the number of services must be at least 1");

        Result envs = run("simulate", "--environments", "prod,prod");
        assertThat(envs.exitCode()).isEqualTo(2);
        assertThat(envs.err()).startsWith("dash: environments must be distinct");

        Result speed = run("simulate", "--speed", "-1");
        assertThat(speed.exitCode()).isEqualTo(2);
        assertThat(speed.err()).startsWith("dash: the speed must be a positive number");
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
        Result r = run("simulate", "--help");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("--port", "--host", "--seed", "--speed", "--tick", "--environments", "--services",
                "dash simulate --port 9464");
    }

    /** The real thing: a separate JVM serving until SIGTERM, which stops it within a second. */
    @Test
    void servesUntilSigtermAndStopsWithinASecond() throws Exception {
        int port = RealPrometheus.freePort();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "simulate", "--port", Integer.toString(port), "--environments", "prod,staging,dev", "--speed", "10")
                .redirectErrorStream(true).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            String line = out.readLine();
            assertThat(line).isEqualTo("dash simulate: serving prod,staging,dev of maximus-core on http://127.0.0.1:"
                    + port + "/metrics (seed 42, tick 1s, speed 10x); Ctrl-C stops it");
            HttpResponse<String> r = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.body()).contains("maximus_arousal_level{environment=\"dev\",service_name=\"maximus-core\"}");

            long start = System.nanoTime();
            p.destroy(); // SIGTERM
            assertThat(p.waitFor(1, TimeUnit.SECONDS)).as("stopped within a second of SIGTERM").isTrue();
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertThat(millis).isLessThan(1000);
            // The port is free again.
            try (ServerSocket again = new ServerSocket(port, 1, InetAddress.getByName("127.0.0.1"))) {
                assertThat(again.getLocalPort()).isEqualTo(port);
            }
        } finally {
            p.destroyForcibly();
            p.waitFor(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void portZeroPrintsThePortActuallyChosen() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "simulate", "--port", "0").redirectErrorStream(true).start();
        try {
            String line = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8)).readLine();
            Matcher m = Pattern.compile("on http://127\\.0\\.0\\.1:(\\d+)/metrics ").matcher(line);
            assertThat(m.find()).as(line).isTrue();
            assertThat(Integer.parseInt(m.group(1))).isPositive();
        } finally {
            p.destroy();
            p.waitFor(5, TimeUnit.SECONDS);
        }
    }
}
