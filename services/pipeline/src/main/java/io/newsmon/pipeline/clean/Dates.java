package io.newsmon.pipeline.clean;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Publication dates as pages write them: ISO 8601 in its variants, and English dates in text. */
final class Dates {

  private static final List<DateTimeFormatter> ISO_LIKE =
      List.of(
          DateTimeFormatter.ISO_OFFSET_DATE_TIME,
          DateTimeFormatter.ISO_ZONED_DATE_TIME,
          DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssZ"),
          DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ"),
          DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ssXXX"),
          DateTimeFormatter.RFC_1123_DATE_TIME);
  private static final Pattern TEXT_DATE =
      Pattern.compile(
          "\\b(January|February|March|April|May|June|July|August|September|October|November|December)"
              + "\\.? (\\d{1,2}),? (\\d{4})\\b");
  private static final DateTimeFormatter TEXT_FORMAT =
      DateTimeFormatter.ofPattern("MMMM d yyyy", Locale.ENGLISH);

  private Dates() {}

  /** The instant {@code value} denotes, or null. Dates without a time are taken at 00:00 UTC. */
  static Instant parse(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String v = value.strip();
    for (DateTimeFormatter format : ISO_LIKE) {
      try {
        return ZonedDateTime.parse(v, format).toInstant();
      } catch (DateTimeParseException e) {
        // next
      }
    }
    try {
      return OffsetDateTime.parse(v).toInstant();
    } catch (DateTimeParseException e) {
      // next
    }
    try {
      return LocalDateTime.parse(v).toInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException e) {
      // next
    }
    if (v.length() >= 10 && v.charAt(4) == '-') {
      try {
        return LocalDate.parse(v.substring(0, 10)).atStartOfDay(ZoneOffset.UTC).toInstant();
      } catch (DateTimeParseException e) {
        // next
      }
    }
    return fromText(v);
  }

  /** The first English "Month d, yyyy" date in {@code text}, or null. */
  static Instant fromText(String text) {
    Matcher m = TEXT_DATE.matcher(text);
    if (!m.find()) {
      return null;
    }
    try {
      return LocalDate.parse(m.group(1) + " " + m.group(2) + " " + m.group(3), TEXT_FORMAT)
          .atStartOfDay(ZoneOffset.UTC)
          .toInstant();
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
