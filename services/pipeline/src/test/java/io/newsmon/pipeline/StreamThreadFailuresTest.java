package io.newsmon.pipeline;

import static org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.REPLACE_THREAD;
import static org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsmon.common.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.Test;

class StreamThreadFailuresTest {

  private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T00:00:00Z"));

  @Test
  void replacesTheThreadUpToTheLimitThenStopsTheInstance() {
    StreamThreadFailures failures = new StreamThreadFailures(3, Duration.ofMinutes(10), clock);

    for (int i = 0; i < 3; i++) {
      assertThat(failures.handle(new TimeoutException("commit timed out")))
          .isEqualTo(REPLACE_THREAD);
      clock.advance(Duration.ofMinutes(1));
    }

    assertThat(failures.handle(new TimeoutException("again"))).isEqualTo(SHUTDOWN_CLIENT);
    assertThat(failures.replaced()).isEqualTo(3);
  }

  @Test
  void failuresOlderThanTheWindowNoLongerCount() {
    StreamThreadFailures failures = new StreamThreadFailures(2, Duration.ofMinutes(10), clock);
    failures.handle(new TimeoutException("outage 1"));
    failures.handle(new TimeoutException("outage 1, second thread"));

    clock.advance(Duration.ofMinutes(10));

    assertThat(failures.handle(new TimeoutException("outage 2"))).isEqualTo(REPLACE_THREAD);
    assertThat(failures.replaced()).isEqualTo(3);
  }

  @Test
  void zeroReplacementsStopsAtTheFirstFailure() {
    StreamThreadFailures failures = new StreamThreadFailures(0, Duration.ofMinutes(1), clock);

    assertThat(failures.handle(new IllegalStateException("bug"))).isEqualTo(SHUTDOWN_CLIENT);
    assertThat(failures.replaced()).isZero();
  }

  @Test
  void refusesSettingsThatMakeNoSense() {
    assertThatThrownBy(() -> new StreamThreadFailures(-1, Duration.ofMinutes(1), clock))
        .hasMessageContaining("maxReplacements");
    assertThatThrownBy(() -> new StreamThreadFailures(1, Duration.ZERO, clock))
        .hasMessageContaining("window");
  }
}
