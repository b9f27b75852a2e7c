package io.vertice.dash.catalog;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.vertice.dash.DashException;
import io.vertice.dash.Version;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The catalogue sources speak dash's one HTTP stack: its User-Agent, its retry rules, their own sentences. */
@Timeout(60) // per test: the tests here start servers or processes
class RemoteCatalogSourcesTest {
    @RegisterExtension
    static final WireMockExtension server = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .build();

    @Test
    void anExporterThatIsBrieflyUnavailableIsAskedAgainAsDash() {
        server.stubFor(get(urlPathEqualTo("/metrics"))
                .inScenario("s")
                .whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(503).withHeader("Retry-After", "0"))
                .willSetStateTo("up"));
        server.stubFor(
                get(urlPathEqualTo("/metrics"))
                        .inScenario("s")
                        .whenScenarioStateIs("up")
                        .willReturn(
                                ok(
                                        """
                # HELP up_things Things that are up.
                # TYPE up_things gauge
                up_things{kind="a"} 1
                """)));
        MetricCatalog catalog = new MetricsUrlCatalogSource(server.baseUrl() + "/metrics").load();
        assertThat(catalog.family("up_things"))
                .hasValueSatisfying(f -> assertThat(f.type()).isEqualTo(MetricType.GAUGE));
        assertThat(server.findAll(getRequestedFor(urlPathEqualTo("/metrics"))))
                .hasSize(2)
                .allSatisfy(r -> {
                    assertThat(r.getHeader("User-Agent")).isEqualTo("dash/" + Version.get());
                    assertThat(r.getHeader("Accept")).isEqualTo(MetricsUrlCatalogSource.ACCEPT);
                });
    }

    @Test
    void anExporterAnswering404IsOneSentenceAfterOneRequest() {
        server.stubFor(get(urlPathEqualTo("/metricz")).willReturn(aResponse().withStatus(404)));
        String url = server.baseUrl() + "/metricz";
        assertThatThrownBy(() -> new MetricsUrlCatalogSource(url).load())
                .isInstanceOfSatisfying(DashException.class, e -> {
                    assertThat(e.exitCode()).isEqualTo(3);
                    assertThat(e.getMessage())
                            .isEqualTo(
                                    "The exporter at " + url
                                            + " answered HTTP 404 instead of metrics; check --metrics-url (it usually ends in /metrics).");
                });
        assertThat(server.findAll(getRequestedFor(urlPathEqualTo("/metricz")))).hasSize(1);
    }

    @Test
    void aPrometheusInternalErrorIsNotRetriedAndSaysSo() {
        server.stubFor(get(urlPathEqualTo("/api/v1/query"))
                .withQueryParam("query", equalTo("sum(up) by (job)"))
                .willReturn(aResponse()
                        .withStatus(500)
                        .withBody("{\"status\":\"error\",\"errorType\":\"internal\",\"error\":\"boom\"}")));
        PrometheusApi api = new PrometheusApi(server.baseUrl());
        assertThatThrownBy(() -> api.get("/api/v1/query", Map.of("query", List.of("sum(up) by (job)"))))
                .isInstanceOfSatisfying(DashException.class, e -> {
                    assertThat(e.exitCode()).isEqualTo(3);
                    assertThat(e.getMessage())
                            .isEqualTo("Prometheus at " + server.baseUrl()
                                    + " failed GET /api/v1/query with HTTP 500: boom.");
                });
        assertThat(server.findAll(getRequestedFor(urlPathEqualTo("/api/v1/query"))))
                .hasSize(1);
    }

    @Test
    void credentialsInTheUrlAreSentAsBasicAuthAndNeverShown() {
        server.stubFor(get(urlPathEqualTo("/metrics")).willReturn(ok("# TYPE things gauge\nthings 1\n")));
        String url = server.baseUrl().replace("http://", "http://scraper:s3cret-pw@") + "/metrics";
        MetricsUrlCatalogSource source = new MetricsUrlCatalogSource(url);
        assertThat(source.describe()).isEqualTo(server.baseUrl() + "/metrics");
        source.load();
        assertThat(server.findAll(getRequestedFor(urlPathEqualTo("/metrics"))))
                .singleElement()
                .satisfies(r -> assertThat(r.getHeader("Authorization"))
                        .isEqualTo(okhttp3.Credentials.basic("scraper", "s3cret-pw")));
    }

    @Test
    void tokenTenantAndExtraHeadersGoWithEveryPrometheusRequest() {
        server.stubFor(get(urlPathEqualTo("/api/v1/status/config"))
                .willReturn(ok("{\"status\":\"success\",\"data\":{\"yaml\":\"\"}}")));
        Connection c = new Connection(
                io.vertice.dash.http.RemoteUrl.parse(server.baseUrl(), "--prometheus"),
                "tok-123456",
                null,
                null,
                "team-a",
                Map.of("X-Team", "sre"),
                null,
                false,
                Connection.DEFAULT_TIMEOUT);
        try (PrometheusApi api = new PrometheusApi(c, line -> {})) {
            api.config();
        }
        assertThat(server.findAll(getRequestedFor(urlPathEqualTo("/api/v1/status/config"))))
                .singleElement()
                .satisfies(r -> {
                    assertThat(r.getHeader("Authorization")).isEqualTo("Bearer tok-123456");
                    assertThat(r.getHeader("X-Scope-OrgID")).isEqualTo("team-a");
                    assertThat(r.getHeader("X-Team")).isEqualTo("sre");
                });
    }
}
