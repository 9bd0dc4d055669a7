package io.newsmon.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsmon.common.TopicCatalog;
import io.newsmon.common.TopicSpec;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalKafkaIT {

  @TempDir Path dataDir;

  @Test
  void healthSeesTheClusterAndNamesTheTopicsItLacks() throws Exception {
    try (LocalKafka kafka = LocalKafka.start(dataDir);
        io.newsmon.common.KafkaHealth all =
            new io.newsmon.common.KafkaHealth(
                kafka.bootstrapServers(), TopicCatalog.ALL, java.time.Clock.systemUTC());
        io.newsmon.common.KafkaHealth lacking =
            new io.newsmon.common.KafkaHealth(
                kafka.bootstrapServers(),
                List.of(TopicCatalog.NEWS_RAW, TopicCatalog.topicStream("never-defined")),
                java.time.Clock.systemUTC())) {
      org.awaitility.Awaitility.await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> all.status().checkedAt() != null && lacking.status().checkedAt() != null);
      assertThat(all.status().healthy()).as(all.status().toString()).isTrue();
      assertThat(lacking.status().reachable()).isTrue();
      assertThat(lacking.status().missingTopics())
          .containsExactly(TopicCatalog.topicStream("never-defined").name());
      assertThat(lacking.status().healthy()).isFalse();
    }
  }

  @Test
  void startsProvisionsTheCatalogAndSurvivesARestart() throws Exception {
    try (LocalKafka kafka = LocalKafka.start(dataDir)) {
      try (Admin admin = kafka.admin()) {
        Set<String> names = admin.listTopics().names().get(30, TimeUnit.SECONDS);
        assertThat(names).containsAll(TopicCatalog.ALL.stream().map(TopicSpec::name).toList());

        Map<String, TopicDescription> described =
            admin
                .describeTopics(
                    List.of(TopicCatalog.NEWS_RAW.name(), TopicCatalog.NEWS_CLEAN.name()))
                .allTopicNames()
                .get();
        assertThat(described.get(TopicCatalog.NEWS_RAW.name()).partitions())
            .hasSize(TopicCatalog.NEWS_RAW.partitions());
        assertThat(described.get(TopicCatalog.NEWS_CLEAN.name()).partitions()).hasSize(1);

        var resource =
            new ConfigResource(ConfigResource.Type.TOPIC, TopicCatalog.ALERTS_SUBSCRIPTIONS.name());
        var config = admin.describeConfigs(List.of(resource)).all().get().get(resource);
        assertThat(config.get("cleanup.policy").value()).isEqualTo("compact");

        var raw = new ConfigResource(ConfigResource.Type.TOPIC, TopicCatalog.NEWS_RAW.name());
        assertThat(
                admin
                    .describeConfigs(List.of(raw))
                    .all()
                    .get()
                    .get(raw)
                    .get("max.message.bytes")
                    .value())
            .isEqualTo(Integer.toString(TopicCatalog.RAW_MAX_MESSAGE_BYTES));
      }
      produce(kafka.bootstrapServers(), "kept across restart");
    }

    try (LocalKafka again = LocalKafka.start(dataDir)) {
      assertThat(consumeOne(again.bootstrapServers())).isEqualTo("kept across restart");
    }
  }

  @Test
  void brokerAndClientsAreTheSameKafkaRelease() {
    // The broker jars are pinned by kafka.version, the clients by the Quarkus BOM.
    String brokerJar =
        kafka.server.KafkaRaftServer.class
            .getProtectionDomain()
            .getCodeSource()
            .getLocation()
            .getPath();
    assertThat(brokerJar)
        .endsWith("-" + org.apache.kafka.common.utils.AppInfoParser.getVersion() + ".jar");
  }

  private static void produce(String bootstrap, String value) throws Exception {
    try (var producer =
        new KafkaProducer<String, String>(
            Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrap,
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                true),
            new StringSerializer(),
            new StringSerializer())) {
      producer.send(new ProducerRecord<>(TopicCatalog.NEWS_DEAD_LETTER.name(), "k", value)).get();
    }
  }

  private static String consumeOne(String bootstrap) {
    try (var consumer =
        new KafkaConsumer<String, String>(
            Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "local-kafka-it",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
            new StringDeserializer(),
            new StringDeserializer())) {
      consumer.subscribe(List.of(TopicCatalog.NEWS_DEAD_LETTER.name()));
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (System.nanoTime() < deadline) {
        ConsumerRecords<String, String> records = consumer.poll(Duration.ofMillis(500));
        if (!records.isEmpty()) {
          return records.iterator().next().value();
        }
      }
      throw new AssertionError("no record within 30 s");
    }
  }
}
