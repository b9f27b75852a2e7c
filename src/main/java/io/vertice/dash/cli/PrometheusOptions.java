package io.vertice.dash.cli;

import io.vertice.dash.DashException;
import io.vertice.dash.catalog.Connection;
import io.vertice.dash.http.RemoteUrl;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * How {@code validate} reaches a Prometheus-compatible API or an exporter (SPEC §6); mix in with
 * {@code @Mixin PrometheusOptions remote;}. Each credential defaults to its environment variable through
 * picocli's {@code ${env:NAME}} defaults ({@code PROMETHEUS_TOKEN}, {@code PROMETHEUS_USER},
 * {@code PROMETHEUS_PASSWORD}, {@code PROMETHEUS_TENANT}); credentials in the URL's userinfo are used too.
 */
public final class PrometheusOptions {
    @Option(
            names = "--prometheus-token",
            paramLabel = "TOKEN",
            defaultValue = "${env:PROMETHEUS_TOKEN}",
            description =
                    "Bearer token for the Prometheus API (default: $PROMETHEUS_TOKEN; prefer the environment, flags are visible to other users in the process list).")
    String token;

    @Option(
            names = "--prometheus-user",
            paramLabel = "USER",
            defaultValue = "${env:PROMETHEUS_USER}",
            description =
                    "Basic-auth user for the Prometheus API, used when there is no token (default: $PROMETHEUS_USER).")
    String user;

    @Option(
            names = "--prometheus-password",
            paramLabel = "PASSWORD",
            defaultValue = "${env:PROMETHEUS_PASSWORD}",
            description =
                    "Basic-auth password for the Prometheus API (default: $PROMETHEUS_PASSWORD; prefer the environment).")
    String password;

    @Option(
            names = "--tenant",
            paramLabel = "TENANT",
            defaultValue = "${env:PROMETHEUS_TENANT}",
            description =
                    "Tenant for Mimir, Cortex or a multi-tenant Thanos, sent as X-Scope-OrgID (default: $PROMETHEUS_TENANT).")
    String tenant;

    @Option(
            names = "--header",
            paramLabel = "'NAME: VALUE'",
            description = "Extra header sent to the Prometheus API or exporter with every request; repeatable.")
    List<String> headers = new ArrayList<>();

    @Option(
            names = "--ca-cert",
            paramLabel = "FILE",
            description = "PEM file with the CA certificate(s) to trust for the server's https certificate.")
    Path caCert;

    @Option(
            names = "--allow-insecure-http",
            description = "Allow sending the token or password over plain http to a host that is not loopback.")
    boolean allowInsecureHttp;

    @Option(
            names = "--parallel",
            paramLabel = "N",
            defaultValue = "4",
            description =
                    "With --live: queries in flight at once (default: ${DEFAULT-VALUE}); the report does not depend on it.")
    int parallel;

    @Option(
            names = "--query-timeout",
            paramLabel = "DURATION",
            defaultValue = "30s",
            converter = DurationOption.class,
            description = "How long one request may take, e.g. 30s or 2m (default: ${DEFAULT-VALUE}).")
    Duration queryTimeout;

    /** The connection to a Prometheus-compatible API at {@code url}, with these credentials, tenant and headers. */
    public Connection prometheus(String url) {
        return new Connection(
                RemoteUrl.parse(url, "--prometheus"),
                blankToNull(token),
                blankToNull(user),
                blankToNull(password),
                blankToNull(tenant),
                headers(),
                caCert,
                allowInsecureHttp,
                timeout());
    }

    /** The connection to an exporter's /metrics: credentials only from the URL's userinfo. */
    public Connection exporter(String url) {
        return new Connection(
                RemoteUrl.parse(url, "--metrics-url"),
                null,
                null,
                null,
                null,
                headers(),
                caCert,
                allowInsecureHttp,
                timeout());
    }

    /** --parallel, checked. */
    public int parallel() {
        if (parallel < 1 || parallel > 64) {
            throw DashException.input("--parallel must be between 1 and 64, got " + parallel + ".");
        }
        return parallel;
    }

    private Duration timeout() {
        if (queryTimeout.isZero()) {
            throw DashException.input("--query-timeout must be longer than 0, e.g. 30s.");
        }
        return queryTimeout;
    }

    private Map<String, String> headers() {
        Map<String, String> out = new LinkedHashMap<>();
        for (String h : headers) {
            int colon = h.indexOf(':');
            String name = colon < 0 ? "" : h.substring(0, colon).trim();
            if (colon < 0 || !name.matches("[!#$%&'*+.^_`|~0-9A-Za-z-]+")) {
                throw DashException.input("--header \"" + (colon < 0 ? "" : name)
                        + "...\" is not a header; write it as 'Name: value', e.g. --header 'X-Team: sre'.");
            }
            out.put(name, h.substring(colon + 1).trim());
        }
        return out;
    }

    /** An unset environment variable reaches the option as null (process) or empty (a test's environment). */
    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
