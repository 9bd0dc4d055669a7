package io.newsmon.alerts;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.standardwebhooks.Webhook;
import io.newsmon.alerts.AlertServiceHarness.Call;
import io.newsmon.avro.FlaggedArticle;
import io.newsmon.avro.TopicSpike;
import io.newsmon.common.TopicCatalog;
import io.newsmon.schema.AvroSerde;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The alert service against a real broker and a real HTTP webhook receiver. */
@QuarkusTest
@QuarkusTestResource(value = LocalKafkaResource.class, restrictToAnnotatedClass = true)
class AlertServiceIT {

  private List<Call> calls;
  private final List<Call> flakyCalls = new CopyOnWriteArrayList<>();
  private volatile int flakyStatus = 503;
  private AlertServiceHarness harness;

  @BeforeEach
  void startReceiver() throws Exception {
    harness = AlertServiceHarness.start();
    calls = harness.record("/hook");
    harness.handle(
        "/flaky",
        exchange -> {
          String body =
              new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
          int status = flakyStatus;
          if (status < 300) {
            flakyCalls.add(new Call(exchange.getRequestHeaders(), body));
          }
          exchange.sendResponseHeaders(status, -1);
          exchange.close();
        });
  }

  @AfterEach
  void stopReceiver() {
    harness.close();
  }

  @Test
  void deliversOneSignedAlertPerStoryAndTopic() throws Exception {
    String hook = harness.url("/hook");
    String secret =
        given()
            .auth()
            .oauth2(LocalKafkaResource.API_KEY)
            .contentType(ContentType.JSON)
            .body(Map.of("topicIds", List.of("border-tensions"), "webhookUrl", hook))
            .post("/api/v1/subscriptions")
            .then()
            .statusCode(201)
            .body("signingSecret", startsWith("whsec_"))
            .extract()
            .path("signingSecret");

    publish(Fixtures.flagged("seed-0", "seed-0", "border-tensions"));
    publish(
        Fixtures.flagged("seed-1", "seed-0", "border-tensions")); // same story again: suppressed
    publish(Fixtures.flagged("other", "other", "protests")); // nobody subscribed

    await().atMost(Duration.ofSeconds(60)).until(() -> calls.size() >= 1);
    // Give a wrongly repeated delivery the chance to arrive before counting.
    publish(Fixtures.flagged("marker", "marker", "border-tensions"));
    await().atMost(Duration.ofSeconds(30)).until(() -> calls.size() >= 2);
    assertThat(calls).hasSize(2);

    Call call = calls.get(0);
    HttpHeaders headers = HttpHeaders.of(call.headers(), (a, b) -> true);
    new Webhook(secret).verify(call.body(), headers); // throws if the signature does not verify
    JsonNode json = new ObjectMapper().readTree(call.body());
    assertThat(json.path("type").asText()).isEqualTo("topic.flagged");
    assertThat(json.at("/data/article/id").asText()).isEqualTo("seed-0");
    assertThat(json.at("/data/topic/id").asText()).isEqualTo("border-tensions");
    assertThat(json.at("/data/story/clusterId").asText()).isEqualTo("seed-0");
    assertThat(headers.firstValue("webhook-id").orElseThrow())
        .isEqualTo(json.at("/data/alertId").asText());

    // Counted, and the scrape passes Prometheus' own lint.
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> deliveredCount(given().get("/metrics").asString()) >= 2);
    String metrics = given().get("/metrics").then().statusCode(200).extract().asString();
    assertThat(metrics)
        .contains("newsmon_alerts_deliveries_total{outcome=\"delivered\"}")
        .contains("newsmon_alerts_retry_backlog")
        .contains("newsmon_consumer_group_lag{group=\"newsmon-alerts\"}")
        .contains("newsmon_ingest_to_delivered_seconds_bucket{le=\"0.5\"}")
        // No bad input here: served at zero, with the labels the alert rule groups by.
        .contains(
            "newsmon_alerts_dead_letter_records_total{reason=\"undecodable_record\",topic=\""
                + io.newsmon.common.TopicCatalog.NEWS_TOPIC_SPIKES.name()
                + "\"} 0.0");
    io.newsmon.common.testing.Promtool.assertMetricsPass(metrics);
  }

  private static double deliveredCount(String metrics) {
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("(?m)^newsmon_ingest_to_delivered_seconds_count (\\S+)$")
            .matcher(metrics);
    return m.find() ? Double.parseDouble(m.group(1)) : 0;
  }

  @Test
  void tenantsSeeOnlyTheirOwnSubscriptionsAndNeverSecrets() {
    String id =
        given()
            .auth()
            .oauth2(LocalKafkaResource.API_KEY)
            .contentType(ContentType.JSON)
            .body(Map.of("topicIds", List.of("protests"), "webhookUrl", "https://hooks.example/x"))
            .post("/api/v1/subscriptions")
            .then()
            .statusCode(201)
            .extract()
            .path("id");

    given()
        .auth()
        .oauth2(LocalKafkaResource.API_KEY)
        .get("/api/v1/subscriptions/" + id)
        .then()
        .statusCode(200)
        .body("signingSecret", nullValue())
        .body("topicIds", equalTo(List.of("protests")));
    given()
        .auth()
        .oauth2(LocalKafkaResource.OTHER_TENANT_KEY)
        .get("/api/v1/subscriptions/" + id)
        .then()
        .statusCode(404);
    given()
        .auth()
        .oauth2(LocalKafkaResource.OTHER_TENANT_KEY)
        .delete("/api/v1/subscriptions/" + id)
        .then()
        .statusCode(404);
    given()
        .auth()
        .oauth2(LocalKafkaResource.OTHER_TENANT_KEY)
        .get("/api/v1/subscriptions")
        .then()
        .statusCode(200)
        .body("$", hasSize(0));
    given().get("/api/v1/subscriptions").then().statusCode(401);
    given().auth().oauth2("wrong").get("/api/v1/subscriptions").then().statusCode(401);

    given()
        .auth()
        .oauth2(LocalKafkaResource.API_KEY)
        .delete("/api/v1/subscriptions/" + id)
        .then()
        .statusCode(204);
    given()
        .auth()
        .oauth2(LocalKafkaResource.API_KEY)
        .get("/api/v1/subscriptions/" + id)
        .then()
        .statusCode(404);
  }

  @Test
  void invalidSubscriptionsAreRefusedWithAReason() {
    given()
        .auth()
        .oauth2(LocalKafkaResource.API_KEY)
        .contentType(ContentType.JSON)
        .body(Map.of("topicIds", List.of(), "webhookUrl", "https://hooks.example/x"))
        .post("/api/v1/subscriptions")
        .then()
        .statusCode(400)
        .body("error", startsWith("topicIds"));
    given()
        .auth()
        .oauth2(LocalKafkaResource.API_KEY)
        .contentType(ContentType.JSON)
        .body(Map.of("topicIds", List.of("protests"), "webhookUrl", "ftp://x"))
        .post("/api/v1/subscriptions")
        .then()
        .statusCode(400)
        .body("error", startsWith("webhookUrl"));
  }

  @Test
  void languageCountrySourceFiltersAndDigestModeAreKeptAndShown() {
    String location =
        given()
            .auth()
            .oauth2(LocalKafkaResource.API_KEY)
            .contentType(ContentType.JSON)
            .body(
                Map.of(
                    "topicIds", List.of("border-tensions"),
                    "webhookUrl", "https://hooks.example/digest",
                    "languages", List.of("EN", "uk"),
                    "countries", List.of("ua"),
                    "sources", List.of("moscow-times"),
                    "digestMinutes", 15))
            .post("/api/v1/subscriptions")
            .then()
            .statusCode(201)
            .body("languages", equalTo(List.of("en", "uk")))
            .body("countries", equalTo(List.of("UA")))
            .body("digestMinutes", equalTo(15))
            .extract()
            .header("Location");
    given()
        .auth()
        .oauth2(LocalKafkaResource.API_KEY)
        .get(location)
        .then()
        .statusCode(200)
        .body("sources", equalTo(List.of("moscow-times")))
        .body("digestMinutes", equalTo(15));
    given()
        .auth()
        .oauth2(LocalKafkaResource.API_KEY)
        .contentType(ContentType.JSON)
        .body(
            Map.of(
                "topicIds", List.of("border-tensions"),
                "webhookUrl", "https://hooks.example/digest",
                "countries", List.of("UKR")))
        .post("/api/v1/subscriptions")
        .then()
        .statusCode(400)
        .body("error", startsWith("countries must be ISO 3166-1 alpha-2"));
    given()
        .auth()
        .oauth2(LocalKafkaResource.API_KEY)
        .contentType(ContentType.JSON)
        .body(
            Map.of(
                "topicIds",
                List.of("border-tensions"),
                "webhookUrl",
                "https://hooks.example/digest",
                "digestMinutes",
                2000))
        .post("/api/v1/subscriptions")
        .then()
        .statusCode(400)
        .body("error", startsWith("digestMinutes"));
  }

  @Test
  void noSecretOrKeyEverAppearsInTheLogs() throws Exception {
    List<String> logged = new CopyOnWriteArrayList<>();
    java.util.logging.Handler capture =
        new java.util.logging.Handler() {
          private final java.util.logging.Formatter format =
              new java.util.logging.SimpleFormatter();

          @Override
          public void publish(java.util.logging.LogRecord record) {
            logged.add(format.format(record));
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        };
    java.util.logging.Logger root = java.util.logging.Logger.getLogger("");
    root.addHandler(capture);
    try {
      String hook = harness.url("/hook");
      Map<String, String> created =
          given()
              .auth()
              .oauth2(LocalKafkaResource.API_KEY)
              .contentType(ContentType.JSON)
              .body(Map.of("topicIds", List.of("log-check"), "webhookUrl", hook))
              .post("/api/v1/subscriptions")
              .then()
              .statusCode(201)
              .extract()
              .as(Map.class);
      String rotated =
          given()
              .auth()
              .oauth2(LocalKafkaResource.API_KEY)
              .post("/api/v1/subscriptions/" + created.get("id") + "/rotate-secret")
              .then()
              .statusCode(200)
              .extract()
              .path("signingSecret");
      given().auth().oauth2("not-a-key").get("/api/v1/subscriptions").then().statusCode(401);
      int before = calls.size();
      publish(Fixtures.flagged("log-check", "log-check", "log-check"));
      await().atMost(Duration.ofSeconds(60)).until(() -> calls.size() > before);
      String subscriptionId = created.get("id");
      await()
          .atMost(Duration.ofSeconds(10))
          .until(() -> logged.stream().anyMatch(line -> line.contains(subscriptionId)));

      assertThat(logged)
          .as("what was logged")
          .isNotEmpty()
          .noneMatch(line -> line.contains(created.get("signingSecret")))
          .noneMatch(line -> line.contains(rotated))
          .noneMatch(line -> line.contains(LocalKafkaResource.API_KEY))
          .noneMatch(line -> line.contains("not-a-key"));
    } finally {
      root.removeHandler(capture);
    }
  }

  @Test
  void readinessReportsLoadedState() {
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                given()
                    .get("/q/health/ready")
                    .then()
                    .statusCode(200)
                    .body("status", equalTo("UP")));
    given()
        .get("/q/health/ready")
        .then()
        .body("checks.find { it.name == 'kafka' }.status", equalTo("UP"))
        .body("checks.find { it.name == 'kafka' }.data.missingTopics", equalTo(""))
        .body("checks.find { it.name == 'newsmon-state' }.status", equalTo("UP"));
    given()
        .get("/q/health/live")
        .then()
        .statusCode(200)
        .body("checks.find { it.name == 'delivery-workers' }.status", equalTo("UP"));
  }

  @Test
  void failedDeliveriesAreLoggedDeadLetteredAndReplayedWithTheirWebhookId() throws Exception {
    String hook = harness.url("/flaky");
    Map<String, String> created =
        given()
            .auth()
            .oauth2(LocalKafkaResource.API_KEY)
            .contentType(ContentType.JSON)
            .body(Map.of("topicIds", List.of("cyber-attacks"), "webhookUrl", hook))
            .post("/api/v1/subscriptions")
            .then()
            .statusCode(201)
            .extract()
            .jsonPath()
            .getMap("");
    String id = created.get("id");
    java.time.Instant start = java.time.Instant.now().minusSeconds(60);

    publish(Fixtures.flagged("hack-1", "hack-1", "cyber-attacks"));

    // The test schedule makes three attempts (0 s, 200 ms, 200 ms); all answered 503.
    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () ->
                given()
                    .auth()
                    .oauth2(LocalKafkaResource.API_KEY)
                    .queryParam("from", start.toString())
                    .get("/api/v1/subscriptions/" + id + "/attempts")
                    .then()
                    .statusCode(200)
                    .body("attempts", hasSize(3))
                    .body("attempts[0].outcome", equalTo("dead-lettered"))
                    .body("attempts[0].status", equalTo(503))
                    .body("attempts[2].attempt", equalTo(1)));
    given()
        .auth()
        .oauth2(LocalKafkaResource.OTHER_TENANT_KEY)
        .get("/api/v1/subscriptions/" + id + "/attempts")
        .then()
        .statusCode(404);
    given()
        .auth()
        .oauth2(LocalKafkaResource.API_KEY)
        .contentType(ContentType.JSON)
        .body(Map.of("from", "yesterday"))
        .post("/api/v1/subscriptions/" + id + "/replay")
        .then()
        .statusCode(400);

    flakyStatus = 204;
    String alertId =
        given()
            .auth()
            .oauth2(LocalKafkaResource.API_KEY)
            .contentType(ContentType.JSON)
            .body(
                Map.of(
                    "from", start.toString(),
                    "to", java.time.Instant.now().plusSeconds(60).toString(),
                    "include", List.of("failed")))
            .post("/api/v1/subscriptions/" + id + "/replay")
            .then()
            .statusCode(202)
            .body("replayed", equalTo(1))
            .extract()
            .path("alertIds[0]");

    await().atMost(Duration.ofSeconds(60)).until(() -> flakyCalls.size() >= 1);
    Call call = flakyCalls.get(0);
    HttpHeaders headers = HttpHeaders.of(call.headers(), (a, b) -> true);
    new Webhook(created.get("signingSecret")).verify(call.body(), headers);
    assertThat(headers.firstValue("webhook-id")).contains(alertId);
    assertThat(new ObjectMapper().readTree(call.body()).at("/data/article/id").asText())
        .isEqualTo("hack-1");
  }

  @Test
  void dashboardsFollowTheirTopicsLiveOverServerSentEvents() throws Exception {
    java.net.URI stream =
        java.net.URI.create(
            "http://127.0.0.1:"
                + io.restassured.RestAssured.port
                + "/api/v1/stream?topics=protests,diplomacy");
    assertThat(
            java.net.http.HttpClient.newHttpClient()
                .send(
                    java.net.http.HttpRequest.newBuilder(stream)
                        .header("Accept", "text/event-stream")
                        .build(),
                    java.net.http.HttpResponse.BodyHandlers.discarding())
                .statusCode())
        .as("no key, no stream")
        .isEqualTo(401);
    JsonNode event =
        AlertServiceHarness.firstLiveEvent(
            "protests,diplomacy",
            () -> {
              publish(Fixtures.flagged("live-border", "live-border", "border-tensions"));
              publish(Fixtures.flagged("live-protest", "live-protest", "protests"));
            });
    assertThat(event.path("articleId").asText()).isEqualTo("live-protest");
    assertThat(event.at("/topics/0/id").asText()).isEqualTo("protests");
  }

  @Test
  void subscriptionsThatWantSpikesGetASignedSpikeWebhook() throws Exception {
    String hook = harness.url("/spikes");
    List<Call> spikeCalls = harness.record("/spikes");
    String secret =
        given()
            .auth()
            .oauth2(LocalKafkaResource.API_KEY)
            .contentType(ContentType.JSON)
            .body(
                Map.of("topicIds", List.of("troop-movements"), "webhookUrl", hook, "spikes", true))
            .post("/api/v1/subscriptions")
            .then()
            .statusCode(201)
            .body("spikes", equalTo(true))
            .extract()
            .path("signingSecret");

    TopicSpike spike = AlertServiceHarness.spikeStarted("troop-movements");
    try (var producer =
        AlertServiceHarness.producer(new StringSerializer(), AvroSerde.of(TopicSpike.class))) {
      producer
          .send(
              new ProducerRecord<>(TopicCatalog.NEWS_TOPIC_SPIKES.name(), "troop-movements", spike))
          .get();
    }

    await().atMost(Duration.ofSeconds(60)).until(() -> spikeCalls.size() >= 1);
    Call call = spikeCalls.get(0);
    new Webhook(secret).verify(call.body(), HttpHeaders.of(call.headers(), (a, b) -> true));
    JsonNode json = new ObjectMapper().readTree(call.body());
    assertThat(json.path("type").asText()).isEqualTo("topic.spike.started");
    assertThat(json.at("/data/topic/id").asText()).isEqualTo("troop-movements");
    assertThat(json.at("/data/articles").asLong()).isEqualTo(42);
    assertThat(json.at("/data/summary").asText()).contains("6× the usual");
  }

  @Test
  void theOpsSummaryShowsLagDeadLettersVolumesAndSpikes() throws Exception {
    java.time.Instant hour =
        java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.HOURS);
    try (var producer =
        AlertServiceHarness.producer(
            new StringSerializer(),
            new org.apache.kafka.common.serialization.ByteArraySerializer())) {
      ProducerRecord<String, byte[]> dead =
          new ProducerRecord<>(
              TopicCatalog.NEWS_DEAD_LETTER.name(), "art-broken", new byte[] {1, 2, 3});
      dead.headers()
          .add(
              io.newsmon.common.DeadLetterHeaders.REASON, "binary".getBytes(StandardCharsets.UTF_8))
          .add(
              io.newsmon.common.DeadLetterHeaders.MESSAGE,
              "payload contains binary data".getBytes(StandardCharsets.UTF_8));
      producer.send(dead).get();
      producer
          .send(
              new ProducerRecord<>(
                  TopicCatalog.NEWS_TOPIC_VOLUME.name(),
                  "ops-topic|" + hour,
                  AvroSerde.of(io.newsmon.avro.TopicVolume.class)
                      .serializer()
                      .serialize(
                          null,
                          io.newsmon.avro.TopicVolume.newBuilder()
                              .setTopicId("ops-topic")
                              .setWindowStart(hour)
                              .setWindowEnd(hour.plusSeconds(3600))
                              .setArticles(17)
                              .build())))
          .get();
    }

    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                given()
                    .auth()
                    .oauth2(LocalKafkaResource.ADMIN_KEY)
                    .get("/api/admin/ops")
                    .then()
                    .statusCode(200)
                    .body("deadLetters.reason", org.hamcrest.Matchers.hasItem("binary"))
                    .body("volumes.find { it.topicId == 'ops-topic' }.hourly[23]", equalTo(17))
                    .body("lags.group", org.hamcrest.Matchers.hasItem("newsmon-alerts")));
    given().auth().oauth2(LocalKafkaResource.API_KEY).get("/api/admin/ops").then().statusCode(403);
  }

  private static void publish(FlaggedArticle article) throws Exception {
    try (var producer =
        AlertServiceHarness.producer(new StringSerializer(), AvroSerde.of(FlaggedArticle.class))) {
      producer
          .send(
              new ProducerRecord<>(
                  TopicCatalog.NEWS_FLAGGED.name(), article.getArticle().getArticleId(), article))
          .get();
    }
  }

  @Test
  void adminsManageTopicsWithValidationAndVersionsAndTenantsCannot() {
    given()
        .auth()
        .oauth2(LocalKafkaResource.API_KEY)
        .contentType(ContentType.JSON)
        .body(Map.of("query", "border"))
        .put("/api/admin/topics/watch")
        .then()
        .statusCode(403);
    given()
        .auth()
        .oauth2(LocalKafkaResource.ADMIN_KEY)
        .contentType(ContentType.JSON)
        .body(Map.of("query", "troops NEAR/5 border", "name", "Watch", "minScore", 0.2))
        .put("/api/admin/topics/watch")
        .then()
        .statusCode(200)
        .body("version", equalTo(1))
        .body("name", equalTo("Watch"));
    given()
        .auth()
        .oauth2(LocalKafkaResource.ADMIN_KEY)
        .contentType(ContentType.JSON)
        .body(Map.of("query", "troops NEAR/8 border"))
        .put("/api/admin/topics/watch")
        .then()
        .statusCode(200)
        .body("version", equalTo(2));
    // Refused, with every problem and where it is; the stored version stays.
    given()
        .auth()
        .oauth2(LocalKafkaResource.ADMIN_KEY)
        .contentType(ContentType.JSON)
        .body(Map.of("query", "*order AND country:Narnia"))
        .put("/api/admin/topics/watch")
        .then()
        .statusCode(422)
        .body("problems", hasSize(2))
        .body("problems[0].position", equalTo(0));
    given()
        .auth()
        .oauth2(LocalKafkaResource.ADMIN_KEY)
        .get("/api/admin/topics/watch")
        .then()
        .statusCode(200)
        .body("version", equalTo(2))
        .body("query", equalTo("troops NEAR/8 border"));
    given()
        .auth()
        .oauth2(LocalKafkaResource.ADMIN_KEY)
        .contentType(ContentType.JSON)
        .body(
            Map.of(
                "query",
                "(troops OR forces) NEAR/5 border",
                "samples",
                List.of(
                    Map.of("title", "Build-up", "text", "Russian troops massed near the border."),
                    Map.of("title", "Trade", "text", "Exports rose in May."))))
        .post("/api/admin/topics/dry-run")
        .then()
        .statusCode(200)
        .body("results[0].matched", equalTo(true))
        .body("results[0].countries", equalTo(List.of("RU")))
        .body("results[1].matched", equalTo(false));
    given()
        .auth()
        .oauth2(LocalKafkaResource.ADMIN_KEY)
        .delete("/api/admin/topics/watch")
        .then()
        .statusCode(204);
    given()
        .auth()
        .oauth2(LocalKafkaResource.ADMIN_KEY)
        .get("/api/admin/topics/watch")
        .then()
        .statusCode(404);
  }

  @Test
  void webhookUrlsIntoTheServicesOwnNetworkAreRefused() {
    given()
        .auth()
        .oauth2(LocalKafkaResource.API_KEY)
        .contentType(ContentType.JSON)
        .body(
            Map.of("topicIds", List.of("protests"), "webhookUrl", "http://169.254.169.254/latest"))
        .post("/api/v1/subscriptions")
        .then()
        .statusCode(400)
        .body("error", org.hamcrest.Matchers.containsString("link-local"));
  }

  @Test
  void subscriptionsCanBeUpdatedPausedAndResumedByTheirTenantOnly() {
    String id =
        given()
            .auth()
            .oauth2(LocalKafkaResource.API_KEY)
            .contentType(ContentType.JSON)
            .body(Map.of("topicIds", List.of("protests"), "webhookUrl", "https://hooks.example/a"))
            .post("/api/v1/subscriptions")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    given()
        .auth()
        .oauth2(LocalKafkaResource.API_KEY)
        .contentType(ContentType.JSON)
        .body(
            Map.of(
                "topicIds",
                List.of("elections", "protests"),
                "webhookUrl",
                "https://hooks.example/b",
                "minScore",
                0.5))
        .put("/api/v1/subscriptions/" + id)
        .then()
        .statusCode(200)
        .body("topicIds", equalTo(List.of("elections", "protests")))
        .body("webhookUrl", equalTo("https://hooks.example/b"))
        .body("signingSecret", nullValue());
    given()
        .auth()
        .oauth2(LocalKafkaResource.API_KEY)
        .post("/api/v1/subscriptions/" + id + "/pause")
        .then()
        .statusCode(200)
        .body("status", equalTo("PAUSED"));
    given()
        .auth()
        .oauth2(LocalKafkaResource.OTHER_TENANT_KEY)
        .post("/api/v1/subscriptions/" + id + "/resume")
        .then()
        .statusCode(404);
    given()
        .auth()
        .oauth2(LocalKafkaResource.API_KEY)
        .post("/api/v1/subscriptions/" + id + "/resume")
        .then()
        .statusCode(200)
        .body("status", equalTo("ACTIVE"));
    given()
        .auth()
        .oauth2(LocalKafkaResource.API_KEY)
        .post("/api/v1/subscriptions/" + id + "/rotate-secret")
        .then()
        .statusCode(200)
        .body("signingSecret", startsWith("whsec_"));
    given()
        .auth()
        .oauth2(LocalKafkaResource.API_KEY)
        .get("/api/v1/subscriptions/" + id)
        .then()
        .statusCode(200)
        .body("signingSecret", nullValue());
  }

  @Test
  void publishesItsOpenApiDocumentWithoutAKey() {
    given()
        .get("/openapi.yaml")
        .then()
        .statusCode(200)
        .body(org.hamcrest.Matchers.containsString("/api/admin/topics/dry-run"));
  }
}
