package io.newsmon.common;

import java.time.Duration;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One topic of the catalog: its name and how it is created.
 *
 * @param name kebab/dot noun, for example {@code news.raw}
 * @param partitions partitions on creation
 * @param compacted true for changelog-like topics keyed by identity (latest value wins)
 * @param retention how long records are kept; ignored for compacted topics
 * @param valueType simple name of the Avro type of the values, or "bytes"
 * @param description what flows there and who reads it
 */
public record TopicSpec(
    String name,
    int partitions,
    boolean compacted,
    Duration retention,
    String valueType,
    String description) {

  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]*(\\.[a-z][a-z0-9-]*)+");

  public TopicSpec {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(retention, "retention");
    Objects.requireNonNull(valueType, "valueType");
    Objects.requireNonNull(description, "description");
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "topic name must be dot-separated kebab-case nouns: " + name);
    }
    if (partitions < 1) {
      throw new IllegalArgumentException("partitions must be >= 1 for " + name);
    }
    if (retention.isNegative() || retention.isZero()) {
      throw new IllegalArgumentException("retention must be positive for " + name);
    }
  }

  /** Kafka topic-level configuration for this topic. */
  public java.util.Map<String, String> kafkaConfig() {
    return compacted
        ? java.util.Map.of("cleanup.policy", "compact")
        : java.util.Map.of(
            "cleanup.policy", "delete", "retention.ms", Long.toString(retention.toMillis()));
  }
}
