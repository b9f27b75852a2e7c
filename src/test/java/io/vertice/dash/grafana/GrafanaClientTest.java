package io.vertice.dash.grafana;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import io.vertice.dash.DashException;
import io.vertice.dash.http.RetryPolicy;
import io.vertice.dash.json.Json;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The client's contract: health checks, injected faults and retries, TLS options. */
@Timeout(60) // per test: the tests here start servers or processes
class GrafanaClientTest {
    private FakeGrafana grafana;
    private final List<String> log = new ArrayList<>();
    /** Every client a test makes, closed after it (their connection pools and threads). */
    private final List<GrafanaClient> clients = new ArrayList<>();

    @BeforeEach
    void start() {
        grafana = new FakeGrafana();
    }

    @AfterEach
    void stop() {
        clients.forEach(GrafanaClient::close);
        grafana.close();
    }

    private GrafanaClient track(GrafanaClient c) {
        clients.add(c);
        return c;
    }

    private GrafanaClient client(RetryPolicy retry) {
        return track(new GrafanaClient(
                GrafanaSettings.builder()
                        .url(grafana.url())
                        .token(FakeGrafana.TOKEN)
                        .retry(retry)
                        .build(),
                line -> {
                    synchronized (log) {
                        log.add(line);
                    }
                }));
    }

    private static RetryPolicy fast() {
        return RetryPolicy.defaults()
                .withBackoffBase(Duration.ofMillis(1))
                .withTimeouts(Duration.ofSeconds(2), Duration.ofMillis(500));
    }

    @Test
    void healthReportsTheVersion() {
        assertThat(client(fast()).health().version()).isEqualTo("11.3.0");
    }

    @Test
    void aGrafanaOlderThanTheMinimumIsRefused() {
        grafana.version = "8.5.27";
        assertThatThrownBy(() -> client(fast()).health())
                .isInstanceOf(DashException.class)
                .hasMessageContaining("Grafana 8.5.27")
                .hasMessageContaining("too old")
                .hasMessageContaining("9.1 or newer")
                .extracting(e -> ((DashException) e).exitCode())
                .isEqualTo(3);
        grafana.version = "9.1.0";
        assertThat(client(fast()).health().version()).isEqualTo("9.1.0");
        grafana.version = "10.4.3-security-01";
        assertThat(client(fast()).health().version()).isEqualTo("10.4.3-security-01");
    }

    @Test
    void somethingThatIsNotGrafanaIsSaidSo() {
        grafana.server()
                .stubFor(get(urlPathEqualTo("/api/health"))
                        .atPriority(1)
                        .willReturn(aResponse()
                                .withStatus(200)
                                .withHeader("Content-Type", "text/html")
                                .withBody("<html>welcome to nginx</html>")));
        assertThatThrownBy(() -> client(fast()).health())
                .isInstanceOf(DashException.class)
                .hasMessageContaining("does not look like Grafana")
                .hasMessageContaining("text/html")
                .hasMessageContaining("GRAFANA_URL");
    }

    @Test
    void aFailingDatabaseIsSaidSo() {
        grafana.server()
                .stubFor(get(urlPathEqualTo("/api/health"))
                        .atPriority(1)
                        .willReturn(aResponse()
                                .withStatus(503)
                                .withHeader("Content-Type", "application/json")
                                .withBody("{\"database\":\"failing\",\"version\":\"11.1.0\"}")));
        assertThatThrownBy(() -> client(fast().withMaxAttempts(2)).health())
                .hasMessageContaining("reports its database as 'failing'");
    }

    @Test
    void anUnreachableGrafanaIsOneSentenceAfterRetries() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        GrafanaClient c = track(new GrafanaClient(
                GrafanaSettings.builder()
                        .url("http://127.0.0.1:" + port)
                        .retry(fast())
                        .build(),
                log::add));
        assertThatThrownBy(c::health)
                .isInstanceOf(DashException.class)
                .hasMessageContaining("cannot connect to Grafana at http://127.0.0.1:" + port)
                .hasMessageContaining("tried 4 times")
                .hasMessageContaining("check GRAFANA_URL")
                .extracting(e -> ((DashException) e).exitCode())
                .isEqualTo(3);
    }

    @Test
    void aConnectionResetIsRetried() {
        grafana.server()
                .stubFor(get(urlPathEqualTo("/api/health"))
                        .atPriority(1)
                        .inScenario("reset")
                        .whenScenarioStateIs(STARTED)
                        .willSetStateTo("fine")
                        .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        assertThat(client(fast()).health().database()).isEqualTo("ok");
        assertThat(grafana.requests("GET", "/api/health")).hasSize(2);
        assertThat(log).anyMatch(l -> l.startsWith("retrying GET /api/health"));
    }

    @Test
    void a429WaitsAsLongAsRetryAfterSays() {
        grafana.server()
                .stubFor(get(urlPathEqualTo("/api/search"))
                        .atPriority(1)
                        .inScenario("busy")
                        .whenScenarioStateIs(STARTED)
                        .willSetStateTo("free")
                        .willReturn(aResponse()
                                .withStatus(429)
                                .withHeader("Retry-After", "1")
                                .withBody("{\"message\":\"Too many requests\"}")));
        grafana.seedDashboard(Json.object().put("uid", "a").put("title", "A"), null);

        long start = System.nanoTime();
        List<SearchHit> hits = client(fast()).search(SearchQuery.all(), 100);
        long ms = Duration.ofNanos(System.nanoTime() - start).toMillis();

        assertThat(hits).extracting(SearchHit::uid).containsExactly("a");
        assertThat(ms).isGreaterThanOrEqualTo(950);
        assertThat(grafana.requests("GET", "/api/search")).hasSize(2);
        assertThat(log).anyMatch(l -> l.contains("in 1000 ms after 429"));
    }

    @Test
    void aResponseSlowerThanTheReadTimeoutIsRetriedThenReported() {
        grafana.server()
                .stubFor(get(urlPathEqualTo("/api/dashboards/uid/slow"))
                        .atPriority(1)
                        .inScenario("slow")
                        .whenScenarioStateIs(STARTED)
                        .willSetStateTo("fast")
                        .willReturn(okJson("{}").withFixedDelay(1500)));
        grafana.seedDashboard(Json.object().put("uid", "slow").put("title", "Slow"), null);

        assertThat(client(fast()).dashboard("slow")).isPresent();
        assertThat(log).anyMatch(l -> l.contains("SocketTimeoutException"));

        grafana.server()
                .stubFor(get(urlPathEqualTo("/api/dashboards/uid/slower"))
                        .atPriority(1)
                        .willReturn(okJson("{}").withFixedDelay(1500)));
        assertThatThrownBy(() -> client(fast().withMaxAttempts(2)).dashboard("slower"))
                .isInstanceOf(DashException.class)
                .hasMessageContaining("did not answer in time while reading dashboard slower (tried 2 times)")
                .hasMessageContaining("--timeout");
    }

    @Test
    void searchFollowsPagesUntilAShortOne() {
        for (int i = 0; i < 7; i++) {
            grafana.seedDashboard(Json.object().put("uid", "d" + i).put("title", "Dash " + i), null);
        }
        List<SearchHit> hits = client(fast()).search(SearchQuery.all(), 3);

        assertThat(hits).hasSize(7);
        assertThat(grafana.requests("GET", "/api/search"))
                .extracting(r -> r.queryParameter("page").firstValue())
                .containsExactly("1", "2", "3");
        assertThat(grafana.requests("GET", "/api/search")).allSatisfy(r -> {
            assertThat(r.queryParameter("type").firstValue()).isEqualTo("dash-db");
            assertThat(r.queryParameter("limit").firstValue()).isEqualTo("3");
        });
    }

    @Test
    void tlsIsVerifiedByDefaultAndTheCaCertOrAnExplicitSkipLetItThrough(@TempDir Path dir) throws Exception {
        // a certificate for localhost, as a real Grafana behind TLS would have
        Path keystore = dir.resolve("grafana.p12");
        Path pem = dir.resolve("ca.pem");
        keytool(
                "-genkeypair",
                "-alias",
                "grafana",
                "-keyalg",
                "RSA",
                "-keysize",
                "2048",
                "-dname",
                "CN=localhost",
                "-ext",
                "SAN=dns:localhost,ip:127.0.0.1",
                "-validity",
                "2",
                "-storetype",
                "PKCS12",
                "-keystore",
                keystore.toString(),
                "-storepass",
                "changeit",
                "-keypass",
                "changeit");
        keytool(
                "-exportcert",
                "-rfc",
                "-alias",
                "grafana",
                "-keystore",
                keystore.toString(),
                "-storepass",
                "changeit",
                "-file",
                pem.toString());
        WireMockServer https = new WireMockServer(wireMockConfig()
                .dynamicPort()
                .dynamicHttpsPort()
                .keystorePath(keystore.toString())
                .keystorePassword("changeit")
                .keyManagerPassword("changeit")
                .keystoreType("PKCS12"));
        https.start();
        try {
            https.stubFor(get(urlPathEqualTo("/api/health"))
                    .willReturn(okJson("{\"database\":\"ok\",\"version\":\"11.0.0\"}")));
            String url = "https://localhost:" + https.httpsPort();

            GrafanaClient verified = track(new GrafanaClient(
                    GrafanaSettings.builder().url(url).retry(fast()).build(), log::add));
            assertThatThrownBy(verified::health)
                    .isInstanceOf(DashException.class)
                    .hasMessageContaining("TLS connection")
                    .hasMessageContaining("--ca-cert");

            GrafanaClient skipping = track(new GrafanaClient(
                    GrafanaSettings.builder()
                            .url(url)
                            .insecureSkipTlsVerify(true)
                            .retry(fast())
                            .build(),
                    log::add));
            assertThat(skipping.health().version()).isEqualTo("11.0.0");

            GrafanaClient trusting = track(new GrafanaClient(
                    GrafanaSettings.builder().url(url).caCert(pem).retry(fast()).build(), log::add));
            assertThat(trusting.health().version()).isEqualTo("11.0.0");
        } finally {
            https.stop();
        }
    }

    @Test
    void credentialsAreNotSentOverPlainHttpExceptToLoopbackOrWhenAllowed() {
        GrafanaSettings remote = GrafanaSettings.builder()
                .url("http://grafana.internal:3000")
                .token("secret-token")
                .build();
        assertThatThrownBy(() -> new GrafanaClient(remote, log::add))
                .isInstanceOf(DashException.class)
                .hasMessageContaining("refusing to send the Grafana token over plain http to grafana.internal")
                .hasMessageNotContaining("secret-token")
                .extracting(e -> ((DashException) e).exitCode())
                .isEqualTo(2);
        GrafanaSettings password = GrafanaSettings.builder()
                .url("http://10.0.0.5:3000")
                .basicAuth("admin", "pw")
                .build();
        assertThatThrownBy(password::checkTransportSafety).hasMessageContaining("Grafana password");

        GrafanaSettings.builder()
                .url("http://localhost:3000")
                .token("t")
                .build()
                .checkTransportSafety();
        GrafanaSettings.builder()
                .url("http://127.0.0.2:3000")
                .token("t")
                .build()
                .checkTransportSafety();
        GrafanaSettings.builder().url("http://[::1]:3000").token("t").build().checkTransportSafety();
        GrafanaSettings.builder()
                .url("http://grafana.internal:3000")
                .token("t")
                .allowInsecureHttp(true)
                .build()
                .checkTransportSafety();
        GrafanaSettings.builder()
                .url("https://grafana.internal")
                .token("t")
                .build()
                .checkTransportSafety();
        GrafanaSettings.builder().url("http://grafana.internal").build().checkTransportSafety();
    }

    @Test
    void settingsNeverShowTheirSecrets() {
        String shown = GrafanaSettings.builder()
                        .url("https://g.example")
                        .token("tok-123456")
                        .build()
                        .toString()
                + GrafanaSettings.builder()
                        .url("https://g.example")
                        .basicAuth("admin", "pw-654321")
                        .build();
        assertThat(shown)
                .doesNotContain("tok-123456")
                .doesNotContain("pw-654321")
                .contains("auth=token", "basic user admin");
        assertThatThrownBy(() -> GrafanaSettings.builder()
                        .url("https://admin:pw-654321@g.example")
                        .build())
                .hasMessageContaining("must not contain credentials")
                .hasMessageNotContaining("pw-654321");
    }

    @Test
    void grafanaBehindASubPathIsAddressedUnderIt() {
        grafana.server()
                .stubFor(get(urlPathEqualTo("/grafana/api/health"))
                        .atPriority(1)
                        .willReturn(okJson("{\"database\":\"ok\",\"version\":\"11.2.0\"}")));
        for (String base : List.of(grafana.url() + "/grafana", grafana.url() + "/grafana/")) {
            GrafanaClient c = track(new GrafanaClient(
                    GrafanaSettings.builder().url(base).retry(fast()).build(), log::add));
            assertThat(c.health().version()).isEqualTo("11.2.0");
        }
    }

    @Test
    void versionComparison() {
        assertThat(GrafanaClient.atLeast("11.0.0", "9.1")).isTrue();
        assertThat(GrafanaClient.atLeast("9.1.0", "9.1")).isTrue();
        assertThat(GrafanaClient.atLeast("9.0.9", "9.1")).isFalse();
        assertThat(GrafanaClient.atLeast("v10.0.0-pre", "9.1")).isTrue();
        assertThat(GrafanaClient.atLeast("8.5.0", "9.1")).isFalse();
    }

    private static void keytool(String... args) throws Exception {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(output).isZero();
    }
}
