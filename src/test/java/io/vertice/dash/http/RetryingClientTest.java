package io.vertice.dash.http;

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

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.vertice.dash.Version;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import okhttp3.Request;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The retry contract every remote gets: which answers are retried, how often, and what is sent. */
@Timeout(60) // per test: the tests here start servers or processes
class RetryingClientTest {
    @RegisterExtension
    static final WireMockExtension server = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .build();

    private final List<String> log = new ArrayList<>();

    private RetryingClient client(int attempts) {
        RetryPolicy fast = RetryPolicy.defaults()
                .withBackoffBase(Duration.ofMillis(1))
                .withMaxAttempts(attempts)
                .withTimeouts(Duration.ofSeconds(2), Duration.ofMillis(500));
        return RetryingClient.of(fast, log::add);
    }

    private Request request(String path) {
        return new Request.Builder().url(server.baseUrl() + path).build();
    }

    private int calls(String path) {
        return server.findAll(getRequestedFor(urlPathEqualTo(path))).size();
    }

    @Test
    void sendsDashAsUserAgent() throws Unreachable {
        server.stubFor(get(urlPathEqualTo("/x")).willReturn(ok("hi")));
        HttpAnswer a = client(3).send(request("/x"), "reading x");
        assertThat(a.code()).isEqualTo(200);
        assertThat(a.body()).isEqualTo("hi");
        server.verify(getRequestedFor(urlPathEqualTo("/x")).withHeader("User-Agent", equalTo("dash/" + Version.get())));
    }

    @Test
    void notNowAnswersAreRetriedUntilOneIsFinal() throws Unreachable {
        server.stubFor(get(urlPathEqualTo("/x"))
                .inScenario("s")
                .whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(503).withHeader("Retry-After", "1"))
                .willSetStateTo("busy"));
        server.stubFor(get(urlPathEqualTo("/x"))
                .inScenario("s")
                .whenScenarioStateIs("busy")
                .willReturn(aResponse().withStatus(429))
                .willSetStateTo("up"));
        server.stubFor(get(urlPathEqualTo("/x"))
                .inScenario("s")
                .whenScenarioStateIs("up")
                .willReturn(ok("{}")));
        HttpAnswer a = client(4).send(request("/x"), "reading x");
        assertThat(a.code()).isEqualTo(200);
        assertThat(a.attempts()).isEqualTo(3);
        assertThat(a.afterAttempts()).isEqualTo(" after 3 attempts");
        assertThat(calls("/x")).isEqualTo(3);
        assertThat(log).contains("retrying GET /x in 1000 ms after 503 (attempt 2 of 4)"); // the server's Retry-After
    }

    @Test
    void okHttpDoesNotAddRetriesOfItsOwn() throws Unreachable {
        // OkHttp on its own repeats a 503 with "Retry-After: 0" once; RetryPolicy must be the only count
        server.stubFor(
                get(urlPathEqualTo("/x")).willReturn(aResponse().withStatus(503).withHeader("Retry-After", "0")));
        HttpAnswer a = client(2).send(request("/x"), "reading x");
        assertThat(a.code()).isEqualTo(503);
        assertThat(a.attempts()).isEqualTo(2);
        assertThat(calls("/x")).isEqualTo(2);
    }

    @Test
    void aRetryableAnswerOnTheLastAttemptIsReturnedForTheCallerToWord() throws Unreachable {
        server.stubFor(
                get(urlPathEqualTo("/x")).willReturn(aResponse().withStatus(502).withBody("bad gateway")));
        HttpAnswer a = client(3).send(request("/x"), "reading x");
        assertThat(a.code()).isEqualTo(502);
        assertThat(a.attempts()).isEqualTo(3);
        assertThat(calls("/x")).isEqualTo(3);
    }

    @Test
    void otherErrorsAreFinalAtOnce() throws Unreachable {
        for (int code : new int[] {400, 401, 403, 404, 409, 500}) {
            server.resetAll();
            server.stubFor(get(urlPathEqualTo("/x")).willReturn(aResponse().withStatus(code)));
            HttpAnswer a = client(4).send(request("/x"), "reading x");
            assertThat(a.code()).isEqualTo(code);
            assertThat(a.attempts()).as("HTTP %d", code).isEqualTo(1);
            assertThat(a.afterAttempts()).isEmpty();
            assertThat(calls("/x")).as("HTTP %d", code).isEqualTo(1);
        }
    }

    @Test
    void aResetConnectionIsRetried() throws Unreachable {
        server.stubFor(get(urlPathEqualTo("/x"))
                .inScenario("r")
                .whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER))
                .willSetStateTo("ok"));
        server.stubFor(get(urlPathEqualTo("/x"))
                .inScenario("r")
                .whenScenarioStateIs("ok")
                .willReturn(ok("fine")));
        HttpAnswer a = client(3).send(request("/x"), "reading x");
        assertThat(a.body()).isEqualTo("fine");
        assertThat(a.attempts()).isEqualTo(2);
    }

    @Test
    void aClosedPortIsUnreachableAfterEveryAttempt() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Request request =
                new Request.Builder().url("http://127.0.0.1:" + port + "/x").build();
        assertThatThrownBy(() -> client(3).send(request, "reading x")).isInstanceOfSatisfying(Unreachable.class, e -> {
            assertThat(e.attempts()).isEqualTo(3);
            assertThat(e.failure()).isInstanceOf(ConnectException.class);
        });
    }
}
