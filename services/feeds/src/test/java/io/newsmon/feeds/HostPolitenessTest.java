package io.newsmon.feeds;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsmon.common.testing.MutableClock;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class HostPolitenessTest {

  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-30T10:00:00Z"));
  private final HostPoliteness politeness =
      new HostPoliteness(Duration.ofSeconds(2), Duration.ofMinutes(30), clock);
  private final URI feed = URI.create("https://News.Example/feed.xml");
  private final URI page = URI.create("https://news.example/world/story.html");
  private final URI other = URI.create("https://other.example/feed.xml");

  @Test
  void oneRequestAtATimePerHostAndTheDelayBetweenThem() {
    assertThat(politeness.tryAcquire(feed)).isZero();
    assertThat(politeness.tryAcquire(page)).as("same host, busy").isPositive();
    assertThat(politeness.tryAcquire(other)).as("another host is not held up").isZero();

    politeness.succeeded(feed);
    assertThat(politeness.tryAcquire(page)).isEqualTo(Duration.ofSeconds(2));
    clock.advance(Duration.ofSeconds(2));
    assertThat(politeness.tryAcquire(page)).isZero();
  }

  @Test
  void failuresBackOffDoublingAndRetryAfterWinsWhenLonger() {
    politeness.tryAcquire(feed);
    politeness.failed(feed, null);
    assertThat(politeness.tryAcquire(feed)).isEqualTo(Duration.ofSeconds(4));
    clock.advance(Duration.ofSeconds(4));
    politeness.tryAcquire(feed);
    politeness.failed(feed, null);
    assertThat(politeness.tryAcquire(feed)).isEqualTo(Duration.ofSeconds(8));

    clock.advance(Duration.ofSeconds(8));
    politeness.tryAcquire(feed);
    politeness.failed(feed, Duration.ofMinutes(10));
    assertThat(politeness.tryAcquire(feed)).isEqualTo(Duration.ofMinutes(10));

    clock.advance(Duration.ofMinutes(10));
    politeness.tryAcquire(feed);
    politeness.succeeded(feed);
    clock.advance(Duration.ofSeconds(2));
    politeness.tryAcquire(feed);
    politeness.failed(feed, null);
    assertThat(politeness.tryAcquire(feed))
        .as("a success resets the backoff")
        .isEqualTo(Duration.ofSeconds(4));
  }

  @Test
  void backoffStopsAtItsMaximum() {
    for (int i = 0; i < 30; i++) {
      clock.advance(Duration.ofHours(1));
      politeness.tryAcquire(feed);
      politeness.failed(feed, null);
    }
    assertThat(politeness.tryAcquire(feed)).isEqualTo(Duration.ofMinutes(30));
  }

  @Test
  void aSitesCrawlDelayLengthensTheDelayForThatHostOnly() {
    politeness.atLeast(feed, Duration.ofSeconds(10));
    politeness.atLeast(other, Duration.ofSeconds(1)); // shorter than ours: no change
    politeness.tryAcquire(feed);
    politeness.succeeded(feed);
    politeness.tryAcquire(other);
    politeness.succeeded(other);
    assertThat(politeness.tryAcquire(page)).isEqualTo(Duration.ofSeconds(10));
    assertThat(politeness.tryAcquire(other)).isEqualTo(Duration.ofSeconds(2));
  }
}
