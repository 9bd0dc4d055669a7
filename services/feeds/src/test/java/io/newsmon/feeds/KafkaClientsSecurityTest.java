package io.newsmon.feeds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsmon.common.KafkaConnection;
import io.newsmon.common.TopicCatalog;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.KafkaException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Kafka clients of newsmon-feeds connect as the connection they are given says. */
class KafkaClientsSecurityTest {

  private static final KafkaConnection SASL =
      new KafkaConnection(
          "k1:9093,k2:9093",
          Map.of(
              "security.protocol", "SASL_SSL",
              "sasl.mechanism", "PLAIN",
              "sasl.jaas.config",
                  "org.apache.kafka.common.security.plain.PlainLoginModule required"
                      + " username=\"ingest\" password=\"secret\";"));

  @Test
  void theNewsRawProducerGetsTheConnectionBesideItsOwnSettings() {
    assertThat(KafkaRawArticles.producerConfig(SASL, "newsmon-ingest"))
        .containsAllEntriesOf(SASL.security())
        .containsEntry(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "k1:9093,k2:9093")
        .containsEntry(ProducerConfig.CLIENT_ID_CONFIG, "newsmon-ingest")
        .containsEntry(ProducerConfig.ACKS_CONFIG, "all")
        .containsEntry(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true)
        .containsEntry(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, TopicCatalog.MAX_REQUEST_BYTES);
  }

  @Test
  void theClientsAreBuiltWithTheConnection(@TempDir Path dir) {
    // A truststore that does not exist fails a client as it is built, without connecting, and
    // only if the client was given the connection's TLS settings.
    String missing = dir.resolve("missing-truststore.p12").toString();
    KafkaConnection tls =
        new KafkaConnection(
            "127.0.0.1:9", Map.of("security.protocol", "SSL", "ssl.truststore.location", missing));

    assertThatThrownBy(() -> new KafkaRawArticles(tls, "test"))
        .isInstanceOf(KafkaException.class)
        .rootCause()
        .hasMessageContaining(missing);
    assertThatThrownBy(() -> new KafkaSeenEntries(tls, Clock.systemUTC()))
        .isInstanceOf(KafkaException.class)
        .rootCause()
        .hasMessageContaining(missing);
  }
}
