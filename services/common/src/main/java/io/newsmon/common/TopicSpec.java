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
 * @param retention how long records are kept; for compacted topics only when {@code expires}
 * @param valueType simple name of the Avro type of the values, or "bytes"
 * @param description what flows there and who reads it
 * @param maxMessageBytes largest record the topic accepts, 0 for the broker's default (1 MiB)
 * @param expires for a compacted topic: whether even a key's latest record is deleted after {@code
 *     retention} ({@code cleanup.policy=compact,delete}), so keys nobody writes again expire;
 *     writers refresh the keys they still need
 */
public record TopicSpec(
    String name,
    int partitions,
    boolean compacted,
    Duration retention,
    String valueType,
    String description,
    int maxMessageBytes,
    boolean expires) {

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
    if (maxMessageBytes < 0) {
      throw new IllegalArgumentException("maxMessageBytes must be >= 0 for " + name);
    }
    if (expires && !compacted) {
      throw new IllegalArgumentException("only a compacted topic expires its keys: " + name);
    }
  }

  public TopicSpec(
      String name,
      int partitions,
      boolean compacted,
      Duration retention,
      String valueType,
      String description,
      int maxMessageBytes) {
    this(name, partitions, compacted, retention, valueType, description, maxMessageBytes, false);
  }

  /** A compacted topic whose keys expire {@code retention} after their latest write. */
  public static TopicSpec compactedExpiring(
      String name, int partitions, Duration retention, String valueType, String description) {
    return new TopicSpec(name, partitions, true, retention, valueType, description, 0, true);
  }

  public TopicSpec(
      String name,
      int partitions,
      boolean compacted,
      Duration retention,
      String valueType,
      String description) {
    this(name, partitions, compacted, retention, valueType, description, 0);
  }

  /** Kafka topic-level configuration for this topic. */
  public java.util.Map<String, String> kafkaConfig() {
    java.util.Map<String, String> config = new java.util.TreeMap<>();
    config.put("cleanup.policy", !compacted ? "delete" : expires ? "compact,delete" : "compact");
    if (!compacted || expires) {
      config.put("retention.ms", Long.toString(retention.toMillis()));
    }
    if (maxMessageBytes > 0) {
      config.put("max.message.bytes", Integer.toString(maxMessageBytes));
    }
    return config;
  }
}
