package io.vertice.dash.catalog;

import io.vertice.dash.DashException;
import io.vertice.dash.http.HttpAnswer;
import io.vertice.dash.http.RetryPolicy;
import io.vertice.dash.http.RetryingClient;
import io.vertice.dash.http.Unreachable;
import okhttp3.HttpUrl;
import okhttp3.Request;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * Idempotent GETs for the remotes validation reads (an exporter, a Prometheus API) over dash's one HTTP
 * stack ({@link RetryingClient}): up to {@value #ATTEMPTS} attempts on connection failures, 429 and
 * 502/503/504; a remote that stays unreachable is one sentence (exit 3) naming the server and what to check.
 */
final class HttpFetch {
    /** Fewer than Grafana's: validation reads are cheap to rerun, and a user is waiting at the terminal. */
    static final int ATTEMPTS = 3;
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    /** Read timeout unless the caller needs another: a big /metrics or /api/v1/series answer can take a while. */
    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

    private final RetryingClient http;

    /**
     * @param timeout how long to wait for (each part of) an answer
     * @param log     one line per request and retry (for --verbose)
     */
    HttpFetch(Duration timeout, Consumer<String> log) {
        this.http = RetryingClient.of(RetryPolicy.defaults().withMaxAttempts(ATTEMPTS).withTimeouts(CONNECT_TIMEOUT, timeout), log);
    }

    /** Checks that a user-given URL is http(s) with a host; returns it without trailing slashes. */
    static String checkedUrl(String url, String option) {
        String u = url == null ? "" : url.trim();
        while (u.endsWith("/")) {
            u = u.substring(0, u.length() - 1);
        }
        if (HttpUrl.parse(u) == null) {
            throw DashException.input("The " + option + " URL \"" + url + "\" is not an http(s) URL; pass e.g. http://localhost:9090.");
        }
        return u;
    }

    /**
     * GETs a URL and returns the final answer, whatever its status (the caller words a 4xx/5xx).
     * {@code server} and {@code advice} make the sentence when there is no answer ("Prometheus at X", "check ...").
     */
    HttpAnswer get(HttpUrl url, String accept, String server, String what, String advice) {
        Request request = new Request.Builder().url(url).header("Accept", accept).get().build();
        try {
            return http.send(request, "waiting for " + server);
        } catch (Unreachable e) {
            throw DashException.remote("Cannot reach " + server + " (" + describe(e.failure()) + " on " + what
                    + (e.attempts() > 1 ? " after " + e.attempts() + " attempts" : "") + "); " + advice, e.failure());
        }
    }

    private static String describe(IOException e) {
        if (e instanceof ConnectException) {
            return "connection refused";
        }
        if (e instanceof UnknownHostException) {
            return "unknown host";
        }
        if (e instanceof SocketTimeoutException && e.getMessage() != null && e.getMessage().toLowerCase(java.util.Locale.ROOT).contains("connect")) {
            return "connection timed out";
        }
        if (e instanceof InterruptedIOException) { // OkHttp's read and call timeouts
            return "no answer in time";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
