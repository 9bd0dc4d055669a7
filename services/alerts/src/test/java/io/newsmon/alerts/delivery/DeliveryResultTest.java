package io.newsmon.alerts.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class DeliveryResultTest {

  private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");

  @Test
  void retryAfterIsReadAsSecondsOrAsAnHttpDate() {
    assertThat(DeliveryResult.parseRetryAfter("120", NOW)).isEqualTo(Duration.ofMinutes(2));
    assertThat(DeliveryResult.parseRetryAfter("Sun, 22 Nov 2026 10:05:00 GMT", NOW))
        .isEqualTo(Duration.ofMinutes(5));
    assertThat(DeliveryResult.parseRetryAfter("Sun, 22 Nov 2026 09:00:00 GMT", NOW)).isZero();
    assertThat(DeliveryResult.parseRetryAfter("999999999", NOW)).isEqualTo(Duration.ofDays(1));
    assertThat(DeliveryResult.parseRetryAfter("soon", NOW)).isNull();
    assertThat(DeliveryResult.parseRetryAfter(null, NOW)).isNull();
  }

  @Test
  void overloadAnswersAskToSlowDown() {
    assertThat(new DeliveryResult(429, null, 1).asksToSlowDown()).isTrue();
    assertThat(new DeliveryResult(502, null, 1).asksToSlowDown()).isTrue();
    assertThat(new DeliveryResult(504, null, 1).asksToSlowDown()).isTrue();
    assertThat(new DeliveryResult(503, null, 1, Duration.ofSeconds(5)).asksToSlowDown()).isTrue();
    assertThat(new DeliveryResult(503, null, 1).asksToSlowDown()).isFalse();
    assertThat(new DeliveryResult(200, null, 1).asksToSlowDown()).isFalse();
  }
}
