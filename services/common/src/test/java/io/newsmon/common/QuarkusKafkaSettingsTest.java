package io.newsmon.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class QuarkusKafkaSettingsTest {

  private static final String JAAS =
      "org.apache.kafka.common.security.plain.PlainLoginModule required"
          + " username=\"alerts\" password=\"secret\";";

  @Test
  void propertiesUnderKafkaAreClientSettingsSpelledEitherWay() {
    assertThat(QuarkusKafkaSettings.clientSetting("kafka.sasl.jaas.config"))
        .contains("sasl.jaas.config");
    assertThat(QuarkusKafkaSettings.clientSetting("KAFKA_SSL_TRUSTSTORE_LOCATION"))
        .contains("ssl.truststore.location");
    assertThat(QuarkusKafkaSettings.clientSetting("kafka.bootstrap.servers"))
        .contains("bootstrap.servers");
    assertThat(QuarkusKafkaSettings.clientSetting("kafka-streams.application.id")).isEmpty();
    assertThat(QuarkusKafkaSettings.clientSetting("mp.messaging.incoming.x.security.protocol"))
        .isEmpty();
    assertThat(QuarkusKafkaSettings.clientSetting("kafka")).isEmpty();
    assertThat(QuarkusKafkaSettings.clientSetting("kafka.")).isEmpty();
  }

  @Test
  void theConnectionTakesTheSecuritySettingsAndNothingElse() {
    Map<String, String> config = new LinkedHashMap<>();
    config.put("kafka.bootstrap.servers", "elsewhere:9092");
    config.put("kafka.security.protocol", "SASL_SSL");
    config.put("KAFKA_SASL_MECHANISM", "PLAIN");
    config.put("kafka.sasl.jaas.config", JAAS);
    config.put("kafka.ssl.truststore.location", "/etc/newsmon/truststore.p12");
    config.put("kafka.ssl.truststore.password", ""); // unset: Quarkus reads "" as no value
    config.put("kafka.group.id", "g");
    config.put("kafka.max.poll.records", "10");
    config.put("mp.messaging.incoming.news-flagged.sasl.mechanism", "SCRAM-SHA-512");
    config.put("quarkus.http.port", "8080");
    config.put("newsmon.alerts.bootstrap-servers", "k1:9093");

    KafkaConnection kafka =
        QuarkusKafkaSettings.connection(
            "k1:9093", config.keySet(), name -> Optional.ofNullable(config.get(name)));

    assertThat(kafka.bootstrapServers()).isEqualTo("k1:9093");
    assertThat(kafka.security())
        .isEqualTo(
            Map.of(
                "security.protocol", "SASL_SSL",
                "sasl.mechanism", "PLAIN",
                "sasl.jaas.config", JAAS,
                "ssl.truststore.location", "/etc/newsmon/truststore.p12"));
    assertThat(kafka.toString()).doesNotContain("secret");
  }

  @Test
  void withoutSecuritySettingsTheConnectionIsPlain() {
    Map<String, String> config = Map.of("kafka.bootstrap.servers", "k:9092", "a.b", "c");
    assertThat(
            QuarkusKafkaSettings.connection(
                    "k:9092", config.keySet(), name -> Optional.ofNullable(config.get(name)))
                .security())
        .isEmpty();
  }

  @Test
  void theNewsmonSecurityVariablesBecomeKafkaProperties() {
    Map<String, String> env =
        Map.of(
            "NEWSMON_SECURITY_PROTOCOL", "SASL_PLAINTEXT",
            "NEWSMON_SASL_MECHANISM", "PLAIN",
            "NEWSMON_SASL_JAAS_CONFIG", JAAS,
            "NEWSMON_SSL_TRUSTSTORE_LOCATION", "/t.p12",
            "NEWSMON_BOOTSTRAP_SERVERS", "k:9092",
            "NEWSMON_ALERTS_API_KEYS", "acme:ab",
            "KAFKA_SASL_MECHANISM", "SCRAM-SHA-256",
            "PATH", "/usr/bin");

    Map<String, String> properties = QuarkusKafkaSettings.fromNewsmonEnvironment(env);

    assertThat(properties)
        .isEqualTo(
            Map.of(
                "kafka.security.protocol", "SASL_PLAINTEXT",
                "kafka.sasl.mechanism", "PLAIN",
                "kafka.sasl.jaas.config", JAAS,
                "kafka.ssl.truststore.location", "/t.p12"));
    // And they are what a connection is then made of.
    assertThat(
            QuarkusKafkaSettings.connection(
                    "k:9092", List.copyOf(properties.keySet()), n -> Optional.of(properties.get(n)))
                .security())
        .containsOnlyKeys(
            "security.protocol", "sasl.mechanism", "sasl.jaas.config", "ssl.truststore.location");
  }
}
