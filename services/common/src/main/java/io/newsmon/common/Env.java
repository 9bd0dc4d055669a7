package io.newsmon.common;

import java.util.HashMap;
import java.util.Map;

/**
 * Maps environment variables to configuration keys the way every newsmon process does: {@code
 * NEWSMON_BOOTSTRAP_SERVERS} sets {@code bootstrap.servers}, {@code NEWSMON_DEDUP_THRESHOLD} sets
 * {@code dedup.threshold}. One rule for all services keeps deployment manifests uniform.
 */
public final class Env {

  public static final String PREFIX = "NEWSMON_";
  public static final String BOOTSTRAP_SERVERS = "NEWSMON_BOOTSTRAP_SERVERS";

  private Env() {}

  /** Configuration keys taken from {@code env}: every {@code NEWSMON_X_Y} becomes {@code x.y}. */
  public static Map<String, String> toConfig(Map<String, String> env) {
    Map<String, String> config = new HashMap<>();
    env.forEach(
        (name, value) -> {
          if (name.startsWith(PREFIX) && name.length() > PREFIX.length()) {
            config.put(
                name.substring(PREFIX.length())
                    .toLowerCase(java.util.Locale.ROOT)
                    .replace('_', '.'),
                value);
          }
        });
    return config;
  }

  public static String bootstrapServers() {
    String value = System.getenv(BOOTSTRAP_SERVERS);
    return value == null || value.isBlank() ? "localhost:9092" : value;
  }
}
