package io.newsmon.ingest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.newsmon.avro.RawArticle;
import io.newsmon.common.CompactedTopicView;
import io.newsmon.common.TopicCatalog;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Test;

/**
 * The ingest service against a broker that admits only SASL-authenticated clients, given the
 * credentials once as Quarkus' global {@code kafka.*} settings: its Kafka health check, the feeds
 * and seen-entries tables and the {@code news.raw} producer must all use them for this to pass.
 */
@QuarkusTest
@QuarkusTestResource(value = SaslKafkaResource.class, restrictToAnnotatedClass = true)
class IngestServiceSaslIT {

  @Test
  void everyKafkaClientOfTheServiceAuthenticates() {
    // Ready: Kafka answered the health check with every topic, and the feeds and seen entries are
    // read (the feeds are polled).
    await()
        .atMost(Duration.ofSeconds(90))
        .untilAsserted(() -> given().get("/q/health/ready").then().statusCode(200));

    try (QuirkyFeedSite site = new QuirkyFeedSite();
        NewsRawReader newsRaw = new NewsRawReader(SaslKafkaResource.connection)) {
      // An article over HTTP, and a feed stored in ingest.feeds whose entries are published and
      // remembered in ingest.seen-entries.
      String posted =
          given()
              .header("Authorization", "Bearer " + LocalKafkaResource.API_KEY)
              .contentType("application/json")
              .body(
                  "{\"url\":\"https://mt.example/sasl\",\"title\":\"SASL\",\"text\":\"Over SASL.\"}")
              .post("/api/articles")
              .then()
              .statusCode(202)
              .extract()
              .path("articleId");
      given()
          .header("Authorization", "Bearer " + LocalKafkaResource.ADMIN_KEY)
          .contentType("application/json")
          .body(Map.of("url", site.url("/rdf.xml").toString(), "every", "1h", "source", "quirky"))
          .put("/api/admin/feeds/quirky-rdf")
          .then()
          .statusCode(201);

      List<RawArticle> published =
          await()
              .atMost(Duration.ofSeconds(60))
              .until(
                  () -> newsRaw.records().stream().map(r -> r.value()).toList(),
                  articles ->
                      articles.stream().anyMatch(a -> a.getArticleId().equals(posted))
                          && articles.stream().anyMatch(a -> "quirky-rdf".equals(a.getFeedId())));
      assertThat(published)
          .filteredOn(a -> "quirky-rdf".equals(a.getFeedId()))
          .extracting(a -> java.net.URI.create(a.getUrl()).getPath())
          .containsExactly("/articles/r1.html");
      // Remembered once news.raw acknowledged it, so just after it is there.
      await()
          .atMost(Duration.ofSeconds(60))
          .until(
              () ->
                  keysOf(TopicCatalog.INGEST_SEEN_ENTRIES.name()).stream()
                      .anyMatch(key -> key.startsWith("quirky-rdf/")));
    }
  }

  /** The keys in a compacted topic once everything in it has been read. */
  private static Set<String> keysOf(String topic) throws InterruptedException {
    Set<String> keys = ConcurrentHashMap.newKeySet();
    try (CompactedTopicView<byte[]> view =
        new CompactedTopicView<>(
                SaslKafkaResource.connection,
                topic,
                new ByteArrayDeserializer(),
                (key, value) -> keys.add(key))
            .start()) {
      assertThat(view.awaitCaughtUp(Duration.ofSeconds(30))).as("%s read", topic).isTrue();
    }
    return keys;
  }
}
