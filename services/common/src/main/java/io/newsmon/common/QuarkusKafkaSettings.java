package io.newsmon.common;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * How the Quarkus services (alerts, ingest) find their Kafka connection's security settings: in
 * Quarkus' global {@code kafka.*} configuration, where the SmallRye Kafka channels read theirs, so
 * the channels and the clients a service makes itself connect alike. The settings get there from
 * the {@code NEWSMON_*} variables every newsmon process reads ({@code NEWSMON_SASL_MECHANISM} is
 * {@code kafka.sasl.mechanism}), from Quarkus' own {@code KAFKA_*} variables, or from
 * application.properties. Plain code, so the rules are tested without starting Quarkus.
 */
public final class QuarkusKafkaSettings {

  /**
   * Quarkus' prefix of global Kafka settings; without the dot because environment variables spell
   * it {@code KAFKA_}.
   */
  public static final String PREFIX = "kafka";

  private QuarkusKafkaSettings() {}

  /**
   * The client setting a configuration property stands for ({@code kafka.sasl.mechanism} and {@code
   * KAFKA_SASL_MECHANISM} are {@code sasl.mechanism}), or empty for a property outside {@code
   * kafka.*}. The rule Quarkus applies to its global Kafka configuration.
   */
  public static Optional<String> clientSetting(String property) {
    if (property.length() <= PREFIX.length() + 1
        || !property.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
      return Optional.empty();
    }
    char separator = property.charAt(PREFIX.length());
    if (separator != '.' && separator != '_') {
      return Optional.empty(); // kafka-streams.*, kafkaX: not the global Kafka settings
    }
    return Optional.of(
        property.substring(PREFIX.length() + 1).toLowerCase(Locale.ROOT).replace('_', '.'));
  }

  /**
   * The connection to {@code bootstrapServers} secured by the {@code kafka.*} security settings
   * among a configuration's properties; its other {@code kafka.*} properties (serializers, group
   * ids, the bootstrap servers the channels get) are left to whoever reads them.
   *
   * @param properties the configuration's property names
   * @param value a property's value, empty when it has none (or an empty one)
   */
  public static KafkaConnection connection(
      String bootstrapServers,
      Iterable<String> properties,
      Function<String, Optional<String>> value) {
    Map<String, String> settings = new HashMap<>();
    for (String property : properties) {
      clientSetting(property)
          .filter(KafkaConnection::isSecuritySetting)
          .ifPresent(
              setting ->
                  value
                      .apply(property)
                      .filter(v -> !v.isEmpty())
                      .ifPresent(v -> settings.put(setting, v)));
    }
    return new KafkaConnection(bootstrapServers, settings);
  }

  /**
   * The {@code kafka.*} properties the {@code NEWSMON_*} security variables of {@code env} set, by
   * {@link Env}'s rule ({@code NEWSMON_SSL_TRUSTSTORE_LOCATION} is {@code
   * kafka.ssl.truststore.location}): the variables that secure the pipeline's connection secure the
   * Quarkus services' too. Other {@code NEWSMON_*} variables are not Kafka settings and are left
   * out.
   */
  public static Map<String, String> fromNewsmonEnvironment(Map<String, String> env) {
    Map<String, String> properties = new TreeMap<>();
    Env.toConfig(env)
        .forEach(
            (setting, v) -> {
              if (KafkaConnection.isSecuritySetting(setting)) {
                properties.put(PREFIX + "." + setting, v);
              }
            });
    return properties;
  }
}
