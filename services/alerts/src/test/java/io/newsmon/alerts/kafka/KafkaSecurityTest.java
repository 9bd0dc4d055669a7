package io.newsmon.alerts.kafka;

import static io.newsmon.common.testing.SecuredKafka.SASL_SSL;
import static io.newsmon.common.testing.SecuredKafka.assertBuiltWithConnection;
import static io.newsmon.common.testing.SecuredKafka.assertSecured;
import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.newsmon.common.NewsmonKafkaSecurityConfigSource;
import io.newsmon.common.TopicCatalog;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The alert service's Kafka settings: where they come from, and that its clients get them. */
class KafkaSecurityTest {

  @Test
  void theDeadLetterProducerGetsTheConnection(@TempDir Path dir) {
    assertSecured(InputDeadLetters.producerConfig(SASL_SSL));
    assertThat(InputDeadLetters.producerConfig(SASL_SSL))
        .containsEntry("max.request.size", TopicCatalog.MAX_REQUEST_BYTES)
        .containsEntry("acks", "all");
    assertBuiltWithConnection(dir, kafka -> new InputDeadLetters(kafka, new SimpleMeterRegistry()));
  }

  @Test
  void newsmonSecurityVariablesAreQuarkusKafkaSettings() {
    NewsmonKafkaSecurityConfigSource source =
        new NewsmonKafkaSecurityConfigSource(
            Map.of(
                "NEWSMON_SECURITY_PROTOCOL", "SASL_SSL",
                "NEWSMON_SASL_MECHANISM", "SCRAM-SHA-512",
                "NEWSMON_SSL_TRUSTSTORE_LOCATION", "/etc/newsmon/truststore.p12",
                "NEWSMON_BOOTSTRAP_SERVERS", "k1:9093",
                "NEWSMON_ALERTS_API_KEYS", "acme:ab"));

    assertThat(source.getProperties())
        .isEqualTo(
            Map.of(
                "kafka.security.protocol", "SASL_SSL",
                "kafka.sasl.mechanism", "SCRAM-SHA-512",
                "kafka.ssl.truststore.location", "/etc/newsmon/truststore.p12"));
    assertThat(source.getValue("kafka.sasl.mechanism")).isEqualTo("SCRAM-SHA-512");
    assertThat(source.getPropertyNames()).hasSize(3);
    // Between application.properties (250) and the environment (300): KAFKA_* wins over NEWSMON_*.
    assertThat(source.getOrdinal()).isBetween(251, 299);
  }
}
