package io.newsmon.alerts.delivery;

/**
 * One delivery attempt's outcome.
 *
 * @param status HTTP status, or 0 when no response arrived
 * @param error what went wrong without a response (timeout, refused), or null
 * @param latencyMillis time until the response or the failure
 */
public record DeliveryResult(int status, String error, long latencyMillis) {

  public boolean succeeded() {
    return status >= 200 && status < 300;
  }

  /** 4xx other than 408/429 means the subscriber refuses this payload: retrying cannot help. */
  public boolean retryable() {
    return !succeeded() && (status == 0 || status == 408 || status == 429 || status >= 500);
  }
}
