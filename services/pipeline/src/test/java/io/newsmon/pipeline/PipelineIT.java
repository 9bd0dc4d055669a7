package io.newsmon.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.newsmon.avro.DedupedArticle;
import io.newsmon.avro.FlaggedArticle;
import io.newsmon.avro.RawArticle;
import io.newsmon.common.TopicCatalog;
import io.newsmon.schema.AvroSerde;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The real pipeline, exactly-once, against a real KRaft broker (one broker per kind): a PLAINTEXT
 * one, and one shaped like the Kubernetes deployment's (SASL_SSL, SCRAM-SHA-512, a PKCS12
 * truststore) that the pipeline reaches through the {@code NEWSMON_*} variables the manifests set.
 */
@ParameterizedClass
@EnumSource(PipelineHarness.Broker.class)
class PipelineIT {

  /** The broker of this run of the class; {@link #startKafka} starts it. */
  @Parameter PipelineHarness.Broker broker;

  private static PipelineHarness harness;
  private KafkaStreams streams;
  private String name;

  @BeforeParameterizedClassInvocation
  static void startKafka(PipelineHarness.Broker broker) throws Exception {
    harness = PipelineHarness.start("pipeline-it", broker);
  }

  @AfterParameterizedClassInvocation
  static void stopKafka() {
    if (harness != null) {
      harness.close();
      harness = null;
    }
  }

  @BeforeEach
  void startPipeline(TestInfo test) {
    name =
        "pipeline-it-"
            + broker.name().toLowerCase(java.util.Locale.ROOT)
            + "-"
            + test.getTestMethod().orElseThrow().getName();
    streams =
        PipelineHarness.pipeline(
            harness.streamsProperties(name, name),
            new PipelineTopology.Settings(0.8, StarterTopics.monitor()),
            e -> {});
    streams.start();
  }

  @AfterEach
  void stopPipeline() {
    streams.close(Duration.ofSeconds(30));
  }

  @Test
  void seedPairFlowsThroughARealBrokerWithExactlyOnce() throws Exception {
    publish("seed-0", PipelineTopologyTest.seed("seed-0", SeedArticles.SCRAPED));
    publish("seed-1", PipelineTopologyTest.seed("seed-1", SeedArticles.MARKDOWN));

    List<FlaggedArticle> flagged = new ArrayList<>();
    List<DedupedArticle> duplicates = new ArrayList<>();
    try (var flaggedConsumer =
            consumer(TopicCatalog.NEWS_FLAGGED.name(), AvroSerde.of(FlaggedArticle.class));
        var duplicateConsumer =
            consumer(TopicCatalog.NEWS_DUPLICATES.name(), AvroSerde.of(DedupedArticle.class))) {
      await()
          .atMost(Duration.ofSeconds(60))
          .until(
              () -> {
                flaggedConsumer.poll(Duration.ofMillis(200)).forEach(r -> flagged.add(r.value()));
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

  @Test
  void poisonInputIsDeadLetteredWithItsReasonAndTheStreamGoesOn() throws Exception {
    byte[] huge = new byte[6 * 1024 * 1024];
    Arrays.fill(huge, (byte) 'x');
    publish(
        "huge",
        RawArticle.newBuilder(PipelineTopologyTest.seed("huge", SeedArticles.SCRAPED))
            .setPayload(ByteBuffer.wrap(huge))
            .build());
    publishBytes("garbage", "{\"not\": \"avro\"}".getBytes(StandardCharsets.UTF_8));
    publish(
        "binary",
        RawArticle.newBuilder(PipelineTopologyTest.seed("binary", SeedArticles.SCRAPED))
            .setPayload(ByteBuffer.wrap(new byte[] {0x50, 0x4B, 3, 4, 0, 0, 0, 0}))
            .build());
    publish(
        "latin1-as-utf8",
        RawArticle.newBuilder(PipelineTopologyTest.seed("latin1-as-utf8", SeedArticles.SCRAPED))
            .setCharset("UTF-8")
            .setPayload(ByteBuffer.wrap("Caf\u00e9 soldiers".getBytes(StandardCharsets.ISO_8859_1)))
            .build());
    String story =
        "Thousands of Indian troops gathered near the border with Pakistan on Monday as tensions"
            + " rose between the two neighbours, officials said, after a week of artillery exchanges"
            + " across the frontier that forced villagers to flee their homes.";
    publish(
        "good",
        RawArticle.newBuilder(PipelineTopologyTest.seed("good", SeedArticles.SCRAPED))
            .setPayload(ByteBuffer.wrap(story.getBytes(StandardCharsets.UTF_8)))
            .build());

    List<ConsumerRecord<byte[], byte[]>> deadLetters = new ArrayList<>();
    List<FlaggedArticle> flagged = new ArrayList<>();
    try (var dlq = bytesConsumer(TopicCatalog.NEWS_DEAD_LETTER.name());
        var flaggedConsumer =
            consumer(TopicCatalog.NEWS_FLAGGED.name(), AvroSerde.of(FlaggedArticle.class))) {
      await()
          .atMost(Duration.ofSeconds(60))
          .until(
              () -> {
                dlq.poll(Duration.ofMillis(200)).forEach(deadLetters::add);
                flaggedConsumer.poll(Duration.ofMillis(200)).forEach(r -> flagged.add(r.value()));
                return deadLetters.size() >= 4
                    && flagged.stream().anyMatch(f -> f.getArticle().getArticleId().equals("good"));
              });
    }
    Map<String, String> reasons = new java.util.HashMap<>();
    for (ConsumerRecord<byte[], byte[]> r : deadLetters) {
      String key = new String(r.key(), StandardCharsets.UTF_8);
      if (List.of("huge", "garbage", "binary", "latin1-as-utf8").contains(key)) {
        reasons.put(
            key,
            new String(
                r.headers().lastHeader(DeadLetterHandlers.HEADER_REASON).value(),
                StandardCharsets.UTF_8));
      }
    }
    assertThat(reasons)
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "huge",
                "too_large",
                "garbage",
                "undecodable_record",
                "binary",
                "binary",
                "latin1-as-utf8",
                "undecodable"));
    ConsumerRecord<byte[], byte[]> hugeLetter =
        deadLetters.stream()
            .filter(r -> new String(r.key(), StandardCharsets.UTF_8).equals("huge"))
            .findFirst()
            .orElseThrow();
    assertThat(hugeLetter.value().length)
        .as("the original payload is kept")
        .isGreaterThan(huge.length);
    assertThat(streams.state()).isEqualTo(KafkaStreams.State.RUNNING);
  }

  private static void publish(String key, RawArticle article) throws Exception {
    try (var producer = harness.producer(new StringSerializer(), AvroSerde.of(RawArticle.class))) {
      producer.send(new ProducerRecord<>(TopicCatalog.NEWS_RAW.name(), key, article)).get();
    }
  }

  private static void publishBytes(String key, byte[] value) throws Exception {
    try (var producer = harness.producer(new StringSerializer(), new ByteArraySerializer())) {
      producer.send(new ProducerRecord<>(TopicCatalog.NEWS_RAW.name(), key, value)).get();
    }
  }

  private <V> KafkaConsumer<String, V> consumer(String topic, Deserializer<V> values) {
    return harness.reader(name + "-" + topic, topic, new StringDeserializer(), values);
  }

  private KafkaConsumer<byte[], byte[]> bytesConsumer(String topic) {
    return harness.reader(
        name + "-" + topic, topic, new ByteArrayDeserializer(), new ByteArrayDeserializer());
  }
}
