package io.newsmon.alerts.delivery;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

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

  /**
   * {@code Retry-After} as seconds or as an HTTP date (RFC 9110), relative to {@code now}; null
   * when absent or unreadable. Capped at a day: a broken header must not park an endpoint for ever.
   */
  static Duration parseRetryAfter(String value, Instant now) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String v = value.strip();
    Duration wait;
    if (v.matches("\\d{1,9}")) {
      wait = Duration.ofSeconds(Long.parseLong(v));
    } else {
      try {
        wait =
            Duration.between(
                now, ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
      } catch (DateTimeParseException e) {
        return null;
      }
    }
    if (wait.isNegative()) {
      return Duration.ZERO;
    }
    return wait.compareTo(MAX_RETRY_AFTER) > 0 ? MAX_RETRY_AFTER : wait;
  }

  private static final Duration MAX_RETRY_AFTER = Duration.ofDays(1);

  public boolean succeeded() {
    return status >= 200 && status < 300;
  }

  /** 4xx other than 408/429 means the subscriber refuses this payload: retrying cannot help. */
  public boolean retryable() {
    return !succeeded() && (status == 0 || status == 408 || status == 429 || status >= 500);
  }
}
