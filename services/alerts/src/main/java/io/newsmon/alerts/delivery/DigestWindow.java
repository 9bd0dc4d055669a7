package io.newsmon.alerts.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * One window of a digest subscription: the alerts planned in [start, end) go out together at its
 * end. Windows are aligned to the epoch, so every instance of the service puts an alert in the same
 * window.
 */
public record DigestWindow(Instant start, Instant end) {

  public DigestWindow {
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(end, "end");
    if (!end.isAfter(start)) {
      throw new IllegalArgumentException("a digest window ends after it starts");
    }
  }

  /** The {@code minutes}-long window that holds {@code at}. */
  public static DigestWindow containing(Instant at, int minutes) {
    if (minutes < 1) {
      throw new IllegalArgumentException("a digest window lasts at least a minute");
    }
    long length = Duration.ofMinutes(minutes).toMillis();
    long start = Math.floorDiv(at.toEpochMilli(), length) * length;
    return new DigestWindow(Instant.ofEpochMilli(start), Instant.ofEpochMilli(start + length));
  }

  /** The window from its ISO 8601 interval form, {@code start/end}. */
  public static DigestWindow parse(String interval) {
    int slash = interval.indexOf('/');
    if (slash < 0) {
      throw new IllegalArgumentException("not an interval: " + interval);
    }
    return new DigestWindow(
        Instant.parse(interval.substring(0, slash)), Instant.parse(interval.substring(slash + 1)));
  }

  /** ISO 8601 interval form, {@code start/end}. */
  @Override
  public String toString() {
    return start + "/" + end;
  }
}
