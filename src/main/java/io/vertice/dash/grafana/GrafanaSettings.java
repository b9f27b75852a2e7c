package io.vertice.dash.grafana;

import io.vertice.dash.DashException;
import io.vertice.dash.http.RetryPolicy;
import java.nio.file.Path;
import okhttp3.HttpUrl;

/**
 * Everything needed to talk to one Grafana: where, as whom, and how patiently. Built with
 * {@link #builder()}; {@link #toString()} never shows the token or password.
 *
 * @param url                   Grafana's root URL (with any sub-path), no credentials in it
 * @param token                 service account token sent as {@code Authorization: Bearer}, or null
 * @param user                  basic-auth user (used when there is no token), or null
 * @param password              basic-auth password, or null
 * @param orgId                 organisation sent as {@code X-Grafana-Org-Id}, or null for the user's default
 * @param caCert                PEM file with the CA certificates to trust instead of the system's, or null
 * @param insecureSkipTlsVerify accept any certificate and host name (explicit opt-in, for test setups)
 * @param allowInsecureHttp     allow credentials over plain http to a host that is not loopback
 * @param retry                 timeouts and retries
 * @param parallel              how many requests may be in flight at once
 */
public record GrafanaSettings(
        HttpUrl url,
        String token,
        String user,
        String password,
        Long orgId,
        Path caCert,
        boolean insecureSkipTlsVerify,
        boolean allowInsecureHttp,
        RetryPolicy retry,
        int parallel) {

    public GrafanaSettings {
        if (url == null) {
            throw DashException.input(
                    "no Grafana URL: pass --url or set GRAFANA_URL (for example http://localhost:3000).");
        }
        if (parallel < 1) {
            throw DashException.input("--parallel must be at least 1, got " + parallel + ".");
        }
        if (retry == null) {
            retry = RetryPolicy.defaults();
        }
        token = blankToNull(token);
        user = blankToNull(user);
        password = blankToNull(password);
        if (token == null && (user == null) != (password == null)) {
            throw DashException.input(
                    user == null
                            ? "a Grafana password was given without a user: set GRAFANA_USER (or --user) too, or use GRAFANA_TOKEN."
                            : "a Grafana user was given without a password: set GRAFANA_PASSWORD too, or use GRAFANA_TOKEN.");
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Whether any secret (token or password) would go with each request. */
    public boolean hasCredentials() {
        return token != null || password != null;
    }

    /**
     * Refuses to send a secret over plain http to another machine: anyone on the path could read it.
     * Loopback is fine (nothing leaves the host); anything else needs {@code --allow-insecure-http}.
     */
    public void checkTransportSafety() {
        if (hasCredentials() && !url.isHttps() && !allowInsecureHttp && !isLoopback(url.host())) {
            throw DashException.input("refusing to send the Grafana " + (token != null ? "token" : "password")
                    + " over plain http to " + url.host() + ", where anyone on the network could read it;"
                    + " use an https:// URL, or pass --allow-insecure-http if this network is trusted.");
        }
    }

    /** localhost or a literal loopback address; host names are not resolved (no DNS lookup needed). */
    static boolean isLoopback(String host) {
        return io.vertice.dash.http.RemoteUrl.isLoopback(host);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    @Override
    public String toString() {
        return "GrafanaSettings[url=" + url + ", auth="
                + (token != null ? "token" : password != null ? "basic user " + user : "none")
                + ", orgId=" + orgId + ", caCert=" + caCert + ", insecureSkipTlsVerify=" + insecureSkipTlsVerify
                + ", allowInsecureHttp=" + allowInsecureHttp + ", retry=" + retry + ", parallel=" + parallel + "]";
    }

    /** Builder; {@link #url(String)} parses and checks the URL. */
    public static final class Builder {
        private HttpUrl url;
        private String token;
        private String user;
        private String password;
        private Long orgId;
        private Path caCert;
        private boolean insecureSkipTlsVerify;
        private boolean allowInsecureHttp;
        private RetryPolicy retry = RetryPolicy.defaults();
        private int parallel = 4;

        public Builder url(String text) {
            if (text == null || text.isBlank()) {
                this.url = null;
                return this;
            }
            HttpUrl parsed = HttpUrl.parse(text.trim());
            if (parsed == null) {
                throw DashException.input(
                        "the Grafana URL " + redactUserInfo(text) + " is not an http:// or https:// URL.");
            }
            if (!parsed.username().isEmpty() || !parsed.password().isEmpty()) {
                throw DashException.input(
                        "the Grafana URL must not contain credentials; put them in GRAFANA_USER and GRAFANA_PASSWORD (or GRAFANA_TOKEN) instead.");
            }
            this.url = parsed;
            return this;
        }

        public Builder url(HttpUrl url) {
            this.url = url;
            return this;
        }

        public Builder token(String token) {
            this.token = token;
            return this;
        }

        public Builder basicAuth(String user, String password) {
            this.user = user;
            this.password = password;
            return this;
        }

        public Builder orgId(Long orgId) {
            this.orgId = orgId;
            return this;
        }

        public Builder caCert(Path caCert) {
            this.caCert = caCert;
            return this;
        }

        public Builder insecureSkipTlsVerify(boolean b) {
            this.insecureSkipTlsVerify = b;
            return this;
        }

        public Builder allowInsecureHttp(boolean b) {
            this.allowInsecureHttp = b;
            return this;
        }

        public Builder retry(RetryPolicy retry) {
            this.retry = retry;
            return this;
        }

        public Builder parallel(int parallel) {
            this.parallel = parallel;
            return this;
        }

        public GrafanaSettings build() {
            return new GrafanaSettings(
                    url,
                    token,
                    user,
                    password,
                    orgId,
                    caCert,
                    insecureSkipTlsVerify,
                    allowInsecureHttp,
                    retry,
                    parallel);
        }

        private static String redactUserInfo(String text) {
            return text.replaceAll("//[^/@]*@", "//***@");
        }
    }
}
