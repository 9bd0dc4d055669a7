package io.newsmon.alerts.delivery;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * At most {@code perSecond} deliveries per second to one endpoint (scheme, host and port), with
 * bursts of up to {@code perSecond}: a token bucket per endpoint. A subscriber with many matching
 * topics, or several subscriptions on one receiver, is not flooded by a burst of news.
 *
 * <p>{@link #delayFor} only says how long to wait; the caller waits, so the class is testable with
 * a fake clock. Thread-safe.
 */
public class EndpointRateLimiter {

  private final double perSecond;
  private final LongSupplier nanoTime;
  private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

  public EndpointRateLimiter(double perSecond, LongSupplier nanoTime) {
    if (!(perSecond > 0)) {
      throw new IllegalArgumentException("rate must be positive: " + perSecond);
    }
    this.perSecond = perSecond;
    this.nanoTime = nanoTime;
  }

  /** A limiter that never makes a delivery wait, whatever the endpoints answer. */
  public static EndpointRateLimiter unlimited() {
    return new EndpointRateLimiter(Double.MAX_VALUE / 4, System::nanoTime) {
      @Override
      public void slowDown(URI url, Duration pause) {
        // unlimited: endpoints are never slowed down
      }

      @Override
      public Duration delayFor(URI url, Duration maxWait) {
        return Duration.ZERO;
      }
    };
  }

  /**
   * Makes deliveries to {@code url}'s endpoint wait at least {@code pause} from now: the endpoint
   * said it is overloaded (429, 502, 504) or asked for a pause ({@code Retry-After}).
   */
  public void slowDown(URI url, Duration pause) {
    bucket(url).owe(pause);
  }

  /** How long to wait before sending to {@code url}; the delivery's token is taken now. */
  public Duration delayFor(URI url) {
    return delayFor(url, Duration.ofNanos(Long.MAX_VALUE));
  }

  /**
   * How long to wait before sending to {@code url}. The delivery's token is taken only when that is
   * at most {@code maxWait}: a caller that postpones the delivery instead of waiting must not hold
   * a token it does not use, or a backlog larger than the burst would keep the bucket in debt and
   * be postponed forever.
   */
  public Duration delayFor(URI url, Duration maxWait) {
    return bucket(url).take(maxWait);
  }

  private Bucket bucket(URI url) {
    String endpoint =
        (url.getScheme() + "://" + url.getHost() + ":" + url.getPort()).toLowerCase(Locale.ROOT);
    return buckets.computeIfAbsent(endpoint, e -> new Bucket());
  }

  /** One endpoint's tokens; negative while deliveries to it are in debt. */
  private final class Bucket {
    private double tokens = perSecond;
    private long refilledAt = nanoTime.getAsLong();

    private void refill() {
      long now = nanoTime.getAsLong();
      tokens = Math.min(perSecond, tokens + (now - refilledAt) / 1e9 * perSecond);
      refilledAt = now;
    }

    synchronized Duration take(Duration maxWait) {
      refill();
      double after = tokens - 1;
      // In debt: wait until the bucket is back at zero.
      Duration wait =
          after >= 0 ? Duration.ZERO : Duration.ofNanos((long) (-after / perSecond * 1e9));
      if (wait.compareTo(maxWait) <= 0) {
        tokens = after;
      }
      return wait;
    }

    /** A debt that takes {@code pause} to repay; the next delivery waits for it. */
    synchronized void owe(Duration pause) {
      refill();
      tokens = Math.min(tokens, 1 - pause.toNanos() / 1e9 * perSecond);
    }
  }
}
