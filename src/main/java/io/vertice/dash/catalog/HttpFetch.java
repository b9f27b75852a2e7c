package io.vertice.dash.catalog;

import io.vertice.dash.DashException;
import io.vertice.dash.http.HttpAnswer;
import io.vertice.dash.http.HttpClients;
import io.vertice.dash.http.RetryPolicy;
import io.vertice.dash.http.RetryingClient;
import io.vertice.dash.http.Secrets;
import io.vertice.dash.http.Unreachable;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.URLEncoder;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javax.net.ssl.SSLException;
import okhttp3.ConnectionPool;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;

/**
 * Idempotent reads of the remotes validation talks to (an exporter, a Prometheus API) over dash's one HTTP
 * stack ({@link RetryingClient}, which also scrubs secrets from every answer): the connection's credentials,
 * tenant and headers on every request, up to {@value #ATTEMPTS} attempts on connection failures, 429 and
 * 502/503/504; a remote that stays unreachable is one sentence (exit 3) naming the server and what to check.
 */
final class HttpFetch implements AutoCloseable {
    /** Fewer than Grafana's: validation reads are cheap to rerun, and a user is waiting at the terminal. */
    static final int ATTEMPTS = 3;

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    private static final MediaType FORM = MediaType.get("application/x-www-form-urlencoded");

    private final RetryingClient http;

    /** @param log one line per request and retry (for --verbose) */
    HttpFetch(Connection connection, Consumer<String> log) {
        connection.checkTransportSafety();
        RetryPolicy retry =
                RetryPolicy.defaults().withMaxAttempts(ATTEMPTS).withTimeouts(CONNECT_TIMEOUT, connection.timeout());
        String authorization = connection.authorization();
        OkHttpClient.Builder b = HttpClients.builder(retry)
                // synchronous calls from our own workers: the dispatcher's limits do not apply, the pool's do
                .connectionPool(new ConnectionPool(8, 1, TimeUnit.MINUTES))
                .addInterceptor(chain -> {
                    Request.Builder req = chain.request().newBuilder();
                    connection.headers().forEach(req::header);
                    if (authorization != null) {
                        req.header("Authorization", authorization);
                    }
                    if (connection.tenant() != null) {
                        req.header("X-Scope-OrgID", connection.tenant());
                    }
                    return chain.proceed(req.build());
                });
        this.http = new RetryingClient(
                HttpClients.trust(b, connection.caCert(), false).build(), retry, log);
    }

    /**
     * GETs a URL and returns the final answer, whatever its status (the caller words a 4xx/5xx).
     * {@code server} and {@code advice} make the sentence when there is no answer ("Prometheus at X", "check ...").
     */
    HttpAnswer get(HttpUrl url, String accept, String server, String what, String advice) {
        return send(
                new Request.Builder().url(url).header("Accept", accept).get().build(), server, what, advice);
    }

    /** POSTs form parameters (the Prometheus API takes them for series, labels and queries: no URL length limit). */
    HttpAnswer post(
            HttpUrl url, Map<String, List<String>> form, String accept, String server, String what, String advice) {
        StringBuilder body = new StringBuilder();
        form.forEach((k, values) -> values.forEach(v -> body.append(body.length() == 0 ? "" : "&")
                .append(URLEncoder.encode(k, StandardCharsets.UTF_8))
                .append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8))));
        return send(
                new Request.Builder()
                        .url(url)
                        .header("Accept", accept)
                        .post(RequestBody.create(body.toString(), FORM))
                        .build(),
                server,
                what,
                advice);
    }

    private HttpAnswer send(Request request, String server, String what, String advice) {
        try {
            return http.send(request, "waiting for " + server);
        } catch (Unreachable e) {
            if (e.failure() instanceof InterruptedIOException
                    && !(e.failure() instanceof SocketTimeoutException s
                            && String.valueOf(s.getMessage())
                                    .toLowerCase(java.util.Locale.ROOT)
                                    .contains("connect"))) {
                throw new PrometheusApi.TimedOut(
                        "No answer from " + server + " in time on " + what
                                + (e.attempts() > 1 ? " after " + e.attempts() + " attempts" : "")
                                + "; raise --query-timeout, or check that the server is healthy.",
                        e.failure());
            }
            throw DashException.remote(
                    "Cannot reach " + server + " (" + describe(e.failure()) + " on " + what
                            + (e.attempts() > 1 ? " after " + e.attempts() + " attempts" : "") + "); " + advice,
                    e.failure());
        }
    }

    @Override
    public void close() {
        http.close();
    }

    private static String describe(IOException e) {
        if (e instanceof ConnectException) {
            return "connection refused";
        }
        if (e instanceof UnknownHostException) {
            return "unknown host";
        }
        if (e instanceof SSLException) {
            return "TLS failed: " + Secrets.scrub(e.getMessage())
                    + "; pass --ca-cert FILE with the CA that signed the server's certificate";
        }
        if (e instanceof SocketTimeoutException
                && e.getMessage() != null
                && e.getMessage().toLowerCase(java.util.Locale.ROOT).contains("connect")) {
            return "connection timed out";
        }
        if (e instanceof InterruptedIOException) { // OkHttp's read and call timeouts
            return "no answer in time";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : Secrets.scrub(e.getMessage());
    }
}
