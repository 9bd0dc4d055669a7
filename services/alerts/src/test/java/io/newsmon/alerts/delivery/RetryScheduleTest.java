package io.newsmon.alerts.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RetryScheduleTest {

  private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

  @Test
  void theDefaultIsTheStandardWebhooksScheduleOfTenAttempts() {
    RetrySchedule schedule = RetrySchedule.STANDARD_WEBHOOKS;
    assertThat(schedule.maxAttempts()).isEqualTo(10);
    assertThat(schedule.delays().stream().reduce(Duration.ZERO, Duration::plus))
        .isEqualTo(Duration.parse("PT75H35M5S"));
    assertThat(schedule.next(10, NOW, new SplittableRandom(1))).isEmpty();
  }

  @Test
  void jitterSpreadsEachDelayWithinItsShare() {
    RetrySchedule schedule = new RetrySchedule(List.of(Duration.ZERO, Duration.ofMinutes(10)), 0.2);
    SplittableRandom random = new SplittableRandom(3);
    for (int i = 0; i < 1000; i++) {
      Duration delay = Duration.between(NOW, schedule.next(1, NOW, random).orElseThrow());
      assertThat(delay).isBetween(Duration.ofMinutes(8), Duration.ofMinutes(12));
    }
    assertThat(schedule.next(0, NOW, random)).contains(NOW);
  }

  @Test
  void invalidSchedulesAreRefused() {
    assertThatThrownBy(() -> new RetrySchedule(List.of(), 0)).hasMessageContaining("at least one");
    assertThatThrownBy(() -> new RetrySchedule(List.of(Duration.ofSeconds(-1)), 0))
        .hasMessageContaining("negative");
    assertThatThrownBy(() -> new RetrySchedule(List.of(Duration.ZERO), 0.9))
        .hasMessageContaining("jitter");
  }
}
