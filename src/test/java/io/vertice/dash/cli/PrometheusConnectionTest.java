package io.vertice.dash.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Prometheus connection is checked before any request: a secret never goes over plain http to another
 * machine without --allow-insecure-http, and malformed options are one sentence (exit 2) that repeats no secret.
 * (Every case is refused before a connection is made: no traffic leaves 127.0.0.1.)
 */
class PrometheusConnectionTest {

    static Stream<Arguments> refused() {
        return Stream.of(
                Arguments.of(
                        "token over http to another host",
                        Map.of("PROMETHEUS_TOKEN", "tok-9f8e7d6c"),
                        List.of("validate", "--prometheus", "http://10.0.0.1:9090"),
                        "refusing to send the token over plain http to 10.0.0.1",
                        "tok-9f8e7d6c"),
                Arguments.of(
                        "URL credentials over http to another host",
                        Map.of(),
                        List.of("validate", "--prometheus", "http://ops:pw-5e4d3c2b@10.0.0.1:9090"),
                        "refusing to send the password over plain http to 10.0.0.1",
                        "pw-5e4d3c2b"),
                Arguments.of(
                        "PROMETHEUS_URL with credentials over http",
                        Map.of("PROMETHEUS_URL", "http://ops:pw-5e4d3c2b@prom.example.org"),
                        List.of("validate", "--live"),
                        "refusing to send the password over plain http to prom.example.org",
                        "pw-5e4d3c2b"),
                Arguments.of(
                        "exporter URL credentials over http",
                        Map.of(),
                        List.of("validate", "--metrics-url", "http://ops:pw-5e4d3c2b@10.0.0.1:9100/metrics"),
                        "refusing to send the password over plain http to 10.0.0.1",
                        "pw-5e4d3c2b"),
                Arguments.of(
                        "an Authorization header over http",
                        Map.of(),
                        List.of(
                                "validate",
                                "--prometheus",
                                "http://10.0.0.1:9090",
                                "--header",
                                "Authorization: Bearer hdr-1a2b3c4d"),
                        "refusing to send the Authorization header over plain http",
                        "hdr-1a2b3c4d"),
                Arguments.of(
                        "a header without a colon",
                        Map.of(),
                        List.of("validate", "--prometheus", "http://127.0.0.1:1", "--header", "Xsecret-7g8h9i"),
                        "is not a header; write it as 'Name: value'",
                        "Xsecret-7g8h9i"),
                Arguments.of(
                        "a URL that is not http",
                        Map.of(),
                        List.of("validate", "--prometheus", "ftp://ops:pw-5e4d3c2b@host/"),
                        "is not an http(s) URL",
                        "pw-5e4d3c2b"),
                Arguments.of(
                        "--parallel 0",
                        Map.of(),
                        List.of("validate", "--prometheus", "http://127.0.0.1:1", "--live", "--parallel", "0"),
                        "--parallel must be between 1 and 64",
                        "\tat "));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refused")
    void refusedWithOneSentenceAndExit2(
            String name, Map<String, String> env, List<String> args, String sentence, String secret) {
        Cli.Result r = Cli.run(env, args.toArray(String[]::new));
        assertThat(r.exit()).as(r.all()).isEqualTo(2);
        assertThat(r.err()).contains(sentence);
        assertThat(r.all()).doesNotContain(secret).doesNotContain("Exception");
    }
}
