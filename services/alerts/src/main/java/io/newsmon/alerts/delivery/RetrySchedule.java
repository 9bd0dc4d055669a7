package io.newsmon.alerts.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * When each attempt of a webhook delivery is made: {@code delays.get(n)} after attempt {@code n}
 * failed (attempt 1 after {@code delays.get(0)}, usually zero), each delay spread by ± {@code
 * jitter} so that deliveries failing together do not all come back at the same second. The default
 * is the Standard Webhooks specification's example: immediately, 5 s, 5 min, 30 min, 2 h, 5 h, 10
 * h, 14 h, 20 h and 24 h, ten attempts over about three days.
 *
 * @param delays the delay before each attempt, the first counted from the alert's creation
 * @param jitter the share of each delay added or removed at random, in [0, 0.5]
 */
public record RetrySchedule(List<Duration> delays, double jitter) {

  public static final RetrySchedule STANDARD_WEBHOOKS =
      new RetrySchedule(
          List.of(
              Duration.ZERO,
              Duration.ofSeconds(5),
              Duration.ofMinutes(5),
              Duration.ofMinutes(30),
              Duration.ofHours(2),
              Duration.ofHours(5),
              Duration.ofHours(10),
              Duration.ofHours(14),
              Duration.ofHours(20),
              Duration.ofHours(24)),
          0.2);

  public RetrySchedule {
    delays = List.copyOf(delays);
    if (delays.isEmpty()) {
      throw new IllegalArgumentException("a retry schedule needs at least one attempt");
    }
    if (delays.stream().anyMatch(Duration::isNegative)) {
      throw new IllegalArgumentException("retry delays cannot be negative: " + delays);
    }
    if (!(jitter >= 0 && jitter <= 0.5)) {
      throw new IllegalArgumentException("jitter must be within [0, 0.5]: " + jitter);
    }
  }

  public int maxAttempts() {
    return delays.size();
  }

  /**
   * When to make the next attempt after {@code attemptsMade} attempts failed, the last at {@code
   * now}; empty when none is left.
   */
  public Optional<Instant> next(int attemptsMade, Instant now, RandomGenerator random) {
    if (attemptsMade >= delays.size()) {
      return Optional.empty();
    }
    Duration delay = delays.get(attemptsMade);
    double spread = 1 + jitter * (2 * random.nextDouble() - 1);
    return Optional.of(now.plusMillis(Math.round(delay.toMillis() * spread)));
  }
}
