package io.vertice.dash.catalog;

import io.vertice.dash.DashException;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Idempotent HTTP GETs for the remotes validation reads (an exporter, a Prometheus API): retried twice on
 * connection failures and 5xx answers; a remote that stays unreachable is one sentence (exit 3).
 */
final class HttpFetch {
    static final int ATTEMPTS = 3;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NORMAL).build();
    private final Duration timeout;

    HttpFetch(Duration timeout) {
        this.timeout = timeout;
    }

    /** Checks that a user-given URL is http(s) with a host; returns it without trailing slashes. */
    static String checkedUrl(String url, String option) {
        String u = url == null ? "" : url.trim();
        while (u.endsWith("/")) {
            u = u.substring(0, u.length() - 1);
        }
        try {
            URI uri = URI.create(u);
            if (uri.getScheme() != null && (uri.getScheme().equals("http") || uri.getScheme().equals("https")) && uri.getHost() != null) {
                return u;
            }
        } catch (IllegalArgumentException e) {
            // falls through to the sentence below
        }
        throw DashException.input("The " + option + " URL \"" + url + "\" is not an http(s) URL; pass e.g. http://localhost:9090.");
    }

    /** GETs a URL; {@code server} and {@code advice} make the failure sentence ("Prometheus at X", "check ..."). */
    HttpResponse<String> get(String url, String accept, String server, String what, String advice) {
        HttpResponse<String> response = null;
        IOException failure = null;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            try {
                HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(timeout).header("Accept", accept).GET().build();
                response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                failure = null;
                if (response.statusCode() < 500) {
                    return response;
                }
            } catch (IOException e) {
                failure = e;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw DashException.remote("Interrupted while waiting for " + server + ".", e);
            }
            if (attempt < ATTEMPTS) {
                pause(attempt);
            }
        }
        if (failure != null) {
            throw DashException.remote("Cannot reach " + server + " (" + describe(failure) + " on " + what + " after "
                    + ATTEMPTS + " attempts); " + advice, failure);
        }
        return response; // a 5xx after every attempt: the caller words it
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(150L * attempt);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String describe(IOException e) {
        if (e instanceof ConnectException) {
            return "connection refused";
        }
        if (e instanceof HttpConnectTimeoutException) {
            return "connection timed out";
        }
        if (e instanceof HttpTimeoutException) {
            return "no answer in time";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
