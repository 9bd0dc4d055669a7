package io.newsmon.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RetryAfterTest {

  private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");

  @Test
  void readAsSecondsOrAsAnHttpDate() {
    assertThat(RetryAfter.parse("120", NOW)).isEqualTo(Duration.ofMinutes(2));
    assertThat(RetryAfter.parse("Sun, 22 Nov 2026 10:05:00 GMT", NOW))
        .isEqualTo(Duration.ofMinutes(5));
    assertThat(RetryAfter.parse("Sun, 22 Nov 2026 09:00:00 GMT", NOW)).isZero();
    assertThat(RetryAfter.parse("999999999", NOW)).isEqualTo(Duration.ofDays(1));
    assertThat(RetryAfter.parse("soon", NOW)).isNull();
    assertThat(RetryAfter.parse(null, NOW)).isNull();
  }
}
