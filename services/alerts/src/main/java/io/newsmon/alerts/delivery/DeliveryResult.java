package io.newsmon.alerts.delivery;

import java.time.Duration;

/**
 * One delivery attempt's outcome.
 *
 * @param status HTTP status, or 0 when no response arrived
 * @param error what went wrong without a response (timeout, refused), or null
 * @param latencyMillis time until the response or the failure
 * @param retryAfter how long the endpoint asked us to wait ({@code Retry-After}), or null
 */
public record DeliveryResult(int status, String error, long latencyMillis, Duration retryAfter) {

  public DeliveryResult(int status, String error, long latencyMillis) {
    this(status, error, latencyMillis, null);
  }

  /**
   * Whether the endpoint is overloaded and deliveries to it should slow down: 429, 502, 504, or any
   * answer carrying {@code Retry-After}.
   */
  public boolean asksToSlowDown() {
    return status == 429 || status == 502 || status == 504 || retryAfter != null;
  }

  public boolean succeeded() {
    return status >= 200 && status < 300;
  }

  /** 4xx other than 408/429 means the subscriber refuses this payload: retrying cannot help. */
  public boolean retryable() {
    return !succeeded() && (status == 0 || status == 408 || status == 429 || status >= 500);
  }
}
