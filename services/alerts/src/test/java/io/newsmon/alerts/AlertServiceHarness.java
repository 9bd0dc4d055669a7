package io.newsmon.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import io.newsmon.avro.SpikeState;
import io.newsmon.avro.TopicSpike;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.Serializer;

/**
 * What the alert service's Quarkus integration tests stand around the service: a real webhook
 * receiver on a free loopback port, producers to the broker of {@link LocalKafkaResource}, and the
 * spike record they publish, and a reader of the live stream. It exists so that {@code
 * AlertServiceIT}, {@code AlertInputPoisonIT} and {@code SecuredKafkaAlertScenario} share one copy
 * of that set-up and tear-down and keep only what they test; open one per test and close it after,
 * so no webhook call leaks from one test into the next.
 */
final class AlertServiceHarness implements AutoCloseable {

  /** One received webhook call. */
  record Call(Map<String, List<String>> headers, String body) {}

  private final HttpServer receiver;

  private AlertServiceHarness(HttpServer receiver) {
    this.receiver = receiver;
  }

  /** Starts the webhook receiver, with no paths yet. */
  static AlertServiceHarness start() throws IOException {
    HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    receiver.start();
    return new AlertServiceHarness(receiver);
  }

  /** The receiver's URL for {@code path}, as a subscription's webhook URL. */
  String url(String path) {
    return "http://127.0.0.1:" + receiver.getAddress().getPort() + path;
  }

  /** Answers every call to {@code path} with 204 and returns the calls, in arrival order. */
  List<Call> record(String path) {
    List<Call> calls = new CopyOnWriteArrayList<>();
    handle(
        path,
        exchange -> {
          calls.add(
              new Call(
                  exchange.getRequestHeaders(),
                  new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
          exchange.sendResponseHeaders(204, -1);
          exchange.close();
        });
    return calls;
  }

  /** Serves {@code path} with a handler of the test's own. */
  void handle(String path, HttpHandler handler) {
    receiver.createContext(path, handler);
  }

  /** A producer to the test broker; the caller closes it. */
  static <K, V> KafkaProducer<K, V> producer(Serializer<K> keys, Serializer<V> values) {
    return new KafkaProducer<>(
        Map.<String, Object>of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, LocalKafkaResource.bootstrapServers),
        keys,
        values);
  }

  /** Something a test publishes, which may throw. */
  interface Publishing {
    void publish() throws Exception;
  }

  /**
   * The first event of the live stream of {@code topics} (comma-separated), opened with the API
   * key, as JSON. The stream starts at the newest article, whenever it opened, so {@code
   * publishing} runs every two seconds until an event arrives.
   */
  static JsonNode firstLiveEvent(String topics, Publishing publishing) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(
                URI.create(
                    "http://127.0.0.1:"
                        + io.restassured.RestAssured.port
                        + "/api/v1/stream?topics="
                        + topics))
            .header("Authorization", "Bearer " + LocalKafkaResource.API_KEY)
            .header("Accept", "text/event-stream")
            .build();
    HttpResponse<Stream<String>> response =
        HttpClient.newHttpClient()
            .sendAsync(request, HttpResponse.BodyHandlers.ofLines())
            .get(30, TimeUnit.SECONDS);
    assertThat(response.statusCode()).isEqualTo(200);
    CompletableFuture<String> first =
        CompletableFuture.supplyAsync(
            () ->
                response.body().filter(line -> line.startsWith("data:")).findFirst().orElseThrow());
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofSeconds(2))
        .until(
            () -> {
              publishing.publish();
              return first.isDone();
            });
    response.body().close();
    return new ObjectMapper().readTree(first.get().substring("data:".length()));
  }

  /** A spike of {@code topicId} that started: 42 articles in an hour against 7 usually. */
  static TopicSpike spikeStarted(String topicId) {
    return TopicSpike.newBuilder()
        .setTopicId(topicId)
        .setState(SpikeState.STARTED)
        .setWindowStart(Instant.parse("2026-11-30T10:00:00Z"))
        .setWindowEnd(Instant.parse("2026-11-30T11:00:00Z"))
        .setArticles(42)
        .setUsualPerHour(7)
        .setRatio(6)
        .setBaselineHours(168)
        .setSummary(topicId + ": 42 articles in the last hour, 6× the usual 7.0 per hour")
        .build();
  }

  @Override
  public void close() {
    receiver.stop(0);
  }
}
