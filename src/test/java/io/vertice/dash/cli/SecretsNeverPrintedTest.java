package io.vertice.dash.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A careless proxy echoes the credentials it got in its 401, 403 and 500 bodies (raw, URL-encoded, decoded from
 * basic auth). Every remote command, with and without --verbose, in every output format, fails with one sentence
 * and never prints a secret, in any form, nor a URL with its userinfo.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class SecretsNeverPrintedTest {
    private static final String TOKEN = "glsa_Sup3rSecretT0ken_0123456789";
    private static final String PASSWORD = "pa55/w+rd:s3cret";
    private static final String USER = "alice";
    private static final String URL_PASSWORD = "url-Pa55w0rd";
    private static HttpServer proxy;

    @BeforeAll
    static void start() throws IOException {
        proxy = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        proxy.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            int status = path.startsWith("/s403") ? 403 : path.startsWith("/s500") ? 500 : 401;
            String auth = String.valueOf(exchange.getRequestHeaders().getFirst("Authorization"));
            String decoded = "";
            if (auth.startsWith("Basic ")) {
                decoded = new String(Base64.getDecoder().decode(auth.substring(6)), StandardCharsets.UTF_8);
            }
            String echo = "got Authorization='" + auth + "' decoded='" + decoded + "' encoded="
                    + URLEncoder.encode(auth, StandardCharsets.UTF_8);
            String body = "{\"status\":\"error\",\"errorType\":\"auth\",\"error\":\"" + echo.replace("\"", "\\\"")
                    + "\",\"message\":\"" + echo.replace("\"", "\\\"").replace("/", "\\/") + "\"}";
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        proxy.start();
    }

    @AfterAll
    static void stop() {
        proxy.stop(0);
    }

    private static String base(int status) {
        return "http://127.0.0.1:" + proxy.getAddress().getPort() + "/s" + status;
    }

    private static String withUserInfo(int status) {
        return base(status).replace("http://", "http://" + USER + ":" + URL_PASSWORD + "@");
    }

    static Stream<Arguments> commands() {
        List<Arguments> out = new ArrayList<>();
        Map<String, String> promToken = Map.of("PROMETHEUS_TOKEN", TOKEN);
        Map<String, String> promBasic = Map.of("PROMETHEUS_USER", USER, "PROMETHEUS_PASSWORD", PASSWORD);
        Map<String, String> grafanaToken = Map.of("GRAFANA_TOKEN", TOKEN);
        Map<String, String> grafanaBasic = Map.of("GRAFANA_USER", USER, "GRAFANA_PASSWORD", PASSWORD);
        for (int status : new int[] {401, 403, 500}) {
            for (boolean verbose : new boolean[] {false, true}) {
                for (String format : List.of("text", "json", "junit", "github")) {
                    add(
                            out,
                            "validate --prometheus, token",
                            status,
                            verbose,
                            promToken,
                            "validate",
                            "--prometheus",
                            base(status),
                            "--format",
                            format);
                    add(
                            out,
                            "validate --prometheus, basic",
                            status,
                            verbose,
                            promBasic,
                            "validate",
                            "--prometheus",
                            base(status),
                            "--format",
                            format);
                    add(
                            out,
                            "validate --prometheus, URL credentials",
                            status,
                            verbose,
                            Map.of(),
                            "validate",
                            "--prometheus",
                            withUserInfo(status),
                            "--format",
                            format);
                    add(
                            out,
                            "validate PROMETHEUS_URL with credentials",
                            status,
                            verbose,
                            Map.of("PROMETHEUS_URL", withUserInfo(status)),
                            "validate",
                            "--prometheus",
                            "--format",
                            format);
                    add(
                            out,
                            "validate --live",
                            status,
                            verbose,
                            promToken,
                            "validate",
                            "--live",
                            "--prometheus",
                            base(status),
                            "--format",
                            format);
                    add(
                            out,
                            "validate --metrics-url with credentials",
                            status,
                            verbose,
                            Map.of(),
                            "validate",
                            "--metrics-url",
                            withUserInfo(status) + "/metrics",
                            "--format",
                            format);
                }
                for (String format : List.of("text", "json", "github")) {
                    add(
                            out,
                            "diff --grafana, token",
                            status,
                            verbose,
                            Map.of("GRAFANA_URL", base(status), "GRAFANA_TOKEN", TOKEN),
                            "diff",
                            "--grafana",
                            "--format",
                            format,
                            "--retries",
                            "0");
                }
                add(
                        out,
                        "import, token",
                        status,
                        verbose,
                        Map.of("GRAFANA_URL", base(status), "GRAFANA_TOKEN", TOKEN),
                        "import",
                        "--retries",
                        "0");
                add(
                        out,
                        "import, basic",
                        status,
                        verbose,
                        Map.of("GRAFANA_URL", base(status), "GRAFANA_USER", USER, "GRAFANA_PASSWORD", PASSWORD),
                        "import",
                        "--retries",
                        "0");
                add(
                        out,
                        "import --dry-run, token",
                        status,
                        verbose,
                        Map.of("GRAFANA_URL", base(status), "GRAFANA_TOKEN", TOKEN),
                        "import",
                        "--dry-run",
                        "--retries",
                        "0");
                add(
                        out,
                        "pull, token",
                        status,
                        verbose,
                        Map.of("GRAFANA_URL", base(status), "GRAFANA_TOKEN", TOKEN),
                        "pull",
                        "--all",
                        "--retries",
                        "0",
                        "--out",
                        "@OUT@");
                add(
                        out,
                        "pull, basic",
                        status,
                        verbose,
                        Map.of("GRAFANA_URL", base(status), "GRAFANA_USER", USER, "GRAFANA_PASSWORD", PASSWORD),
                        "pull",
                        "--all",
                        "--retries",
                        "0",
                        "--out",
                        "@OUT@");
                if (status == 401 && verbose) {
                    // a Grafana token and basic auth at once: both are secrets dash holds
                    add(
                            out,
                            "diff --grafana, basic",
                            status,
                            true,
                            grafanaBasic.isEmpty()
                                    ? grafanaToken
                                    : Map.of(
                                            "GRAFANA_URL",
                                            base(status),
                                            "GRAFANA_USER",
                                            USER,
                                            "GRAFANA_PASSWORD",
                                            PASSWORD),
                            "diff",
                            "--grafana");
                }
            }
        }
        return out.stream();
    }

    private static void add(
            List<Arguments> out, String name, int status, boolean verbose, Map<String, String> env, String... args) {
        List<String> a = new ArrayList<>(List.of(args));
        if (verbose) {
            a.add("--verbose");
        }
        out.add(Arguments.of(
                name + ", HTTP " + status + (verbose ? ", --verbose" : "")
                        + (a.contains("--format") ? ", " + a.get(a.indexOf("--format") + 1) : ""),
                env,
                a));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("commands")
    void aSecretEchoedByTheServerIsNeverPrinted(
            String name, Map<String, String> env, List<String> args, @TempDir Path tmp) throws IOException {
        List<String> a = args.stream()
                .map(x -> x.equals("@OUT@") ? tmp.resolve("pulled").toString() : x)
                .toList();
        Cli.Result r = Cli.run(env, a.toArray(String[]::new));
        String printed = r.all();
        try (Stream<Path> files = Files.walk(tmp)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                printed += Files.readString(f);
            }
        }
        assertThat(r.exit()).as(printed).isEqualTo(3);
        assertThat(printed)
                .as("one sentence naming the server")
                .contains("dash: ")
                .contains("127.0.0.1:" + proxy.getAddress().getPort());
        for (String secret : secretForms()) {
            assertThat(printed).as("printed:\n" + printed).doesNotContain(secret);
        }
        assertThat(printed).doesNotContain(USER + ":").doesNotContain("@127.0.0.1");
        assertThat(printed).doesNotContain("Exception").doesNotContain("\tat ");
    }

    private static List<String> secretForms() {
        List<String> out = new ArrayList<>();
        for (String s : List.of(TOKEN, PASSWORD, URL_PASSWORD)) {
            out.add(s);
            out.add(URLEncoder.encode(s, StandardCharsets.UTF_8));
            out.add(s.replace("/", "\\/"));
        }
        for (String pair : List.of(USER + ":" + PASSWORD, USER + ":" + URL_PASSWORD)) {
            out.add(Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
        }
        out.add(URLDecoder.decode(URLEncoder.encode(TOKEN, StandardCharsets.UTF_8), StandardCharsets.UTF_8));
        return out;
    }
}
