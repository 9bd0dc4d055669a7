package io.newsmon.alerts;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsmon.avro.FlaggedArticle;
import io.newsmon.common.TopicCatalog;
import io.newsmon.schema.AvroSerde;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The whole alert service against a broker that admits only SASL-authenticated clients, given the
 * connection's security once as Quarkus' global {@code kafka.*} settings: every Kafka client it
 * has, the SmallRye channels and those it makes itself, must use them for this to pass (the Kafka
 * health check, the compacted tables behind readiness, the delivery queue and ledger, the
 * dead-letter producer, the ops page's admin client and dead-letter reader, the delivery log, the
 * topic catalog, the live stream). {@code SaslConnectionIT} shows such a broker refuses clients
 * without them.
 *
 * <p>One scenario, run by a subclass per kind of broker ({@link SaslKafkaResource.Kind}), each of
 * which starts the service against its own broker.
 */
abstract class SecuredKafkaAlertScenario {

  private AlertServiceHarness harness;
  private List<AlertServiceHarness.Call> calls;

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
  void everyKafkaClientOfTheServiceAuthenticates() throws Exception {
    // Ready: the health check's admin client found every topic, the subscriptions, ledger and
    // endpoint health tables are read, and the channels are connected.
    await()
        .atMost(Duration.ofSeconds(90))
        .untilAsserted(() -> given().get("/q/health/ready").then().statusCode(200));

    // A subscription is written to its compacted topic; an article read from news.flagged by the
    // channel is delivered through the delivery queue and recorded in the ledger.
    String hook = harness.url("/hook");
    String subscription =
        given()
            .auth()
            .oauth2(LocalKafkaResource.API_KEY)
            .contentType(ContentType.JSON)
            .body(Map.of("topicIds", List.of("border-tensions"), "webhookUrl", hook))
            .post("/api/v1/subscriptions")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    send(
        TopicCatalog.NEWS_FLAGGED.name(),
        "sasl-1",
        Fixtures.flagged("sasl-1", "sasl-1", "border-tensions"),
        AvroSerde.of(FlaggedArticle.class));
    await().atMost(Duration.ofSeconds(60)).until(() -> !calls.isEmpty());
    assertThat(new ObjectMapper().readTree(calls.get(0).body()).at("/data/article/id").asText())
        .isEqualTo("sasl-1");

    // The delivery log is read back from alerts.attempts.
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                given()
                    .auth()
                    .oauth2(LocalKafkaResource.API_KEY)
                    .get("/api/v1/subscriptions/" + subscription + "/attempts")
                    .then()
                    .statusCode(200)
                    .body(
                        "attempts.alertId",
                        org.hamcrest.Matchers.not(org.hamcrest.Matchers.empty())));

    // Bytes that are no article are dead-lettered, and the ops page reads lag and dead letters.
    send(
        TopicCatalog.NEWS_FLAGGED.name(),
        "garbage",
        new byte[] {1, 2, 3},
        new ByteArraySerializer());
    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () ->
                given()
                    .auth()
                    .oauth2(LocalKafkaResource.ADMIN_KEY)
                    .get("/api/admin/ops")
                    .then()
                    .statusCode(200)
                    .body("deadLetters.reason", hasItem("undecodable_record"))
                    .body(
                        "lags.find { it.group == 'newsmon-alerts' }.lag", greaterThanOrEqualTo(0)));

    // The topic catalog is written to and read from news.topic-definitions.
    given()
        .auth()
        .oauth2(LocalKafkaResource.ADMIN_KEY)
        .contentType(ContentType.JSON)
        .body(Map.of("query", "troops NEAR/5 border", "name", "Watch"))
        .put("/api/admin/topics/sasl-watch")
        .then()
        .statusCode(200)
        .body("version", equalTo(1));

    // The live stream follows news.flagged with its own consumer.
    assertThat(
            AlertServiceHarness.firstLiveEvent(
                    "protests",
                    () ->
                        send(
                            TopicCatalog.NEWS_FLAGGED.name(),
                            "sasl-live",
                            Fixtures.flagged("sasl-live", "sasl-live", "protests"),
                            AvroSerde.of(FlaggedArticle.class)))
                .path("articleId")
                .asText())
        .isEqualTo("sasl-live");
  }

  private static <V> void send(String topic, String key, V value, Serializer<V> values)
      throws Exception {
    try (var producer =
        new KafkaProducer<>(
            SaslKafkaResource.connection.clientConfig(Map.of()), new StringSerializer(), values)) {
      producer.send(new ProducerRecord<>(topic, key, value)).get(30, TimeUnit.SECONDS);
    }
  }
}
