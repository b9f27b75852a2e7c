package io.vertice.dash.http;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Timeouts and the retry schedule. A request is retried on connection failures (refused, reset,
 * timed out), 429 and 502/503/504 — answers that mean "not now" — and never on other 4xx, which
 * mean "not like this" and would fail the same way again.
 *
 * <p>Delays grow exponentially from {@code backoffBase} with "equal jitter" (half fixed, half random)
 * so that parallel workers do not retry in lock-step; a {@code Retry-After} header wins when present,
 * capped at {@code maxDelay}.
 *
 * @param connectTimeout time to establish a connection
 * @param readTimeout    time to wait for (each part of) an answer
 * @param maxAttempts    attempts in total, the first included
 * @param backoffBase    delay before the first retry (before jitter)
 * @param maxDelay       longest single wait
 */
public record RetryPolicy(
        Duration connectTimeout, Duration readTimeout, int maxAttempts, Duration backoffBase, Duration maxDelay) {

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
    }

    /** 10 s connect, 30 s read, 4 attempts, 500 ms base, 30 s cap. */
    public static RetryPolicy defaults() {
        return new RetryPolicy(
                Duration.ofSeconds(10), Duration.ofSeconds(30), 4, Duration.ofMillis(500), Duration.ofSeconds(30));
    }

    public RetryPolicy withBackoffBase(Duration base) {
        return new RetryPolicy(connectTimeout, readTimeout, maxAttempts, base, maxDelay);
    }

    public RetryPolicy withTimeouts(Duration connect, Duration read) {
        return new RetryPolicy(connect, read, maxAttempts, backoffBase, maxDelay);
    }

    public RetryPolicy withMaxAttempts(int attempts) {
        return new RetryPolicy(connectTimeout, readTimeout, attempts, backoffBase, maxDelay);
    }

    /** Whether an HTTP status means "try again later". */
    public static boolean retryableStatus(int code) {
        return code == 429 || code == 502 || code == 503 || code == 504;
    }

    /**
     * The wait before retry number {@code retry} (1 for the first retry).
     *
     * @param retryAfter the response's Retry-After header, or null
     * @param now        the current time, to interpret an HTTP-date
     */
    public Duration delay(int retry, String retryAfter, ZonedDateTime now) {
        Duration asked = parseRetryAfter(retryAfter, now);
        if (asked != null) {
            return asked.compareTo(maxDelay) > 0 ? maxDelay : asked;
        }
        long base = backoffBase.toMillis() << Math.min(retry - 1, 20);
        long capped = Math.min(base, maxDelay.toMillis());
        long half = capped / 2;
        return Duration.ofMillis(half + ThreadLocalRandom.current().nextLong(half + 1));
    }

    /** Retry-After as delta-seconds or an HTTP-date (RFC 9110 §10.2.3); null when absent or unreadable. */
    static Duration parseRetryAfter(String value, ZonedDateTime now) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.trim();
        if (v.matches("\\d{1,9}")) {
            return Duration.ofSeconds(Long.parseLong(v));
        }
        try {
            ZonedDateTime at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME);
            Duration d = Duration.between(now, at);
            return d.isNegative() ? Duration.ZERO : d;
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
