package io.newsmon.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsmon.avro.RawArticle;
import io.newsmon.common.ApiKeys;
import io.newsmon.common.LocalPorts;
import io.newsmon.kafka.LocalKafka;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged ingest service, launched as its own process with a feeds file, stopped, and launched
 * again after the site published one more article: every article reaches news.raw exactly once.
 */
class IngestRestartIT {

  private static final String ADMIN_KEY = "restart-admin-key";
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @TempDir Path dir;
  private LocalKafka kafka;
  private QuirkyFeedSite site;
  private NewsRawReader newsRaw;
  private Process service;
  private int port;

  @BeforeEach
  void start() throws IOException {
    kafka = LocalKafka.start(dir.resolve("kafka"));
    site = new QuirkyFeedSite();
    newsRaw = new NewsRawReader(kafka.bootstrapServers());
  }

  @AfterEach
  void stop() throws InterruptedException {
    stopService();
    newsRaw.close();
    site.close();
    kafka.close();
  }

  @Test
  void aRestartedServicePublishesOnlyWhatIsNew() throws Exception {
    Path feeds = dir.resolve("feeds.yaml");
    Files.writeString(
        feeds,
        """
        feeds:
          - id: quirky-rss
            url: %s
            every: 30s
          - id: quirky-rdf
            url: %s
          - id: quirky-atom
            url: %s
        """
            .formatted(site.url("/rss2.xml"), site.url("/rdf.xml"), site.url("/old-atom")));

    startService(feeds, 1);
    await()
        .atMost(Duration.ofSeconds(90))
        .until(() -> byPath().size() == QuirkyFeedSite.ARTICLES.size());
    stopService();

    site.publishMore();
    startService(feeds, 2);
    await()
        .atMost(Duration.ofSeconds(90))
        .until(() -> byPath().containsKey(QuirkyFeedSite.LATER_ARTICLE));
    // Every feed polled by the new process: whatever it would publish twice is on news.raw now.
    await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () -> {
              JsonNode list = admin("/api/admin/feeds");
              return list.path("feeds").size() == 3
                  && java.util.stream.StreamSupport.stream(list.path("feeds").spliterator(), false)
                      .allMatch(f -> f.path("status").hasNonNull("lastPolledAt"));
            });

    Map<String, Long> published = byPath();
    assertThat(published.keySet())
        .containsExactlyInAnyOrder(
            "/articles/a1.html",
            "/articles/a2.html",
            "/articles/r1.html",
            "/articles/t1.html",
            QuirkyFeedSite.LATER_ARTICLE);
    assertThat(published.values()).as("each article once, across the restart").containsOnly(1L);
    JsonNode rss = admin("/api/admin/feeds/quirky-rss");
    assertThat(rss.path("origin").asText()).isEqualTo("file");
    List<String> lines = Files.readAllLines(Path.of("target/ingest-restart-run-2.log"));
    assertThat(lines)
        .as("after start the second run logs JSON lines")
        .anySatisfy(
            line -> {
              assertThat(line).startsWith("{");
              assertThat(new ObjectMapper().readTree(line).path("message").asText())
                  .isEqualTo("polling 3 feeds");
            });
    assertThat(rss.path("status").path("lastPoll").path("alreadySeen").asInt())
        .as("a-1, a-2, the robots-disallowed and the 404 entry: remembered across the restart")
        .isGreaterThanOrEqualTo(4);
  }

  private Map<String, Long> byPath() {
    return newsRaw.records().stream()
        .map(ConsumerRecord::value)
        .filter(a -> a.getFeedId() != null)
        .map(RawArticle::getUrl)
        .map(url -> URI.create(url).getPath())
        .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
  }

  private void startService(Path feeds, int run) throws IOException {
    port = LocalPorts.free();
    Path jar = Path.of("target/quarkus-app/quarkus-run.jar").toAbsolutePath();
    assertThat(jar).exists();
    ProcessBuilder builder =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx192m",
                "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1",
                "-jar",
                jar.toString())
            .redirectErrorStream(true)
            .redirectOutput(Path.of("target/ingest-restart-run-" + run + ".log").toFile());
    Map<String, String> env = builder.environment();
    env.put("NEWSMON_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
    env.put("QUARKUS_HTTP_PORT", Integer.toString(port));
    env.put("QUARKUS_HTTP_HOST", "127.0.0.1");
    env.put("NEWSMON_INGEST_FEEDS_FILE", feeds.toString());
    env.put("NEWSMON_INGEST_FEEDS_HOST_DELAY", "0s");
    env.put("NEWSMON_INGEST_ADMIN_KEYS", "ops:" + ApiKeys.hash(ADMIN_KEY));
    if (run == 2) {
      env.put("NEWSMON_LOG_FORMAT", "json"); // the second run logs JSON lines
    }
    service = builder.start();
    await()
        .atMost(Duration.ofSeconds(90))
        .until(() -> service.isAlive() && status("/q/health/ready") == 200 || !service.isAlive());
    assertThat(service.isAlive()).as("see target/ingest-restart-run-%d.log", run).isTrue();
  }

  private void stopService() throws InterruptedException {
    if (service != null && service.isAlive()) {
      service.destroy(); // SIGTERM: a graceful Quarkus shutdown
      if (!service.waitFor(30, TimeUnit.SECONDS)) {
        service.destroyForcibly().waitFor();
      }
    }
  }

  private int status(String path) {
    try {
      return HTTP.send(
              HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                  .timeout(Duration.ofSeconds(2))
                  .build(),
              HttpResponse.BodyHandlers.discarding())
          .statusCode();
    } catch (IOException e) {
      return -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }

  private JsonNode admin(String path) throws IOException, InterruptedException {
    HttpResponse<String> response =
        HTTP.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + ADMIN_KEY)
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
    return new ObjectMapper().readTree(response.body());
  }
}
