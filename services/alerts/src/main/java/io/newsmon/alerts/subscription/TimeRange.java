package io.newsmon.alerts.subscription;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * A half-open time range [from, to) given as ISO-8601 instants in a request; missing ends default
 * to the last 24 hours before now.
 */
record TimeRange(Instant from, Instant to) {

  static final Duration DEFAULT_SPAN = Duration.ofHours(24);

  TimeRange {
    if (!from.isBefore(to)) {
      throw new IllegalArgumentException("from must be before to");
    }
  }

  /** Parses the ends; throws with a message for the client when they are invalid. */
  static TimeRange parse(String from, String to, Instant now, Duration maxSpan) {
    Instant end = to == null ? now : instant("to", to);
    Instant start = from == null ? end.minus(DEFAULT_SPAN) : instant("from", from);
    TimeRange range = new TimeRange(start, end);
    if (Duration.between(start, end).compareTo(maxSpan) > 0) {
      throw new IllegalArgumentException(
          "the range may cover at most " + maxSpan.toDays() + " days");
    }
    return range;
  }

  private static Instant instant(String name, String value) {
    try {
      return Instant.parse(value);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          name + " must be an ISO-8601 instant such as 2026-11-22T08:00:00Z");
    }
  }
}
