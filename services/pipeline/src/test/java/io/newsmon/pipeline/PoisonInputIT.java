package io.newsmon.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.newsmon.avro.DedupedArticle;
import io.newsmon.avro.FlaggedArticle;
import io.newsmon.common.DeadLetterHeaders;
import io.newsmon.common.KafkaHealth;
import io.newsmon.common.PrometheusRegistries;
import io.newsmon.common.TopicCatalog;
import io.newsmon.common.TopicProvisioner;
import io.newsmon.common.TraceIds;
import io.newsmon.kafka.LocalKafka;
import io.newsmon.pipeline.PoisonInputs.OddButGood;
import io.newsmon.pipeline.PoisonInputs.PoisonInput;
import io.newsmon.pipeline.catalog.TopicCatalogFollower;
import io.newsmon.schema.AvroSerde;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The poison-input table of {@link PoisonInputs} against a real KRaft broker and the pipeline with
 * exactly-once: every bad record published between good articles ends in {@code news.dead-letter}
 * exactly once with its reason, every good article is unique and flagged exactly once, the stream
 * threads never die, and the health port's {@code /metrics} counts the dead letters by reason.
 */
class PoisonInputIT {

  private static final String APPLICATION_ID = "poison-input-it";

  private static PipelineHarness harness;

  private final List<Throwable> streamFailures = new CopyOnWriteArrayList<>();
  private KafkaStreams streams;
  private Admin admin;
  private TopicCatalogFollower follower;
  private KafkaHealth kafkaHealth;
  private HttpServer health;

  @BeforeAll
  static void startKafka() throws Exception {
    harness = PipelineHarness.start("poison-input-it");
  }

  @AfterAll
  static void stopKafka() {
    harness.close();
  }

  @BeforeEach
  void startPipeline() throws Exception {
    LocalKafka kafka = harness.kafka();
    Properties props = harness.streamsProperties(APPLICATION_ID, "state");
    assertThat(props.get("processing.guarantee")).isEqualTo("exactly_once_v2");
    PrometheusMeterRegistry registry = PrometheusRegistries.create();
    streams =
        PipelineHarness.pipeline(
            props,
            new PipelineTopology.Settings(
                0.8,
                Duration.ofDays(7),
                StarterTopics.monitor(),
                new PipelineMetrics(registry, Clock.systemUTC()),
                io.newsmon.pipeline.volume.SpikeRule.DEFAULT),
            streamFailures::add);
    // The health port as PipelineMain serves it.
    admin = kafka.admin();
    follower =
        new TopicCatalogFollower(
                kafka.bootstrapServers(),
                StarterTopics.monitor(),
                new TopicProvisioner(admin, (short) 1))
            .start();
    kafkaHealth = new KafkaHealth(kafka.bootstrapServers(), TopicCatalog.ALL, Clock.systemUTC());
    health =
        PipelineMain.startHealth(
            new java.net.InetSocketAddress("127.0.0.1", 0),
            streams,
            StarterTopics.monitor(),
            follower,
            registry,
            kafkaHealth);
    streams.start();
  }

  @AfterEach
  void stopPipeline() throws Exception {
    streams.close(Duration.ofSeconds(30));
    health.stop(0);
    kafkaHealth.close();
    follower.close();
    admin.close();
  }

  @Test
  @Timeout(150)
  void everyBadInputIsDeadLetteredOnceAndEveryGoodArticleFlaggedOnce() throws Exception {
    List<PoisonInput> poison = PoisonInputs.all();
    List<OddButGood> odd = PoisonInputs.oddButGood();
    Map<String, Long> before = DeadLetterHandlers.counts();

    List<String> good = new ArrayList<>();
    try (var producer = harness.producer(new ByteArraySerializer(), new ByteArraySerializer())) {
      int every = Math.ceilDiv(poison.size(), PoisonInputs.INTERLEAVED_STORIES);
      for (int i = 0; i < poison.size(); i++) {
        PoisonInput input = poison.get(i);
        RecordHeaders headers = new RecordHeaders();
        headers.add(TraceIds.HEADER, ("trace-" + input.name()).getBytes(StandardCharsets.UTF_8));
        producer.send(
            new ProducerRecord<>(input.topic().name(), null, input.key(), input.value(), headers));
        if (i % every == every - 1 || i == poison.size() - 1) {
          String id = "good-" + good.size();
          producer.send(
              new ProducerRecord<>(
                  TopicCatalog.NEWS_RAW.name(),
                  PoisonInputs.key(id),
                  PoisonInputs.encode(PoisonInputs.good(id, good.size()))));
          good.add(id);
        }
      }
      for (OddButGood input : odd) {
        producer.send(
            new ProducerRecord<>(TopicCatalog.NEWS_RAW.name(), input.key(), input.value()));
        good.add(input.articleId());
      }
      producer.flush();
    }

    Map<String, List<ConsumerRecord<byte[], byte[]>>> letters = new HashMap<>();
    Map<String, List<FlaggedArticle>> flagged = new HashMap<>();
    Map<String, Integer> unique = new HashMap<>();
    AvroSerde<FlaggedArticle> flaggedSerde = AvroSerde.of(FlaggedArticle.class);
    AvroSerde<DedupedArticle> uniqueSerde = AvroSerde.of(DedupedArticle.class);
    try (var dlq = consumer(TopicCatalog.NEWS_DEAD_LETTER.name());
        var flaggedConsumer = consumer(TopicCatalog.NEWS_FLAGGED.name());
        var uniqueConsumer = consumer(TopicCatalog.NEWS_UNIQUE.name())) {
      Runnable drain =
          () -> {
            assertThat(streamFailures).as("stream thread failures").isEmpty();
            dlq.poll(Duration.ofMillis(100))
                .forEach(
                    r ->
                        letters
                            .computeIfAbsent(
                                r.key() == null
                                    ? "<null>"
                                    : new String(r.key(), StandardCharsets.UTF_8),
                                k -> new ArrayList<>())
                            .add(r));
            // The bad records written to these topics are there too: only the pipeline's own
            // output, the good articles, is decoded.
            flaggedConsumer
                .poll(Duration.ofMillis(100))
                .forEach(
                    r -> {
                      if (isPipelineOutput(r)) {
                        FlaggedArticle a = flaggedSerde.deserialize(r.topic(), r.value());
                        flagged
                            .computeIfAbsent(a.getArticle().getArticleId(), k -> new ArrayList<>())
                            .add(a);
                      }
                    });
            uniqueConsumer
                .poll(Duration.ofMillis(100))
                .forEach(
                    r -> {
                      if (isPipelineOutput(r)) {
                        unique.merge(
                            uniqueSerde
                                .deserialize(r.topic(), r.value())
                                .getArticle()
                                .getArticleId(),
                            1,
                            Integer::sum);
                      }
                    });
          };
      await()
          .atMost(Duration.ofSeconds(90))
          .pollInterval(Duration.ofMillis(100))
          .untilAsserted(
              () -> {
                drain.run();
                assertThat(letters.keySet()).as("dead-lettered").containsAll(names(poison));
                assertThat(unique.keySet()).as("unique").containsAll(good);
                assertThat(flagged.keySet()).as("flagged").containsAll(good);
              });
      // Nothing arrives twice, nor anything else, while the pipeline goes on committing.
      await()
          .during(Duration.ofSeconds(2))
          .atMost(Duration.ofSeconds(10))
          .until(
              () -> {
                drain.run();
                return letters.size() == poison.size()
                    && flagged.size() == good.size()
                    && unique.size() == good.size();
              });
    }

    for (PoisonInput input : poison) {
      assertThat(letters.get(input.name())).as("dead letters of %s", input.name()).hasSize(1);
      ConsumerRecord<byte[], byte[]> letter = letters.get(input.name()).get(0);
      assertThat(letter.key()).as("original key of %s", input.name()).isEqualTo(input.key());
      assertThat(letter.value()).as("original value of %s", input.name()).isEqualTo(input.value());
      assertThat(header(letter, TraceIds.HEADER)).isEqualTo("trace-" + input.name());
      assertThat(header(letter, DeadLetterHeaders.REASON))
          .as("reason of %s", input.name())
          .isEqualTo(input.reason());
      assertThat(header(letter, DeadLetterHeaders.STAGE))
          .as("stage of %s", input.name())
          .isEqualTo(input.stage());
      assertThat(header(letter, DeadLetterHeaders.SOURCE)).startsWith(input.topic().name() + "-");
    }
    assertThat(flagged.keySet()).containsExactlyInAnyOrderElementsOf(good);
    assertThat(flagged.values()).allSatisfy(copies -> assertThat(copies).hasSize(1));
    assertThat(unique).containsOnlyKeys(good).allSatisfy((id, n) -> assertThat(n).isEqualTo(1));
    for (OddButGood input : odd) {
      input.check().accept(flagged.get(input.articleId()).get(0));
    }

    // The health port counts them by reason, as Prometheus scrapes it.
    String metrics = get("/metrics");
    Map<String, Long> expected =
        poison.stream().collect(Collectors.groupingBy(PoisonInput::reason, Collectors.counting()));
    expected.forEach(
        (reason, count) ->
            assertThat(metricValue(metrics, reason))
                .as("newsmon_dead_letter_records_total{reason=%s}", reason)
                .isEqualTo(before.getOrDefault(reason, 0L) + count));
    assertThat(get("/health")).contains("\"deadLetters\":{").contains("\"undecodable_record\":");
    assertThat(streams.state()).isEqualTo(KafkaStreams.State.RUNNING);
  }

  // ---- helpers ----------------------------------------------------------------------------------

  private static List<String> names(List<PoisonInput> poison) {
    return poison.stream().map(PoisonInput::name).toList();
  }

  /**
   * Records the pipeline wrote, as opposed to the bad records the test wrote to its inputs: those
   * carry a trace header, the good articles (and so what the pipeline makes of them) none.
   */
  private static boolean isPipelineOutput(ConsumerRecord<byte[], byte[]> record) {
    return record.headers().lastHeader(TraceIds.HEADER) == null;
  }

  private String get(String path) throws Exception {
    try (HttpClient http = HttpClient.newHttpClient()) {
      HttpResponse<String> response =
          http.send(
              HttpRequest.newBuilder(
                      URI.create("http://127.0.0.1:" + health.getAddress().getPort() + path))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      return response.body();
    }
  }

  private static long metricValue(String metrics, String reason) {
    Matcher m =
        Pattern.compile(
                "(?m)^newsmon_dead_letter_records_total\\{reason=\""
                    + Pattern.quote(reason)
                    + "\"\\} (\\S+)$")
            .matcher(metrics);
    return m.find() ? (long) Double.parseDouble(m.group(1)) : -1;
  }

  private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
    Header header = record.headers().lastHeader(name);
    return header == null || header.value() == null
        ? null
        : new String(header.value(), StandardCharsets.UTF_8);
  }

  private static KafkaConsumer<byte[], byte[]> consumer(String topic) {
    return harness.reader(
        APPLICATION_ID + "-reader-" + topic,
        topic,
        new ByteArrayDeserializer(),
        new ByteArrayDeserializer());
  }
}
