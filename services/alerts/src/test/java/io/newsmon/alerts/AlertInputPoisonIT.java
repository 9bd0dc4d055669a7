package io.newsmon.alerts;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsmon.alerts.AlertServiceHarness.Call;
import io.newsmon.avro.FlaggedArticle;
import io.newsmon.avro.RawArticle;
import io.newsmon.avro.TopicSpike;
import io.newsmon.common.DeadLetterHeaders;
import io.newsmon.common.TopicCatalog;
import io.newsmon.common.TraceIds;
import io.newsmon.schema.AvroSerde;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Garbage on the alert service's inputs ({@code news.flagged}, {@code news.topic-spikes}): each bad
 * record ends in {@code news.dead-letter} once with its reason and stage, is counted in {@code
 * /metrics} and shown on the ops summary, and the good articles and spikes around it are delivered.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalKafkaResource.class, restrictToAnnotatedClass = true)
class AlertInputPoisonIT {

  private static final String TOPIC = "poison-suite";

  /** A bad record: where, its bytes, and the reason it must be dead-lettered with. */
  record Poison(String name, String topic, byte[] value, String reason, String stage) {}

  private AlertServiceHarness harness;
  private List<Call> calls;

  @BeforeEach
  void startReceiver() throws Exception {
    harness = AlertServiceHarness.start();
    calls = harness.record("/hook");
  }

  @AfterEach
  void stopReceiver() {
    harness.close();
  }

  @Test
  void badInputRecordsAreDeadLetteredAndCountedAndGoodAlertsStillDelivered() throws Exception {
    given()
        .auth()
        .oauth2(LocalKafkaResource.API_KEY)
        .contentType(ContentType.JSON)
        .body(
            Map.of("topicIds", List.of(TOPIC), "webhookUrl", harness.url("/hook"), "spikes", true))
        .post("/api/v1/subscriptions")
        .then()
        .statusCode(201);

    String flagged = TopicCatalog.NEWS_FLAGGED.name();
    String spikes = TopicCatalog.NEWS_TOPIC_SPIKES.name();
    byte[] valid = flaggedBytes("valid");
    byte[] unknownSchema = valid.clone();
    Arrays.fill(unknownSchema, 2, 10, (byte) 0x5A);
    List<Poison> poison =
        List.of(
            new Poison(
                "flagged-not-avro",
                flagged,
                "<html>not avro</html>".getBytes(StandardCharsets.UTF_8),
                "undecodable_record",
                "alerts-flagged"),
            new Poison(
                "flagged-empty-value",
                flagged,
                new byte[0],
                "undecodable_record",
                "alerts-flagged"),
            new Poison("flagged-tombstone", flagged, null, "empty", "alerts-flagged"),
            new Poison(
                "flagged-truncated",
                flagged,
                Arrays.copyOf(valid, valid.length / 2),
                "undecodable_record",
                "alerts-flagged"),
            new Poison(
                "flagged-unknown-schema-id",
                flagged,
                unknownSchema,
                "undecodable_record",
                "alerts-flagged"),
            new Poison(
                "flagged-raw-article-schema",
                flagged,
                AvroSerde.of(RawArticle.class)
                    .serialize(
                        flagged,
                        RawArticle.newBuilder()
                            .setArticleId("raw")
                            .setSourceId("file")
                            .setContentType("text/plain")
                            .setPayload(ByteBuffer.wrap(new byte[] {'x'}))
                            .setIngestedAt(Instant.EPOCH)
                            .setTraceId("t")
                            .build()),
                "undecodable_record",
                "alerts-flagged"),
            new Poison(
                "spike-not-avro",
                spikes,
                "{\"spike\": true}".getBytes(StandardCharsets.UTF_8),
                "undecodable_record",
                "alerts-spikes"),
            new Poison("spike-tombstone", spikes, null, "empty", "alerts-spikes"),
            new Poison(
                "spike-flagged-article-schema",
                spikes,
                valid,
                "undecodable_record",
                "alerts-spikes"));

    List<String> goodArticles = new ArrayList<>();
    try (var producer =
        AlertServiceHarness.producer(new ByteArraySerializer(), new ByteArraySerializer())) {
      for (int i = 0; i < poison.size(); i++) {
        Poison p = poison.get(i);
        ProducerRecord<byte[], byte[]> record =
            new ProducerRecord<>(p.topic(), bytes(p.name()), p.value());
        record.headers().add(TraceIds.HEADER, bytes("trace-" + p.name()));
        producer.send(record);
        if (i % 3 == 2) {
          String id = "good-" + i;
          producer.send(new ProducerRecord<>(flagged, bytes(id), flaggedBytes(id)));
          goodArticles.add(id);
        }
      }
      producer.send(new ProducerRecord<>(spikes, bytes(TOPIC), spikeBytes()));
      producer.flush();
    }

    // Every good article alerted, and the spike, although bad records came first.
    ObjectMapper json = new ObjectMapper();
    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () -> {
              List<String> alerted = new ArrayList<>();
              boolean spiked = false;
              for (Call call : calls) {
                var node = json.readTree(call.body());
                if (node.path("type").asText().startsWith("topic.spike")) {
                  spiked = true;
                } else {
                  alerted.add(node.at("/data/article/id").asText());
                }
              }
              assertThat(alerted).containsExactlyInAnyOrderElementsOf(goodArticles);
              assertThat(spiked).as("spike delivered").isTrue();
            });

    // Every bad record dead-lettered once, as it was, with the reason and stage.
    Map<String, List<ConsumerRecord<byte[], byte[]>>> letters = new HashMap<>();
    try (var consumer =
        new KafkaConsumer<>(
            Map.<String, Object>of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                LocalKafkaResource.bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG,
                "alert-input-poison-it",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest"),
            new ByteArrayDeserializer(),
            new ByteArrayDeserializer())) {
      consumer.subscribe(List.of(TopicCatalog.NEWS_DEAD_LETTER.name()));
      await()
          .atMost(Duration.ofSeconds(30))
          .untilAsserted(
              () -> {
                consumer
                    .poll(Duration.ofMillis(200))
                    .forEach(
                        r ->
                            letters
                                .computeIfAbsent(
                                    new String(r.key(), StandardCharsets.UTF_8),
                                    k -> new ArrayList<>())
                                .add(r));
                assertThat(letters.keySet())
                    .containsExactlyInAnyOrderElementsOf(
                        poison.stream().map(Poison::name).toList());
              });
    }
    for (Poison p : poison) {
      assertThat(letters.get(p.name())).as("dead letters of %s", p.name()).hasSize(1);
      ConsumerRecord<byte[], byte[]> letter = letters.get(p.name()).get(0);
      assertThat(letter.value()).as("original value of %s", p.name()).isEqualTo(p.value());
      assertThat(header(letter, TraceIds.HEADER)).isEqualTo("trace-" + p.name());
      assertThat(header(letter, DeadLetterHeaders.REASON)).as(p.name()).isEqualTo(p.reason());
      assertThat(header(letter, DeadLetterHeaders.STAGE)).as(p.name()).isEqualTo(p.stage());
      assertThat(header(letter, DeadLetterHeaders.SOURCE)).startsWith(p.topic() + "-");
      assertThat(header(letter, DeadLetterHeaders.MESSAGE)).isNotBlank();
    }

    // Counted by topic and reason, and shown to operators.
    String metrics = given().get("/metrics").then().statusCode(200).extract().asString();
    for (String topic : List.of(flagged, spikes)) {
      for (String reason : List.of("undecodable_record", "empty")) {
        long expected =
            poison.stream()
                .filter(p -> p.topic().equals(topic) && p.reason().equals(reason))
                .count();
        assertThat(metricValue(metrics, topic, reason))
            .as("newsmon_alerts_dead_letter_records_total{topic=%s,reason=%s}", topic, reason)
            .isEqualTo(expected);
      }
    }
    io.newsmon.common.testing.Promtool.assertMetricsPass(metrics);
    given()
        .auth()
        .oauth2(LocalKafkaResource.ADMIN_KEY)
        .get("/api/admin/ops?deadLetters=50")
        .then()
        .statusCode(200)
        .body(
            "deadLetters.stage", org.hamcrest.Matchers.hasItems("alerts-flagged", "alerts-spikes"));
  }

  private static double metricValue(String metrics, String topic, String reason) {
    Matcher m =
        Pattern.compile("(?m)^newsmon_alerts_dead_letter_records_total\\{([^}]*)\\} (\\S+)$")
            .matcher(metrics);
    while (m.find()) {
      if (m.group(1).contains("topic=\"" + topic + "\"")
          && m.group(1).contains("reason=\"" + reason + "\"")) {
        return Double.parseDouble(m.group(2));
      }
    }
    return -1;
  }

  private static byte[] flaggedBytes(String id) {
    FlaggedArticle article = Fixtures.flagged(id, id, TOPIC);
    return AvroSerde.of(FlaggedArticle.class).serialize(TopicCatalog.NEWS_FLAGGED.name(), article);
  }

  private static byte[] spikeBytes() {
    return AvroSerde.of(TopicSpike.class)
        .serialize(TopicCatalog.NEWS_TOPIC_SPIKES.name(), AlertServiceHarness.spikeStarted(TOPIC));
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
    Header header = record.headers().lastHeader(name);
    return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
  }
}
