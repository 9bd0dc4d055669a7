package io.newsmon.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsmon.avro.DedupMethod;
import io.newsmon.common.testing.Promtool;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end over launched services: the packaged broker, pipeline, alert and ingest services run
 * as their own processes, exactly as {@code ./newsmon demo} runs them.
 */
class DemoIT {

  @TempDir Path work;

  @Test
  void seedPairYieldsOneVerifiedAlertAndOneSuppressedDuplicate() throws Exception {
    NewsmonHome home = new NewsmonHome(Path.of(System.getProperty("newsmon.home")));
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(log, true, StandardCharsets.UTF_8);

    Map<String, String> metrics = new HashMap<>();
    Map<String, String> health = new HashMap<>();
    Demo.Result result =
        Demo.run(
            home,
            work,
            Demo.seedFiles(home),
            out,
            endpoints -> {
              for (Map.Entry<String, URI> e : endpoints.metricsUrls().entrySet()) {
                metrics.put(e.getKey(), scrapeOnceDelivered(e.getKey(), e.getValue()));
              }
              health.put("ready", get(endpoints.pipelineHealth().resolve("/health/ready")));
              health.put("live", get(endpoints.pipelineHealth().resolve("/health/live")));
            });
    int exit = Demo.report(result, out);

    assertThat(exit).as(log.toString(StandardCharsets.UTF_8)).isZero();
    assertThat(result.summary())
        .isEqualTo("published 2, clean 2, unique 1, duplicates 1, flagged 1, delivered 1");

    WebhookReceiver.Call alert = result.deliveries().get(0);
    assertThat(alert.verified()).as(alert.verifyError()).isTrue();
    JsonNode body = new ObjectMapper().readTree(alert.body());
    assertThat(body.at("/data/topic/id").asText()).isEqualTo("border-tensions");
    assertThat(body.at("/data/article/title").asText())
        .isEqualTo("Ukraine Border Service Says No Sign of Russian Troops");
    assertThat(alert.header("webhook-id")).isEqualTo(body.at("/data/alertId").asText());

    assertThat(result.duplicateRecords())
        .singleElement()
        .satisfies(
            copy -> {
              assertThat(copy.getDecision().getMethod()).isEqualTo(DedupMethod.NEAR_DUPLICATE);
              assertThat(copy.getDecision().getDuplicateOf())
                  .isEqualTo(body.at("/data/article/id").asText());
            });
    assertThat(log.toString(StandardCharsets.UTF_8)).contains("demo OK");

    // The pipeline's health: streams running, Kafka answering, no catalog topic missing.
    assertThat(health.get("ready"))
        .contains("\"status\":\"UP\"")
        .contains("\"streams\":\"RUNNING\"")
        .contains("\"kafka\":{\"reachable\":true,\"missingTopics\":[]}");
    assertThat(health.get("live")).contains("\"status\":\"UP\"");

    // Every service's /metrics tells the same story, and passes Prometheus' own lint.
    assertThat(metrics.get(Stack.INGEST))
        .contains("newsmon_ingest_articles_total{via=\"api\"} 2.0");
    assertThat(metrics.get(Stack.PIPELINE))
        .contains("newsmon_stage_records_in_total{stage=\"clean\"} 2.0")
        .contains("newsmon_dedup_decisions_total{method=\"near_duplicate\"} 1.0")
        .contains("newsmon_flags_total{topic=\"border-tensions\"} 1.0")
        .contains("newsmon_ingest_to_flagged_seconds_count 1")
        .contains("kafka_consumer_fetch_manager_records_lag_max");
    assertThat(metrics.get(Stack.ALERTS))
        .contains("newsmon_alerts_deliveries_total{outcome=\"delivered\"} 1.0")
        .contains("newsmon_ingest_to_delivered_seconds_count 1");
    for (Map.Entry<String, String> scrape : metrics.entrySet()) {
      Promtool.assertMetricsPass(scrape.getValue());
    }
    // deploy/'s rules and dashboard name only metrics the services serve.
    String all = String.join("\n", metrics.values());
    assertThat(DeployAssetsTest.metricNames())
        .isNotEmpty()
        // The demo polls no feeds, so per-feed series do not exist; IngestServiceIT has them.
        .filteredOn(name -> !name.startsWith("newsmon_ingest_feed_"))
        .allSatisfy(name -> assertThat(all).as(name).containsPattern("(?m)^" + name + "[_{ ]"));
  }

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private static String get(URI url) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(url).build(), HttpResponse.BodyHandlers.ofString())
        .body();
  }

  /** The service's scrape, once the alert service has counted the delivery (it may trail). */
  private static String scrapeOnceDelivered(String service, URI url) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    String body;
    do {
      body =
          HTTP.send(HttpRequest.newBuilder(url).build(), HttpResponse.BodyHandlers.ofString())
              .body();
    } while (service.equals(Stack.ALERTS)
        && !body.contains("newsmon_ingest_to_delivered_seconds_count 1")
        && System.nanoTime() < deadline);
    return body;
  }
}
