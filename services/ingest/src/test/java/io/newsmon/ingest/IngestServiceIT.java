package io.newsmon.ingest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.newsmon.avro.RawArticle;
import io.newsmon.common.TraceIds;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The ingest service against a real broker and a real (local) news site. */
@QuarkusTest
@QuarkusTestResource(value = LocalKafkaResource.class, restrictToAnnotatedClass = true)
class IngestServiceIT {

  private static QuirkyFeedSite site;
  private static NewsRawReader newsRaw;

  @BeforeAll
  static void start() {
    site = new QuirkyFeedSite();
    newsRaw = new NewsRawReader(LocalKafkaResource.bootstrapServers);
  }

  @AfterAll
  static void stop() {
    newsRaw.close();
    site.close();
  }

  private static Optional<ConsumerRecord<String, RawArticle>> onNewsRaw(String articleId) {
    return newsRaw.records().stream().filter(r -> r.key().equals(articleId)).findFirst();
  }

  @Test
  void anArticlePostedIsOnNewsRawWithItsTraceIdBeforeThe202() {
    String record =
        "{\"url\":\"https://mt.example/troops\",\"title\":\"Troops\",\"text\":\"Troops massed.\"}";
    JsonPath accepted =
        given()
            .header("Authorization", "Bearer " + LocalKafkaResource.API_KEY)
            .contentType("application/json")
            .body(record)
            .post("/api/articles")
            .then()
            .statusCode(202)
            .body("sourceId", equalTo("acme"))
            .extract()
            .jsonPath();
    String articleId = accepted.getString("articleId");
    String traceId = accepted.getString("traceId");

    ConsumerRecord<String, RawArticle> published =
        await()
            .atMost(Duration.ofSeconds(30))
            .until(() -> onNewsRaw(articleId), Optional::isPresent)
            .orElseThrow();
    assertThat(
            new String(
                published.headers().lastHeader(TraceIds.HEADER).value(), StandardCharsets.UTF_8))
        .isEqualTo(traceId);
    assertThat(published.value().getTraceId()).isEqualTo(traceId);
    assertThat(published.value().getUrl()).isEqualTo("https://mt.example/troops");
    assertThat(StandardCharsets.UTF_8.decode(published.value().getPayload()).toString())
        .isEqualTo(record);

    given()
        .header("Authorization", "Bearer " + LocalKafkaResource.API_KEY)
        .contentType("text/html; charset=utf-8")
        .queryParam("url", "https://x.example/page")
        .queryParam("source", "x-news")
        .body("<html><body><p>Tanks at the border.</p></body></html>")
        .post("/api/articles")
        .then()
        .statusCode(202)
        .body("sourceId", equalTo("x-news"));
  }

  @Test
  void refusalsSayWhyAndAreCounted() throws Exception {
    given()
        .contentType("text/plain")
        .body("no key")
        .post("/api/articles")
        .then()
        .statusCode(401)
        .body("error", equalTo("missing or unknown API key"));
    given()
        .header("Authorization", "Bearer " + LocalKafkaResource.API_KEY)
        .contentType("text/html")
        .body("<p>where from?</p>")
        .post("/api/articles")
        .then()
        .statusCode(400)
        .body("reason", equalTo("missing-url"))
        .body("error", containsString("?url="));
    given()
        .header("Authorization", "Bearer " + LocalKafkaResource.API_KEY)
        .contentType("application/json")
        .body("{\"title\":\"no text\"}")
        .post("/api/articles")
        .then()
        .statusCode(400)
        .body("error", containsString("no article"));
    given()
        .header("Authorization", "Bearer " + LocalKafkaResource.API_KEY)
        .contentType("image/png")
        .body(new byte[] {1, 2, 3})
        .post("/api/articles")
        .then()
        .statusCode(415);
    given()
        .header("Authorization", "Bearer " + LocalKafkaResource.API_KEY)
        .contentType("text/plain")
        .body("x".repeat(65 * 1024))
        .post("/api/articles")
        .then()
        .statusCode(413)
        .body("error", containsString("at most 65536"));

    String metrics = given().get("/metrics").then().statusCode(200).extract().asString();
    assertThat(metrics)
        .contains("newsmon_ingest_api_refused_total{reason=\"missing-url\"} 1.0")
        .contains("newsmon_ingest_api_refused_total{reason=\"too-large\"} 1.0")
        .contains("jvm_memory_used_bytes");
    io.newsmon.common.testing.Promtool.assertMetricsPass(metrics);
  }

  @Test
  void feedsAddedThroughTheAdminApiArePolledAndEachArticlePublishedOnce() {
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> given().get("/q/health/ready").statusCode() == 200);
    given()
        .get("/q/health/ready")
        .then()
        .body("checks.find { it.name == 'kafka' }.data.reachable", equalTo(true));
    for (String[] feed :
        List.of(
            new String[] {"quirky-rss", "/rss2.xml"},
            new String[] {"quirky-rdf", "/rdf.xml"},
            new String[] {"quirky-atom", "/old-atom"})) {
      given()
          .header("Authorization", "Bearer " + LocalKafkaResource.ADMIN_KEY)
          .contentType("application/json")
          .body(Map.of("url", site.url(feed[1]).toString(), "every", "1h", "source", "quirky"))
          .put("/api/admin/feeds/" + feed[0])
          .then()
          .statusCode(201)
          .body("origin", equalTo("api"))
          .body("updatedBy", equalTo("ops"));
    }

    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> fromFeeds().size() >= QuirkyFeedSite.ARTICLES.size());
    List<RawArticle> articles = fromFeeds();
    assertThat(articles)
        .extracting(a -> java.net.URI.create(a.getUrl()).getPath() + " via " + a.getFeedId())
        .as("not published: /private/ (robots.txt), missing.html (404), a-1 again (its guid)")
        .containsExactlyInAnyOrder(
            "/articles/a1.html via quirky-rss",
            "/articles/a2.html via quirky-rss",
            "/articles/r1.html via quirky-rdf",
            "/articles/t1.html via quirky-atom");
    RawArticle a1 =
        articles.stream().filter(a -> a.getUrl().endsWith("a1.html")).findFirst().orElseThrow();
    assertThat(a1.getEntryId()).isEqualTo("a-1");
    assertThat(a1.getSourceId()).isEqualTo("quirky");
    assertThat(a1.getCharset()).isEqualTo("utf-8");
    assertThat(a1.getFetchedAt()).isNotNull();
    assertThat(a1.getIngestedAt()).isAfterOrEqualTo(a1.getFetchedAt());
    assertThat(a1.getFeedEntry().getTitle()).as("CDATA kept as text").contains("Troops &");
    assertThat(a1.getFeedEntry().getPublishedAt())
        .isEqualTo(java.time.Instant.parse("2026-11-29T10:00:00Z"));
    RawArticle a2 =
        articles.stream().filter(a -> a.getUrl().endsWith("a2.html")).findFirst().orElseThrow();
    assertThat(a2.getFeedEntry().getPublishedAt()).as("the feed gave no date").isNull();
    RawArticle r1 =
        articles.stream().filter(a -> a.getUrl().endsWith("r1.html")).findFirst().orElseThrow();
    assertThat(r1.getCharset())
        .as("declared only in the page: the clean stage detects it")
        .isNull();

    given()
        .header("Authorization", "Bearer " + LocalKafkaResource.ADMIN_KEY)
        .get("/api/admin/feeds")
        .then()
        .statusCode(200)
        .body("feeds.id", hasItem("quirky-rss"))
        .body("feeds.find { it.id == 'quirky-rss' }.status.lastPoll.published", equalTo(2))
        .body("feeds.find { it.id == 'quirky-rss' }.status.lastPoll.disallowed", equalTo(1))
        .body("feeds.find { it.id == 'quirky-rss' }.every", equalTo("1h"));

    // Polled again at once: every entry is known, nothing is published twice.
    given()
        .header("Authorization", "Bearer " + LocalKafkaResource.ADMIN_KEY)
        .post("/api/admin/feeds/quirky-rss/poll")
        .then()
        .statusCode(202);
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                given()
                        .header("Authorization", "Bearer " + LocalKafkaResource.ADMIN_KEY)
                        .get("/api/admin/feeds/quirky-rss")
                        .jsonPath()
                        .getInt("status.lastPoll.alreadySeen")
                    >= 3);
    assertThat(fromFeeds()).hasSize(4);

    String metrics = given().get("/metrics").then().extract().asString();
    assertThat(metrics)
        .contains("newsmon_ingest_articles_total{via=\"feed\"} 4.0")
        .contains(
            "newsmon_ingest_feed_entries_total{feed=\"quirky-rss\",outcome=\"disallowed\"} 1.0");
  }

  @Test
  void brokenFeedsAreReportedCountedAndRetriedWhileOthersGoOn() {
    for (String[] feed :
        List.of(
            new String[] {"html-page", "/html-as-feed.xml"},
            new String[] {"broken-xml", "/broken.xml"},
            new String[] {"server-error", "/error.xml"},
            new String[] {"not-found", "/nowhere.xml"})) {
      given()
          .header("Authorization", "Bearer " + LocalKafkaResource.ADMIN_KEY)
          .contentType("application/json")
          .body(Map.of("url", site.url(feed[1]).toString(), "every", "30s"))
          .put("/api/admin/feeds/" + feed[0])
          .then()
          .statusCode(201);
    }
    await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () ->
                List.of("html-page", "broken-xml", "server-error", "not-found").stream()
                    .allMatch(
                        id ->
                            given()
                                    .header(
                                        "Authorization", "Bearer " + LocalKafkaResource.ADMIN_KEY)
                                    .get("/api/admin/feeds/" + id)
                                    .jsonPath()
                                    .getInt("status.failuresInARow")
                                >= 1));
    JsonPath htmlPage =
        given()
            .header("Authorization", "Bearer " + LocalKafkaResource.ADMIN_KEY)
            .get("/api/admin/feeds/html-page")
            .jsonPath();
    assertThat(htmlPage.getString("status.lastPoll.problem")).containsIgnoringCase("html");
    assertThat(htmlPage.getString("status.nextPollAt")).as("retried later").isNotNull();
    assertThat(given().get("/metrics").then().extract().asString())
        .contains("newsmon_ingest_feed_polls_total{feed=\"server-error\",outcome=\"failed\"}");

    for (String id : List.of("html-page", "broken-xml", "server-error", "not-found")) {
      given()
          .header("Authorization", "Bearer " + LocalKafkaResource.ADMIN_KEY)
          .delete("/api/admin/feeds/" + id)
          .then()
          .statusCode(204);
    }
    given()
        .header("Authorization", "Bearer " + LocalKafkaResource.ADMIN_KEY)
        .get("/api/admin/feeds/html-page")
        .then()
        .statusCode(404);
  }

  @Test
  void theAdminApiValidatesAndNeedsAnAdminKey() {
    given()
        .header("Authorization", "Bearer " + LocalKafkaResource.API_KEY)
        .get("/api/admin/feeds")
        .then()
        .statusCode(403);
    given()
        .header("Authorization", "Bearer " + LocalKafkaResource.ADMIN_KEY)
        .contentType("application/json")
        .body(Map.of("url", "ftp://x.example/feed", "every", "1s", "colour", "red"))
        .put("/api/admin/feeds/bad")
        .then()
        .statusCode(400)
        .body("problems", hasItem("feed: unknown field 'colour' (id, url, every, source)"))
        .body("problems", hasItem("feed bad: url must be an absolute http or https URL"));
    given()
        .header("Authorization", "Bearer " + LocalKafkaResource.ADMIN_KEY)
        .delete("/api/admin/feeds/never-added")
        .then()
        .statusCode(404);
  }

  private static List<RawArticle> fromFeeds() {
    return newsRaw.records().stream()
        .map(ConsumerRecord::value)
        .filter(a -> a.getFeedId() != null && a.getFeedId().startsWith("quirky"))
        .toList();
  }
}
