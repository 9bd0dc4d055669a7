package io.newsmon.common;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * The HTTP {@code Retry-After} header, as webhook endpoints and news sites send it: the alert
 * service's deliveries and the feed fetcher read it the same way.
 */
public final class RetryAfter {

  /** The longest wait honoured: a broken header must not park an endpoint or a site for ever. */
  public static final Duration MAX = Duration.ofDays(1);

  private RetryAfter() {}

  /**
   * {@code Retry-After} as seconds or as an HTTP date (RFC 9110), relative to {@code now}; null
   * when absent or unreadable; zero for a date in the past; capped at {@link #MAX}.
   */
  public static Duration parse(String value, Instant now) {
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
    return wait.compareTo(MAX) > 0 ? MAX : wait;
  }
}
