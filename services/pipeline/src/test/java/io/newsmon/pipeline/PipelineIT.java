package io.newsmon.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.newsmon.avro.DedupedArticle;
import io.newsmon.avro.FlaggedArticle;
import io.newsmon.avro.RawArticle;
import io.newsmon.common.TopicCatalog;
import io.newsmon.kafka.LocalKafka;
import io.newsmon.pipeline.flag.TopicCatalogFile;
import io.newsmon.schema.AvroSerde;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The seed pair through a real KRaft broker and the real pipeline with exactly-once processing. */
class PipelineIT {

  @TempDir Path tmp;

  @Test
  void seedPairFlowsThroughARealBrokerWithExactlyOnce() throws Exception {
    try (LocalKafka kafka = LocalKafka.start(tmp.resolve("kafka"))) {
      PipelineConfig config =
          new PipelineConfig(
              Map.of(
                  PipelineConfig.BOOTSTRAP_SERVERS, kafka.bootstrapServers(),
                  PipelineConfig.STATE_DIR, tmp.resolve("state").toString(),
                  PipelineConfig.APPLICATION_ID, "pipeline-it"));
      Properties props = config.streamsProperties();
      props.put("commit.interval.ms", "100");
      try (KafkaStreams streams =
          new KafkaStreams(
              PipelineTopology.build(
                  new PipelineTopology.Settings(0.8, TopicCatalogFile.starter())),
              props)) {
        streams.setUncaughtExceptionHandler(
            e -> StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.SHUTDOWN_CLIENT);
        streams.start();

        try (var producer =
            new KafkaProducer<>(
                Map.<String, Object>of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                    kafka.bootstrapServers(),
                    ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                    true),
                new StringSerializer(),
                AvroSerde.of(RawArticle.class))) {
          producer
              .send(
                  new ProducerRecord<>(
                      TopicCatalog.NEWS_RAW.name(),
                      "seed-0",
                      PipelineTopologyTest.seed("seed-0", SeedArticles.SCRAPED)))
              .get();
          producer
              .send(
                  new ProducerRecord<>(
                      TopicCatalog.NEWS_RAW.name(),
                      "seed-1",
                      PipelineTopologyTest.seed("seed-1", SeedArticles.MARKDOWN)))
              .get();
        }

        List<FlaggedArticle> flagged = new ArrayList<>();
        List<DedupedArticle> duplicates = new ArrayList<>();
        try (var flaggedConsumer =
                consumer(kafka, FlaggedArticle.class, TopicCatalog.NEWS_FLAGGED.name());
            var duplicateConsumer =
                consumer(kafka, DedupedArticle.class, TopicCatalog.NEWS_DUPLICATES.name())) {
          await()
              .atMost(Duration.ofSeconds(60))
              .until(
                  () -> {
                    flaggedConsumer
                        .poll(Duration.ofMillis(200))
                        .forEach(r -> flagged.add(r.value()));
                    duplicateConsumer
                        .poll(Duration.ofMillis(200))
                        .forEach(r -> duplicates.add(r.value()));
                    return flagged.size() == 1 && duplicates.size() == 1;
                  });
        }
        assertThat(flagged.get(0).getArticle().getArticleId()).isEqualTo("seed-0");
        assertThat(flagged.get(0).getFlags())
            .extracting(f -> f.getTopicId())
            .containsExactly("border-tensions");
        assertThat(duplicates.get(0).getDecision().getDuplicateOf()).isEqualTo("seed-0");
        assertThat(streams.state()).isEqualTo(KafkaStreams.State.RUNNING);
      }
    }
  }

  private static <T extends org.apache.avro.specific.SpecificRecord>
      KafkaConsumer<String, T> consumer(LocalKafka kafka, Class<T> type, String topic) {
    var consumer =
        new KafkaConsumer<>(
            Map.<String, Object>of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                kafka.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG,
                "pipeline-it-" + topic,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest",
                // Only what the pipeline committed: exactly-once output is transactional.
                ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                "read_committed"),
            new StringDeserializer(),
            AvroSerde.of(type));
    consumer.subscribe(List.of(topic));
    return consumer;
  }
}
