package io.newsmon.pipeline.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.newsmon.common.TopicCatalog;
import io.newsmon.common.TopicProvisioner;
import io.newsmon.kafka.LocalKafka;
import io.newsmon.schema.AvroSerde;
import io.newsmon.topics.TopicDefinition;
import io.newsmon.topics.match.ArticleText;
import io.newsmon.topics.match.TopicFlag;
import io.newsmon.topics.match.TopicMonitor;
import io.newsmon.topics.places.Gazetteer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/**
 * Catalog changes reach a running monitor through a real broker: new topics, new versions, refused
 * versions and deletions, and each topic's stream is created before it matches.
 */
class TopicCatalogFollowerIT {

  private static final ArticleText ARTICLE =
      new ArticleText("Troops at the border", "Soldiers were seen near the border.", "en", null);

  @Test
  void changesApplyWhileRunningWithoutARestart() throws Exception {
    Path tmp = Files.createTempDirectory("catalog-follower");
    try (LocalKafka kafka = LocalKafka.start(tmp.resolve("kafka"));
        Admin admin = kafka.admin();
        TopicMonitor monitor = new TopicMonitor(Gazetteer.shipped())) {
      TopicProvisioner provisioner = new TopicProvisioner(admin, (short) 1);
      TopicCatalogFollower follower =
          new TopicCatalogFollower(kafka.bootstrapServers(), monitor, provisioner);
      try {
        follower.start();
        assertThat(follower.awaitCaughtUp(Duration.ofSeconds(30))).isTrue();
        assertThat(monitor.topics()).isEmpty();

        TopicCatalogSeeder.publish(
            kafka.bootstrapServers(), List.of(TopicDefinition.of("watch", "border")));
        await().atMost(Duration.ofSeconds(20)).until(() -> flags().apply(monitor).size() == 1);
        assertThat(admin.listTopics().names().get())
            .contains(TopicCatalog.topicStream("watch").name());

        TopicCatalogSeeder.publish(
            kafka.bootstrapServers(),
            List.of(new TopicDefinition("watch", null, null, "football", null, 0, true, 2, null)));
        await()
            .atMost(Duration.ofSeconds(20))
            .until(() -> monitor.topic("watch").map(TopicDefinition::version).orElse(0) == 2);
        assertThat(flags().apply(monitor)).isEmpty();

        // A version that cannot be evaluated is refused and the running one stays.
        TopicCatalogSeeder.publish(
            kafka.bootstrapServers(),
            List.of(new TopicDefinition("watch", null, null, "*order", null, 0, true, 3, null)));
        await().atMost(Duration.ofSeconds(20)).until(() -> follower.refused().containsKey("watch"));
        assertThat(monitor.topic("watch").orElseThrow().version()).isEqualTo(2);

        tombstone(kafka, "watch");
        await().atMost(Duration.ofSeconds(20)).until(() -> monitor.topics().isEmpty());
        assertThat(follower.refused()).isEmpty();
      } finally {
        follower.close();
      }
    }
  }

  private static java.util.function.Function<TopicMonitor, List<String>> flags() {
    return m -> m.match(ARTICLE).flags().stream().map(TopicFlag::topicId).toList();
  }

  private static void tombstone(LocalKafka kafka, String topicId) throws Exception {
    try (var producer =
        new KafkaProducer<>(
            Map.<String, Object>of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()),
            new StringSerializer(),
            AvroSerde.of(io.newsmon.avro.TopicDefinition.class).serializer())) {
      producer
          .send(new ProducerRecord<>(TopicCatalog.NEWS_TOPIC_DEFINITIONS.name(), topicId, null))
          .get();
    }
  }
}
