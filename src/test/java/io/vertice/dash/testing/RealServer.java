package io.vertice.dash.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * A real server from a Debian package (victoria-metrics, prometheus-node-exporter, prometheus-alertmanager)
 * started for a test on 127.0.0.1 with a free port and a temporary directory, ready when a URL answers 200;
 * stopped by its PID. Skipped, with the reason, when the binary is absent.
 * <pre>
 * try (RealServer vm = RealServer.start("victoria-metrics", "/health",
 *         (port, dir) -> List.of("-httpListenAddr=127.0.0.1:" + port, "-storageDataPath=" + dir.resolve("data")))) { ... }
 * </pre>
 */
public final class RealServer implements AutoCloseable {
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /** The command line of a server, given its port and its temporary directory. */
    public interface CommandLine {
        List<String> args(int port, Path dir) throws IOException;
    }

    private final Process process;
    private final Path dir;
    private final String url;

    private RealServer(Process process, Path dir, String url) {
        this.process = process;
        this.dir = dir;
        this.url = url;
    }

    /** {@code /usr/bin/<name>} (or {@code $<NAME>_BIN}); the test is skipped when it is absent. */
    public static Path binary(String name) {
        String override = System.getenv(name.toUpperCase(java.util.Locale.ROOT).replace('-', '_') + "_BIN");
        Path p = override != null ? Path.of(override) : Path.of("/usr/bin", name);
        Assumptions.assumeTrue(
                Files.isExecutable(p),
                "skipped: " + p + " is absent (apt-get install the Debian package; CI installs it)");
        return p;
    }

    /** Starts {@code name} with the arguments {@code command} gives; waits until {@code readyPath} answers 200 (60 s at most). */
    public static RealServer start(String name, String readyPath, CommandLine command) {
        return start(binary(name), readyPath, command);
    }

    /** As above, for a binary found elsewhere (e.g. {@code $PROMETHEUS_BIN}). */
    static RealServer start(Path bin, String readyPath, CommandLine command) {
        String name = bin.getFileName().toString();
        try {
            Path dir = Files.createTempDirectory("dash-" + name + "-");
            int port = RealPrometheus.freePort();
            List<String> cmd = new ArrayList<>();
            cmd.add(bin.toString());
            cmd.addAll(command.args(port, dir));
            Process process = new ProcessBuilder(cmd)
                    .redirectErrorStream(true)
                    .redirectOutput(dir.resolve("log").toFile())
                    .start();
            RealServer server = new RealServer(process, dir, "http://127.0.0.1:" + port);
            try {
                server.awaitReady(readyPath, Duration.ofSeconds(60));
            } catch (RuntimeException | Error e) {
                server.close();
                throw e;
            }
            return server;
        } catch (IOException e) {
            throw new IllegalStateException("could not start " + bin + ": " + e.getMessage(), e);
        }
    }

    /** VictoriaMetrics scraping these targets every second; queries see the newest samples at once. */
    public static RealServer victoriaMetrics(String... targets) {
        return start("victoria-metrics", "/health", (port, dir) -> {
            Path config = dir.resolve("scrape.yml");
            Files.writeString(config, scrapeConfig("maximus-core", targets));
            return List.of(
                    "-httpListenAddr=127.0.0.1:" + port,
                    "-storageDataPath=" + dir.resolve("data"),
                    "-promscrape.config=" + config,
                    "-search.latencyOffset=1s",
                    "-loggerLevel=ERROR");
        });
    }

    /** A Prometheus-format scrape configuration: one job, these targets, every second. */
    public static String scrapeConfig(String job, String... targets) {
        StringBuilder list = new StringBuilder();
        for (String t : targets) {
            list.append(list.length() == 0 ? "" : ", ").append('"').append(t).append('"');
        }
        return """
                global:
                  scrape_interval: 1s
                scrape_configs:
                  - job_name: %s
                    static_configs:
                      - targets: [%s]
                """
                .formatted(job, list);
    }

    public String url() {
        return url;
    }

    public long pid() {
        return process.pid();
    }

    /** {@code 127.0.0.1:<port>}, as a scrape target. */
    public String hostPort() {
        return url.substring("http://".length());
    }

    private void awaitReady(String path, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError(url + " exited with " + process.exitValue() + ":\n" + logTail());
            }
            try {
                HttpResponse<String> r = HTTP.send(
                        HttpRequest.newBuilder(URI.create(url + path))
                                .timeout(Duration.ofSeconds(2))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
        }
        throw new AssertionError(url + path + " not ready after " + timeout.toSeconds() + " s:\n" + logTail());
    }

    public String logTail() {
        try {
            List<String> lines = Files.readAllLines(dir.resolve("log"));
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /** Stops the server by its PID (SIGTERM, then SIGKILL after 10 s) and deletes its directory. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a leftover temp dir is harmless
        }
    }
}
