package io.newsmon.common;

import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Turns the {@code NEWSMON_SECURITY_PROTOCOL}, {@code NEWSMON_SASL_*} and {@code NEWSMON_SSL_*}
 * variables into Quarkus' global {@code kafka.*} settings, so one set of variables secures every
 * newsmon process, and the SmallRye channels and the service's own clients alike. Quarkus' own
 * {@code KAFKA_*} variables still win where both are set (the environment's ordinal is higher).
 *
 * <p>The Quarkus services (alerts, ingest) register it in their {@code
 * META-INF/services/org.eclipse.microprofile.config.spi.ConfigSource}; it lives here so both use
 * one class, and the MicroProfile Config API is an optional dependency of this module that the
 * pipeline never loads.
 */
public final class NewsmonKafkaSecurityConfigSource implements ConfigSource {

  private final Map<String, String> values;

  public NewsmonKafkaSecurityConfigSource() {
    this(System.getenv());
  }

  public NewsmonKafkaSecurityConfigSource(Map<String, String> env) {
    this.values = Map.copyOf(QuarkusKafkaSettings.fromNewsmonEnvironment(env));
  }

  @Override
  public Map<String, String> getProperties() {
    return values;
  }

  @Override
  public Set<String> getPropertyNames() {
    return values.keySet();
  }

  @Override
  public String getValue(String propertyName) {
    return values.get(propertyName);
  }

  @Override
  public String getName() {
    return "newsmon-kafka-security-environment";
  }

  @Override
  public int getOrdinal() {
    return 275; // above application.properties (250), below the environment (300)
  }
}
