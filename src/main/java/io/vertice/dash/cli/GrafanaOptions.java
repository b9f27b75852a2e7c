package io.vertice.dash.cli;

import io.vertice.dash.DashException;
import io.vertice.dash.grafana.GrafanaClient;
import io.vertice.dash.grafana.GrafanaSettings;
import io.vertice.dash.http.RetryPolicy;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Connection flags shared by the commands that talk to Grafana; mix in with
 * {@code @Mixin GrafanaOptions grafana;}. A flag wins over its environment variable
 * ({@code GRAFANA_URL}, {@code GRAFANA_TOKEN}, {@code GRAFANA_USER}, {@code GRAFANA_PASSWORD},
 * {@code GRAFANA_ORG_ID}).
 */
public final class GrafanaOptions {
    /** Where environment variables come from; tests replace it to control the environment. */
    static volatile Function<String, String> environment = System::getenv;

    @Option(names = "--url", paramLabel = "URL", description = "Grafana's root URL, e.g. https://grafana.example.com (env GRAFANA_URL).")
    String url;

    @Option(names = "--token", paramLabel = "TOKEN",
            description = "Service account token, sent as a Bearer token (env GRAFANA_TOKEN; prefer the environment, flags are visible to other users in the process list).")
    String token;

    @Option(names = "--user", paramLabel = "USER", description = "Basic-auth user, used when there is no token (env GRAFANA_USER).")
    String user;

    @Option(names = "--password", paramLabel = "PASSWORD", description = "Basic-auth password (env GRAFANA_PASSWORD; prefer the environment).")
    String password;

    @Option(names = "--org-id", paramLabel = "ID", description = "Organisation id, sent as X-Grafana-Org-Id (env GRAFANA_ORG_ID).")
    Long orgId;

    @Option(names = "--ca-cert", paramLabel = "FILE", description = "PEM file with the CA certificate(s) to trust for Grafana's https certificate.")
    Path caCert;

    @Option(names = "--insecure-skip-tls-verify", description = "Accept any TLS certificate and host name (only for throw-away test setups).")
    boolean insecureSkipTlsVerify;

    @Option(names = "--allow-insecure-http", description = "Allow sending the token or password over plain http to a host that is not loopback.")
    boolean allowInsecureHttp;

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "30s", converter = DurationOption.class,
            description = "Read timeout per request, e.g. 30s or 500ms (default: ${DEFAULT-VALUE}); connecting may take at most 10s.")
    Duration timeout;

    @Option(names = "--retries", paramLabel = "N", defaultValue = "3",
            description = "Retries after a connection failure, 429 or 502/503/504, with exponential backoff (default: ${DEFAULT-VALUE}).")
    int retries;

    @Option(names = "--retry-backoff", paramLabel = "DURATION", defaultValue = "500ms", converter = DurationOption.class, hidden = true,
            description = "Delay before the first retry (tests make it tiny).")
    Duration retryBackoff;

    @Option(names = "--parallel", paramLabel = "N", defaultValue = "4",
            description = "Requests in flight at once (default: ${DEFAULT-VALUE}).")
    int parallel;

    /** The settings from flags and the environment (flags win). */
    public GrafanaSettings settings() {
        String u = firstNonBlank(url, environment.apply("GRAFANA_URL"));
        if (u == null) {
            throw DashException.input("no Grafana URL: pass --url or set GRAFANA_URL (for example http://localhost:3000).");
        }
        if (retries < 0) {
            throw DashException.input("--retries must be 0 or more, got " + retries + ".");
        }
        if (caCert != null && !Files.isReadable(caCert)) {
            throw DashException.input("--ca-cert " + caCert + " does not exist or cannot be read.");
        }
        Long org = orgId;
        String envOrg = environment.apply("GRAFANA_ORG_ID");
        if (org == null && envOrg != null && !envOrg.isBlank()) {
            try {
                org = Long.parseLong(envOrg.trim());
            } catch (NumberFormatException e) {
                throw DashException.input("GRAFANA_ORG_ID must be a number, got \"" + envOrg + "\".");
            }
        }
        RetryPolicy retry = RetryPolicy.defaults()
                .withTimeouts(Duration.ofSeconds(10), timeout)
                .withMaxAttempts(retries + 1)
                .withBackoffBase(retryBackoff);
        return GrafanaSettings.builder()
                .url(u)
                .token(firstNonBlank(token, environment.apply("GRAFANA_TOKEN")))
                .basicAuth(firstNonBlank(user, environment.apply("GRAFANA_USER")), firstNonBlank(password, environment.apply("GRAFANA_PASSWORD")))
                .orgId(org)
                .caCert(caCert)
                .insecureSkipTlsVerify(insecureSkipTlsVerify)
                .allowInsecureHttp(allowInsecureHttp)
                .retry(retry)
                .parallel(parallel)
                .build();
    }

    /** A client for these settings that logs requests to {@code err} when --verbose is on. */
    public GrafanaClient client(PrintWriter err) {
        Consumer<String> log = GlobalOptions.verboseLog(err);
        GrafanaClient client = new GrafanaClient(settings(), log);
        log.accept("using " + client.settings());
        return client;
    }

    private static String firstNonBlank(String a, String b) {
        if (a != null && !a.isBlank()) {
            return a;
        }
        return b != null && !b.isBlank() ? b : null;
    }
}
