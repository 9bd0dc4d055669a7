package io.newsmon.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KafkaConnectionTest {

  @Test
  void keepsOnlyTheSettingsThatSecureTheConnection() {
    KafkaConnection kafka =
        KafkaConnection.of(
            "k1:9093,k2:9093",
            Map.of(
                "security.protocol", "SASL_SSL",
                "sasl.mechanism", "SCRAM-SHA-512",
                "sasl.jaas.config", "org.apache...ScramLoginModule required password=\"p\";",
                "ssl.truststore.location", "/etc/kafka/truststore.p12",
                "num.stream.threads", "2",
                "max.poll.records", "10"));

    assertThat(kafka.security())
        .containsOnlyKeys(
            "security.protocol", "sasl.mechanism", "sasl.jaas.config", "ssl.truststore.location");
    assertThat(kafka.clientConfig(Map.of("client.id", "c", "acks", "all")))
        .containsEntry("bootstrap.servers", "k1:9093,k2:9093")
        .containsEntry("security.protocol", "SASL_SSL")
        .containsEntry("ssl.truststore.location", "/etc/kafka/truststore.p12")
        .containsEntry("client.id", "c")
        .containsEntry("acks", "all")
        .doesNotContainKeys("num.stream.threads", "max.poll.records");
    // The JAAS configuration holds a password.
    assertThat(kafka.toString()).contains("sasl.jaas.config").doesNotContain("password");
  }

  @Test
  void withoutSettingsTheClientGetsTheBrokersAlone() {
    assertThat(KafkaConnection.of("localhost:9092").clientConfig(Map.of("client.id", "c")))
        .isEqualTo(Map.of("bootstrap.servers", "localhost:9092", "client.id", "c"));
  }

  @Test
  void refusesWhatIsNotAConnection() {
    assertThatThrownBy(() -> KafkaConnection.of(" ")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new KafkaConnection("k:9092", Map.of("acks", "all")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("acks");
  }

  @Test
  void everyClientTheCommonClassesMakeUsesTheConnection(@TempDir Path dir) throws Exception {
    // A truststore that does not exist fails a client as it is built, and only if the client
    // was given the connection's TLS settings.
    String missing = dir.resolve("missing-truststore.p12").toString();
    KafkaConnection kafka =
        new KafkaConnection(
            "127.0.0.1:" + LocalPorts.free(),
            Map.of("security.protocol", "SSL", "ssl.truststore.location", missing));

    assertThatThrownBy(
            () ->
                new CompactedTopicView<>(
                    kafka,
                    TopicCatalog.NEWS_TOPIC_DEFINITIONS.name(),
                    new StringDeserializer(),
                    (k, v) -> {}))
        .isInstanceOf(KafkaException.class)
        .rootCause()
        .hasMessageContaining(missing);
    assertThatThrownBy(
            () ->
                new CompactedTopicWriter<>(
                    kafka, TopicCatalog.NEWS_TOPIC_DEFINITIONS, new StringSerializer(), "test"))
        .isInstanceOf(KafkaException.class)
        .rootCause()
        .hasMessageContaining(missing);
    assertThatThrownBy(() -> new KafkaHealth(kafka, TopicCatalog.ALL, Clock.systemUTC()))
        .isInstanceOf(KafkaException.class)
        .rootCause()
        .hasMessageContaining(missing);
    assertThatThrownBy(
            () ->
                new CompactedTopicTable<>(
                    kafka,
                    TopicCatalog.NEWS_TOPIC_DEFINITIONS,
                    org.apache.kafka.common.serialization.Serdes.String(),
                    "test",
                    (k, v) -> {}))
        .isInstanceOf(KafkaException.class)
        .rootCause()
        .hasMessageContaining(missing);
  }

  @Test
  void aReaderCommitsNothingAndReadsCommittedRecordsOverTheConnection() {
    KafkaConnection kafka =
        KafkaConnection.of("k1:9093", Map.of("security.protocol", "SSL", "acks", "all"));

    assertThat(kafka.readerConfig("newsmon-test"))
        .isEqualTo(
            Map.of(
                "bootstrap.servers", "k1:9093",
                "security.protocol", "SSL",
                "enable.auto.commit", false,
                "isolation.level", "read_committed",
                "client.id", "newsmon-test"));
  }
}
