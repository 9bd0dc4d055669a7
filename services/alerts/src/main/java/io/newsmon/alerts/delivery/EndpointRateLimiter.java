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
  private final Map<String, double[]> buckets = new ConcurrentHashMap<>(); // {tokens, lastNanos}

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
      public Duration delayFor(URI url) {
        return Duration.ZERO;
      }
    };
  }

  /**
   * Makes deliveries to {@code url}'s endpoint wait at least {@code pause} from now: the endpoint
   * said it is overloaded (429, 502, 504) or asked for a pause ({@code Retry-After}).
   */
  public void slowDown(URI url, Duration pause) {
    double[] bucket = buckets.computeIfAbsent(key(url), e -> new double[] {perSecond, -1});
    synchronized (bucket) {
      long now = nanoTime.getAsLong();
      if (bucket[1] >= 0) {
        bucket[0] = Math.min(perSecond, bucket[0] + (now - bucket[1]) / 1e9 * perSecond);
      }
      bucket[1] = now;
      // A debt that takes the pause to repay; the next delivery waits for it.
      bucket[0] = Math.min(bucket[0], 1 - pause.toNanos() / 1e9 * perSecond);
    }
  }

  private static String key(URI url) {
    return (url.getScheme() + "://" + url.getHost() + ":" + url.getPort()).toLowerCase(Locale.ROOT);
  }

  /** How long to wait before sending to {@code url}; the delivery's token is taken now. */
  public Duration delayFor(URI url) {
    double[] bucket = buckets.computeIfAbsent(key(url), e -> new double[] {perSecond, -1});
    synchronized (bucket) {
      long now = nanoTime.getAsLong();
      if (bucket[1] >= 0) {
        bucket[0] = Math.min(perSecond, bucket[0] + (now - bucket[1]) / 1e9 * perSecond);
      }
      bucket[1] = now;
      bucket[0] -= 1;
      if (bucket[0] >= 0) {
        return Duration.ZERO;
      }
      // In debt: wait until the bucket is back at zero.
      return Duration.ofNanos((long) (-bucket[0] / perSecond * 1e9));
    }
  }
}
