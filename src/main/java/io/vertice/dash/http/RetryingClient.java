package io.vertice.dash.http;

import io.vertice.dash.DashException;
import java.io.IOException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javax.net.ssl.SSLException;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Sends requests with the retries of a {@link RetryPolicy}: connection failures and "not now" answers
 * (429, 502, 503, 504) are tried again after an exponential, jittered wait or the server's
 * {@code Retry-After}; any other answer is returned as it is. Thread-safe.
 *
 * <p>Every remote call of dash goes through here, so this is where answers are made safe to print: the
 * credentials each request carried are registered with {@link Secrets}, and the answer's reason and body and
 * every log line are scrubbed of every secret dash holds before anyone words a message from them.
 */
public final class RetryingClient implements AutoCloseable {
    private final OkHttpClient http;
    private final RetryPolicy retry;
    private final Consumer<String> log;

    /**
     * @param http  a client from {@link HttpClients#builder(RetryPolicy)} (with the same policy)
     * @param log   receives one line per request and retry (for --verbose); never sees headers
     */
    public RetryingClient(OkHttpClient http, RetryPolicy retry, Consumer<String> log) {
        this.http = http;
        this.retry = retry;
        this.log = log;
    }

    /** A client with dash's defaults ({@link HttpClients#builder(RetryPolicy)}) and nothing else. */
    public static RetryingClient of(RetryPolicy retry, Consumer<String> log) {
        return new RetryingClient(HttpClients.builder(retry).build(), retry, log);
    }

    public RetryPolicy retry() {
        return retry;
    }

    /**
     * Sends with retries and returns the final answer, whatever its status.
     *
     * @param what what the request does, for the sentence when the wait is interrupted ("reading dashboard x")
     * @throws Unreachable when no answer came after the allowed attempts
     */
    public HttpAnswer send(Request request, String what) throws Unreachable {
        registerSecrets(request.headers());
        String line = Secrets.scrub(request.method() + " " + request.url().encodedPath()
                + (request.url().encodedQuery() == null
                        ? ""
                        : "?" + request.url().encodedQuery()));
        for (int attempt = 1; ; attempt++) {
            long start = System.nanoTime();
            String retryAfter;
            String outcome;
            try (Response r = http.newCall(request).execute()) {
                // credentials added by the caller's interceptors are on the request as it was sent
                registerSecrets(r.request().headers());
                String body = Secrets.scrub(r.body().string());
                long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
                log.accept(line + " -> " + r.code() + " in " + ms + " ms");
                if (!RetryPolicy.retryableStatus(r.code()) || attempt >= retry.maxAttempts()) {
                    return new HttpAnswer(
                            r.code(), Secrets.scrub(r.message()), body, r.header("Content-Type"), attempt);
                }
                retryAfter = r.header("Retry-After");
                outcome = Integer.toString(r.code());
            } catch (IOException e) {
                log.accept(line + " -> " + e.getClass().getSimpleName()
                        + (e.getMessage() == null ? "" : ": " + Secrets.scrub(e.getMessage())));
                // a certificate or a host name does not get better by asking again
                if (e instanceof SSLException || e instanceof UnknownHostException || attempt >= retry.maxAttempts()) {
                    throw new Unreachable(e, attempt);
                }
                retryAfter = null;
                outcome = e.getClass().getSimpleName();
            }
            Duration wait = retry.delay(attempt, retryAfter, ZonedDateTime.now(java.time.ZoneOffset.UTC));
            log.accept("retrying " + line + " in " + wait.toMillis() + " ms after " + outcome + " (attempt "
                    + (attempt + 1) + " of " + retry.maxAttempts() + ")");
            try {
                Thread.sleep(wait.toMillis());
            } catch (InterruptedException ie) {
                Thread.currentThread().interrupt();
                throw DashException.remote("interrupted while " + what + ".");
            }
        }
    }

    /** Every header value to scrub; by name and value, not OkHttp's Kotlin pairs (no Kotlin dependency to declare). */
    private static void registerSecrets(okhttp3.Headers headers) {
        for (int i = 0; i < headers.size(); i++) {
            Secrets.registerHeader(headers.name(i), headers.value(i));
        }
    }

    @Override
    public void close() {
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }
}
