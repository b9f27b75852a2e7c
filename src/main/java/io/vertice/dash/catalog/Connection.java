package io.vertice.dash.catalog;

import io.vertice.dash.DashException;
import io.vertice.dash.http.RemoteUrl;
import io.vertice.dash.http.Secrets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How to reach a Prometheus-compatible API or an exporter (SPEC §6): where, as whom (a bearer token, else basic
 * auth from flags, the environment or the URL's userinfo), for which tenant ({@code X-Scope-OrgID}), with which
 * extra headers, whom to trust, and how patiently. {@link #toString()} never shows a secret.
 *
 * @param url               the server, without credentials
 * @param token             bearer token, or null
 * @param user              basic-auth user, or null
 * @param password          basic-auth password, or null
 * @param tenant            sent as {@code X-Scope-OrgID} (Mimir, Cortex, Thanos, a multi-tenant proxy), or null
 * @param headers           extra headers, name to value, sent with every request
 * @param caCert            PEM file with the CA certificates to trust, or null for the system's
 * @param allowInsecureHttp allow credentials over plain http to a host that is not loopback
 * @param timeout           read timeout of one request
 */
public record Connection(
        RemoteUrl url,
        String token,
        String user,
        String password,
        String tenant,
        Map<String, String> headers,
        Path caCert,
        boolean allowInsecureHttp,
        Duration timeout) {

    /** Read timeout unless the user asks for another: a big /metrics or catalogue answer can take a while. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

    public Connection {
        headers = Map.copyOf(new LinkedHashMap<>(headers));
        token = blankToNull(token);
        if (url.hasCredentials() && user == null && password == null) {
            user = url.user();
            password = url.password();
        }
        user = blankToNull(user);
        password = blankToNull(password);
        Secrets.register(token);
        Secrets.registerBasic(user, password);
        headers.forEach(Secrets::registerHeader);
        if (caCert != null && !Files.isReadable(caCert)) {
            throw DashException.input("--ca-cert " + caCert + " does not exist or cannot be read.");
        }
    }

    /** No credentials but those in the URL, no tenant, default timeout. */
    public static Connection to(String url, String option) {
        return new Connection(
                RemoteUrl.parse(url, option), null, null, null, null, Map.of(), null, false, DEFAULT_TIMEOUT);
    }

    /** The server as text, never with credentials. */
    public String describe() {
        return url.text();
    }

    /** The {@code Authorization} value, or null: the token wins over basic auth. */
    String authorization() {
        if (token != null) {
            return "Bearer " + token;
        }
        return password != null || user != null
                ? okhttp3.Credentials.basic(user == null ? "" : user, password == null ? "" : password)
                : null;
    }

    /** Refuses credentials over plain http to a host that is not loopback (as for Grafana). */
    void checkTransportSafety() {
        String what = token != null
                ? "the token"
                : password != null
                        ? "the password"
                        : headers.keySet().stream().anyMatch(h -> h.equalsIgnoreCase("authorization"))
                                ? "the Authorization header"
                                : null;
        RemoteUrl.checkTransportSafety(url.url(), what, allowInsecureHttp, "--allow-insecure-http");
    }

    public Connection withTimeout(Duration t) {
        return new Connection(url, token, user, password, tenant, headers, caCert, allowInsecureHttp, t);
    }

    @Override
    public String toString() {
        return "Connection[url=" + describe() + ", auth="
                + (token != null ? "bearer token" : password != null ? "basic user " + user : "none") + ", tenant="
                + tenant + ", headers=" + headers.keySet() + ", caCert=" + caCert + ", timeout=" + timeout + "]";
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
