package io.newsmon.alerts.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class EndpointRateLimiterTest {

  private final AtomicLong now = new AtomicLong();
  private final EndpointRateLimiter limiter = new EndpointRateLimiter(2, now::get);
  private final URI hook = URI.create("https://hooks.example.org/a");

  @Test
  void allowsABurstThenSpacesDeliveriesToOneEndpoint() {
    assertThat(limiter.delayFor(hook)).isZero();
    assertThat(limiter.delayFor(hook)).isZero();
    assertThat(limiter.delayFor(hook)).isEqualTo(Duration.ofMillis(500));
    assertThat(limiter.delayFor(hook)).isEqualTo(Duration.ofSeconds(1));
  }

  /**
   * A backlog far larger than the burst (a partition taken over with 150 deliveries due): those
   * postponed take no token, so the bucket is never deeper in debt than the deliveries that will
   * really go, and the backlog drains at the rate instead of being postponed forever.
   */
  @Test
  void aPostponedDeliveryTakesNoToken() {
    Duration inline = Duration.ofSeconds(1);
    int sent = 0;
    for (int i = 0; i < 150; i++) {
      if (limiter.delayFor(hook, inline).compareTo(inline) <= 0) {
        sent++;
      }
    }
    assertThat(sent).as("the burst and one second's worth").isEqualTo(4);
    assertThat(limiter.delayFor(hook, inline)).isEqualTo(Duration.ofMillis(1500));
    now.addAndGet(Duration.ofSeconds(10).toNanos());
    assertThat(limiter.delayFor(hook, inline)).as("the bucket is full again").isZero();
  }

  @Test
  void refillsWithTimeAndKeepsEndpointsApart() {
    limiter.delayFor(hook);
    limiter.delayFor(hook);
    assertThat(limiter.delayFor(URI.create("https://other.example.org/x"))).isZero();
    now.addAndGet(Duration.ofSeconds(1).toNanos());
    assertThat(limiter.delayFor(URI.create("https://hooks.example.org/b"))).isZero();
  }

  @Test
  void anOverloadedEndpointRestsForThePauseItAskedFor() {
    limiter.slowDown(hook, Duration.ofSeconds(30));
    assertThat(limiter.delayFor(hook)).isEqualTo(Duration.ofSeconds(30));
    now.addAndGet(Duration.ofSeconds(31).toNanos());
    assertThat(limiter.delayFor(hook)).isZero();
  }

  @Test
  void unlimitedNeverWaits() {
    EndpointRateLimiter unlimited = EndpointRateLimiter.unlimited();
    unlimited.slowDown(hook, Duration.ofHours(1));
    assertThat(unlimited.delayFor(hook)).isZero();
  }
}
