package io.vertice.dash.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {
    private static final ZonedDateTime NOW = ZonedDateTime.of(2026, 11, 24, 5, 0, 0, 0, ZoneOffset.UTC);

    @Test
    void retryAfterInSecondsOrAsAnHttpDate() {
        assertThat(RetryPolicy.parseRetryAfter("7", NOW)).isEqualTo(Duration.ofSeconds(7));
        assertThat(RetryPolicy.parseRetryAfter("Tue, 24 Nov 2026 05:00:12 GMT", NOW))
                .isEqualTo(Duration.ofSeconds(12));
        assertThat(RetryPolicy.parseRetryAfter("Tue, 24 Nov 2026 04:59:00 GMT", NOW))
                .isEqualTo(Duration.ZERO);
        assertThat(RetryPolicy.parseRetryAfter("soon", NOW)).isNull();
        assertThat(RetryPolicy.parseRetryAfter(null, NOW)).isNull();
    }

    @Test
    void retryAfterWinsOverBackoffButIsCapped() {
        RetryPolicy p = RetryPolicy.defaults();
        assertThat(p.delay(1, "3", NOW)).isEqualTo(Duration.ofSeconds(3));
        assertThat(p.delay(1, "3600", NOW)).isEqualTo(p.maxDelay());
    }

    @Test
    void backoffGrowsExponentiallyWithJitterWithinBounds() {
        RetryPolicy p = RetryPolicy.defaults().withBackoffBase(Duration.ofMillis(100));
        for (int i = 0; i < 50; i++) {
            assertThat(p.delay(1, null, NOW).toMillis()).isBetween(50L, 100L);
            assertThat(p.delay(3, null, NOW).toMillis()).isBetween(200L, 400L);
            assertThat(p.delay(30, null, NOW)).isLessThanOrEqualTo(p.maxDelay());
        }
    }

    @Test
    void onlyNotNowAnswersAreRetryable() {
        assertThat(RetryPolicy.retryableStatus(429)).isTrue();
        assertThat(RetryPolicy.retryableStatus(502)).isTrue();
        assertThat(RetryPolicy.retryableStatus(503)).isTrue();
        assertThat(RetryPolicy.retryableStatus(504)).isTrue();
        for (int code : new int[] {400, 401, 403, 404, 409, 412, 500}) {
            assertThat(RetryPolicy.retryableStatus(code)).as("%d", code).isFalse();
        }
    }
}
