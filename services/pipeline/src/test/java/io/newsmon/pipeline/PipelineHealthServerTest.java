package io.newsmon.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.newsmon.common.KafkaHealth;
import io.newsmon.common.LocalPorts;
import io.newsmon.common.PrometheusRegistries;
import io.newsmon.common.TopicCatalog;
import io.newsmon.common.TopicProvisioner;
import io.newsmon.pipeline.catalog.TopicCatalogFollower;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.Topology;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The health server listens where {@code health.host} says: loopback by default, every interface in
 * containers, so that Prometheus and the ops page in other containers reach {@code /metrics}. No
 * broker is needed: the streams are created, not started.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PipelineHealthServerTest {

  @TempDir static Path stateDir;

  private String bootstrap;
  private KafkaStreams streams;
  private Admin admin;
  private TopicCatalogFollower follower;
  private KafkaHealth kafkaHealth;
  private HttpServer server;

  @BeforeAll
  void createPipelineParts() throws Exception {
    bootstrap = "127.0.0.1:" + LocalPorts.free(); // nothing listens there
    Topology topology = new Topology();
    topology.addSource("raw-source", TopicCatalog.NEWS_RAW.name());
    streams = new KafkaStreams(topology, config(Map.of()).streamsProperties());
    admin = Admin.create(Map.of("bootstrap.servers", bootstrap));
    follower =
        new TopicCatalogFollower(
            bootstrap, StarterTopics.monitor(), new TopicProvisioner(admin, (short) 1));
    kafkaHealth = new KafkaHealth(bootstrap, TopicCatalog.ALL, Clock.systemUTC());
  }

  @AfterEach
  void stopServer() {
    if (server != null) {
      server.stop(0);
    }
  }

  @AfterAll
  void close() throws Exception {
    kafkaHealth.close();
    follower.close();
    admin.close(Duration.ofSeconds(5));
    streams.close(Duration.ofSeconds(5));
  }

  private PipelineConfig config(Map<String, String> env) {
    Map<String, String> all = new java.util.HashMap<>(env);
    all.put("NEWSMON_BOOTSTRAP_SERVERS", bootstrap);
    all.put("NEWSMON_STATE_DIR", stateDir.toString());
    all.put("NEWSMON_HEALTH_PORT", "0");
    return PipelineConfig.from(all, new Properties());
  }

  private InetSocketAddress start(PipelineConfig config) throws Exception {
    server =
        PipelineMain.startHealth(
            config.healthAddress().orElseThrow(),
            streams,
            StarterTopics.monitor(),
            follower,
            PrometheusRegistries.create(),
            kafkaHealth);
    return server.getAddress();
  }

  @Test
  void byDefaultItListensOnLoopbackOnly() throws Exception {
    InetSocketAddress bound = start(config(Map.of()));

    assertThat(bound.getAddress()).isEqualTo(InetAddress.getByName("127.0.0.1"));
    assertThat(PipelineMain.healthUrl(bound))
        .isEqualTo("http://127.0.0.1:" + bound.getPort() + "/health");
    assertThat(status(bound, "/health/live")).isEqualTo(200);
  }

  @Test
  void onEveryInterfaceWhenHealthHostIsTheWildcard() throws Exception {
    InetSocketAddress bound = start(config(Map.of("NEWSMON_HEALTH_HOST", "0.0.0.0")));

    assertThat(bound.getAddress().isAnyLocalAddress()).isTrue();
    // The ready file's URL still works from this machine.
    assertThat(PipelineMain.healthUrl(bound))
        .isEqualTo("http://127.0.0.1:" + bound.getPort() + "/health");
    assertThat(status(bound, "/health/live")).isEqualTo(200);
    assertThat(status(bound, "/metrics")).isEqualTo(200);
  }

  @Test
  void onANamedHostItsAddress() throws Exception {
    InetSocketAddress bound = start(config(Map.of("NEWSMON_HEALTH_HOST", "localhost")));

    assertThat(bound.getAddress().isLoopbackAddress()).isTrue();
    assertThat(bound.getAddress().isAnyLocalAddress()).isFalse();
    assertThat(PipelineMain.healthUrl(bound)).endsWith(":" + bound.getPort() + "/health");
    assertThat(status(bound, "/health/live")).isEqualTo(200);
  }

  private static int status(InetSocketAddress bound, String path) throws Exception {
    URI url = URI.create(PipelineMain.healthUrl(bound).replaceFirst("/health$", path));
    try (HttpClient http = HttpClient.newHttpClient()) {
      return http.send(HttpRequest.newBuilder(url).build(), HttpResponse.BodyHandlers.discarding())
          .statusCode();
    }
  }
}
