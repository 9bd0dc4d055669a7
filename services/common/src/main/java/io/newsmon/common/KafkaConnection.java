package io.newsmon.common;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * How a client reaches Kafka: the bootstrap servers and the connection's security settings ({@code
 * security.protocol}, {@code sasl.*}, {@code ssl.*}). Every client a service makes for itself
 * (admin, consumer, producer) is given the same connection, so a TLS or SASL listener is one set of
 * settings rather than a code change per client.
 *
 * @param bootstrapServers {@code host:port}, comma-separated
 * @param security only security settings; their values may be secrets, so {@link #toString()} names
 *     the keys alone
 */
public record KafkaConnection(String bootstrapServers, Map<String, String> security) {

  public KafkaConnection {
    Objects.requireNonNull(bootstrapServers, "bootstrapServers");
    if (bootstrapServers.isBlank()) {
      throw new IllegalArgumentException("no bootstrap servers");
    }
    security = Map.copyOf(security);
    security.keySet().stream()
        .filter(k -> !isSecuritySetting(k))
        .findFirst()
        .ifPresent(
            k -> {
              throw new IllegalArgumentException(k + " is not a connection security setting");
            });
  }

  /** The brokers with Kafka's default connection (PLAINTEXT, no authentication). */
  public static KafkaConnection of(String bootstrapServers) {
    return new KafkaConnection(bootstrapServers, Map.of());
  }

  /** The brokers, with the security settings among {@code settings}; the others are ignored. */
  public static KafkaConnection of(String bootstrapServers, Map<String, String> settings) {
    Map<String, String> security = new HashMap<>();
    settings.forEach(
        (k, v) -> {
          if (isSecuritySetting(k)) {
            security.put(k, v);
          }
        });
    return new KafkaConnection(bootstrapServers, security);
  }

  /** Whether a client setting belongs to how the connection is secured. */
  public static boolean isSecuritySetting(String name) {
    return name.equals("security.protocol") || name.startsWith("sasl.") || name.startsWith("ssl.");
  }

  /** A client's own settings with this connection's added. */
  public Map<String, Object> clientConfig(Map<String, ?> clientSettings) {
    Map<String, Object> config = new HashMap<>(clientSettings);
    config.putAll(security);
    config.put("bootstrap.servers", bootstrapServers);
    return config;
  }

  /**
   * The settings of a consumer that follows topics by itself: no group, so nothing is committed,
   * and only records of committed transactions are read.
   */
  public Map<String, Object> readerConfig(String clientId) {
    return clientConfig(
        Map.of(
            "enable.auto.commit",
            false,
            "isolation.level",
            "read_committed",
            "client.id",
            clientId));
  }

  @Override
  public String toString() {
    return "KafkaConnection[" + bootstrapServers + ", " + new TreeMap<>(security).keySet() + "]";
  }
}
