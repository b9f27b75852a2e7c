package io.vertice.dash.cli;

import io.vertice.dash.DashException;
import io.vertice.dash.grafana.Dashboards;
import io.vertice.dash.grafana.GrafanaApis;
import io.vertice.dash.grafana.GrafanaClient;
import io.vertice.dash.grafana.GrafanaSettings;
import io.vertice.dash.http.RetryPolicy;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Consumer;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Connection flags shared by the commands that talk to Grafana; mix in with
 * {@code @Mixin GrafanaOptions grafana;}. Each setting defaults to its environment variable through
 * picocli's {@code ${env:NAME}} defaults ({@code GRAFANA_URL}, {@code GRAFANA_TOKEN}, {@code GRAFANA_USER},
 * {@code GRAFANA_PASSWORD}, {@code GRAFANA_ORG_ID}), so a flag wins and {@code --help} shows where a value
 * comes from; the values of the token and password are never shown.
 */
public final class GrafanaOptions {
    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    @Option(
            names = "--url",
            paramLabel = "URL",
            defaultValue = "${env:GRAFANA_URL}",
            description =
                    "Grafana's root URL, e.g. https://grafana.example.com (default: $GRAFANA_URL, now ${env:GRAFANA_URL:-unset}).")
    String url;

    @Option(
            names = "--token",
            paramLabel = "TOKEN",
            defaultValue = "${env:GRAFANA_TOKEN}",
            description =
                    "Service account token, sent as a Bearer token (default: $GRAFANA_TOKEN; prefer the environment, flags are visible to other users in the process list).")
    String token;

    @Option(
            names = "--user",
            paramLabel = "USER",
            defaultValue = "${env:GRAFANA_USER}",
            description =
                    "Basic-auth user, used when there is no token (default: $GRAFANA_USER, now ${env:GRAFANA_USER:-unset}).")
    String user;

    @Option(
            names = "--password",
            paramLabel = "PASSWORD",
            defaultValue = "${env:GRAFANA_PASSWORD}",
            description = "Basic-auth password (default: $GRAFANA_PASSWORD; prefer the environment).")
    String password;

    @Option(
            names = "--org-id",
            paramLabel = "ID",
            defaultValue = "${env:GRAFANA_ORG_ID}",
            description =
                    "Organisation id, sent as X-Grafana-Org-Id (default: $GRAFANA_ORG_ID, now ${env:GRAFANA_ORG_ID:-unset}).")
    String orgId;

    @Option(
            names = "--ca-cert",
            paramLabel = "FILE",
            description = "PEM file with the CA certificate(s) to trust for Grafana's https certificate.")
    Path caCert;

    @Option(
            names = "--insecure-skip-tls-verify",
            description = "Accept any TLS certificate and host name (only for throw-away test setups).")
    boolean insecureSkipTlsVerify;

    @Option(
            names = "--allow-insecure-http",
            description = "Allow sending the token or password over plain http to a host that is not loopback.")
    boolean allowInsecureHttp;

    @Option(
            names = "--timeout",
            paramLabel = "DURATION",
            defaultValue = "30s",
            converter = DurationOption.class,
            description =
                    "Read timeout per request, e.g. 30s or 500ms (default: ${DEFAULT-VALUE}); connecting may take at most 10s.")
    Duration timeout;

    @Option(
            names = "--retries",
            paramLabel = "N",
            defaultValue = "3",
            description =
                    "Retries after a connection failure, 429 or 502/503/504, with exponential backoff (default: ${DEFAULT-VALUE}).")
    int retries;

    @Option(
            names = "--retry-backoff",
            paramLabel = "DURATION",
            defaultValue = "500ms",
            converter = DurationOption.class,
            hidden = true,
            description = "Delay before the first retry (tests make it tiny).")
    Duration retryBackoff;

    @Option(
            names = "--parallel",
            paramLabel = "N",
            defaultValue = "4",
            description = "Requests in flight at once (default: ${DEFAULT-VALUE}).")
    int parallel;

    @Option(
            names = "--api",
            paramLabel = "API",
            defaultValue = "auto",
            description =
                    "Grafana API: auto (GET /apis decides: /apis on Grafana 12+, else the legacy /api), legacy or apis (default: ${DEFAULT-VALUE}).")
    String api;

    @Option(
            names = "--namespace",
            paramLabel = "NS",
            description =
                    "Namespace of /apis (default: from the organisation, 'default' or 'org-<id>'; Grafana Cloud: stacks-<id>).")
    String namespace;

    /** Grafana's dashboards through the API it offers ({@link GrafanaApis#connect}); checks health first. */
    public Dashboards connect(GrafanaClient client, PrintWriter err) {
        return GrafanaApis.connect(
                client,
                GrafanaApis.Choice.parse(api),
                namespace,
                GlobalOptions.of(mixee).verboseLog(err));
    }

    /** The settings from flags and the environment (flags win). */
    public GrafanaSettings settings() {
        String u = blankToNull(url);
        if (u == null) {
            throw DashException.input(
                    "no Grafana URL: pass --url or set GRAFANA_URL (for example http://localhost:3000).");
        }
        if (retries < 0) {
            throw DashException.input("--retries must be 0 or more, got " + retries + ".");
        }
        if (caCert != null && !Files.isReadable(caCert)) {
            throw DashException.input("--ca-cert " + caCert + " does not exist or cannot be read.");
        }
        Long org = null;
        if (blankToNull(orgId) != null) {
            try {
                org = Long.parseLong(orgId.trim());
            } catch (NumberFormatException e) {
                throw DashException.input("--org-id (or GRAFANA_ORG_ID) must be a number, got \"" + orgId + "\".");
            }
        }
        RetryPolicy retry = RetryPolicy.defaults()
                .withTimeouts(Duration.ofSeconds(10), timeout)
                .withMaxAttempts(retries + 1)
                .withBackoffBase(retryBackoff);
        return GrafanaSettings.builder()
                .url(u)
                .token(blankToNull(token))
                .basicAuth(blankToNull(user), blankToNull(password))
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
        Consumer<String> log = GlobalOptions.of(mixee).verboseLog(err);
        GrafanaClient client = new GrafanaClient(settings(), log);
        log.accept("using " + describe(client.settings()));
        return client;
    }

    /** The connection in words for --verbose, e.g. "Grafana at https://g.example/ with a token, org 3, read timeout 30s"; never a secret. */
    static String describe(GrafanaSettings s) {
        String auth = s.token() != null ? "a token" : s.user() != null ? "basic user " + s.user() : "no credentials";
        return "Grafana at " + s.url() + " with " + auth
                + (s.orgId() != null ? ", org " + s.orgId() : "")
                + ", read timeout " + words(s.retry().readTimeout()) + ", up to "
                + s.retry().maxAttempts()
                + " attempts, " + s.parallel() + " in parallel"
                + (s.caCert() != null ? ", CA " + s.caCert() : "")
                + (s.insecureSkipTlsVerify() ? ", TLS not verified" : "");
    }

    /** 30s or 500ms, the way durations are written on the command line (never Java's PT30S). */
    private static String words(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + "s" : d.toMillis() + "ms";
    }

    /** An unset environment variable reaches the option as null (process) or empty (a test's environment). */
    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
