package io.newsmon.pipeline;

import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.newsmon.common.KafkaConnection;
import io.newsmon.common.KafkaHealth;
import io.newsmon.common.PrometheusRegistries;
import io.newsmon.common.ReadyFile;
import io.newsmon.common.TopicCatalog;
import io.newsmon.common.TopicProvisioner;
import io.newsmon.pipeline.catalog.TopicCatalogFollower;
import io.newsmon.pipeline.catalog.TopicCatalogSeeder;
import io.newsmon.topics.TopicCatalogFile;
import io.newsmon.topics.match.TopicMonitor;
import io.newsmon.topics.places.Gazetteer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.Topology;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the pipeline: provisions missing catalog topics, starts Kafka Streams, serves {@code GET
 * /health} and {@code GET /metrics} (Prometheus), and closes cleanly on SIGTERM.
 *
 * <p>Arguments: {@code [--config FILE] [--ready-file FILE] [--describe-config]}. The ready file
 * receives {@code health.url=...} once the streams are RUNNING, for launchers and tests.
 */
public final class PipelineMain {

  private static final Logger LOG = LoggerFactory.getLogger(PipelineMain.class);

  private PipelineMain() {}

  public static void main(String[] args) throws Exception {
    Properties file = new Properties();
    Path readyFile = null;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--config" -> {
          try (InputStream in = Files.newInputStream(Path.of(args[++i]))) {
            file.load(in);
          }
        }
        case "--ready-file" -> readyFile = Path.of(args[++i]);
        case "--describe-config" -> {
          System.out.println(PipelineConfig.DEFINITION.toRst());
          return;
        }
        default -> {
          System.err.println(
              "unknown argument "
                  + args[i]
                  + "; usage: PipelineMain [--config FILE] [--ready-file FILE] [--describe-config]");
          System.exit(2);
        }
      }
    }
    PipelineConfig config = PipelineConfig.from(System.getenv(), file);
    Properties streamsProps = config.streamsProperties();

    // The pipeline's own clients connect as Kafka Streams does (TLS, SASL).
    KafkaConnection kafka = config.kafkaConnection();
    Admin admin = Admin.create(kafka.clientConfig(Map.of()));
    TopicProvisioner provisioner =
        new TopicProvisioner(admin, config.getShort(PipelineConfig.REPLICATION_FACTOR));
    provisioner.ensure(TopicCatalog.ALL);

    TopicMonitor topics = new TopicMonitor(Gazetteer.shipped());
    TopicCatalogFollower follower = new TopicCatalogFollower(kafka, topics, provisioner).start();
    if (!follower.awaitCaughtUp(Duration.ofSeconds(60))) {
      throw new IllegalStateException("could not read news.topic-definitions within 60 s");
    }
    if (topics.topics().isEmpty() && follower.refused().isEmpty()) {
      String catalog = config.getString(PipelineConfig.TOPIC_CATALOG);
      int seeded = TopicCatalogSeeder.publish(kafka, TopicCatalogFile.load(catalog));
      LOG.info("news.topic-definitions was empty: published {} topics from {}", seeded, catalog);
      await(() -> topics.topics().size() >= seeded, Duration.ofSeconds(30));
    }
    LOG.info("flagging with {} topics", topics.topics().size());

    PrometheusMeterRegistry registry = PrometheusRegistries.create();
    Topology topology =
        PipelineTopology.build(
            new PipelineTopology.Settings(
                config.getDouble(PipelineConfig.DEDUP_THRESHOLD),
                java.time.Duration.ofMillis(config.getLong(PipelineConfig.DEDUP_RETENTION)),
                topics,
                new PipelineMetrics(registry, java.time.Clock.systemUTC()),
                config.spikeRule()));
    LOG.info("topology:\n{}", topology.describe());

    KafkaStreams streams = new KafkaStreams(topology, streamsProps);
    StreamThreadFailures threadFailures = StreamThreadFailures.withDefaults();
    streams.setUncaughtExceptionHandler(threadFailures);
    FunctionCounter.builder(
            "newsmon.pipeline.stream.threads.replaced",
            threadFailures,
            StreamThreadFailures::replaced)
        .description("Stream threads replaced after an exception escaped them")
        .register(registry);
    // Kafka Streams' own metrics (consumer lag, process rates, commit latency, ...).
    KafkaStreamsMetrics streamsMetrics = new KafkaStreamsMetrics(streams);
    streamsMetrics.bindTo(registry);
    Gauge.builder(
            "newsmon.pipeline.streams.running",
            streams,
            s ->
                s.state() == KafkaStreams.State.RUNNING
                        || s.state() == KafkaStreams.State.REBALANCING
                    ? 1
                    : 0)
        .description("1 while Kafka Streams is RUNNING or REBALANCING")
        .register(registry);
    CountDownLatch running = new CountDownLatch(1);
    CountDownLatch stopped = new CountDownLatch(1);
    streams.setStateListener(
        (now, before) -> {
          LOG.info("pipeline state {} -> {}", before, now);
          if (now == KafkaStreams.State.RUNNING) {
            running.countDown();
          }
          if (now == KafkaStreams.State.ERROR || now == KafkaStreams.State.NOT_RUNNING) {
            stopped.countDown();
          }
        });
    KafkaHealth kafkaHealth = new KafkaHealth(kafka, TopicCatalog.ALL, java.time.Clock.systemUTC());
    InetSocketAddress healthAddress = config.healthAddress().orElse(null);
    HttpServer health =
        healthAddress == null
            ? null
            : startHealth(healthAddress, streams, topics, follower, registry, kafkaHealth);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  streams.close(Duration.ofSeconds(30));
                  streamsMetrics.close();
                  kafkaHealth.close();
                  try {
                    follower.close();
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                  }
                  topics.close();
                  admin.close();
                  if (health != null) {
                    health.stop(0);
                  }
                  stopped.countDown();
                },
                "pipeline-shutdown"));
    streams.start();
    running.await();
    if (readyFile != null && health != null) {
      ReadyFile.write(readyFile, java.util.Map.of("health.url", healthUrl(health.getAddress())));
    }
    System.out.println("newsmon pipeline running (" + streamsProps.get("application.id") + ")");
    stopped.await();
    if (streams.state() == KafkaStreams.State.ERROR) {
      System.exit(1);
    }
  }

  private static void respond(com.sun.net.httpserver.HttpExchange exchange, int status, String json)
      throws IOException {
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  private static void await(java.util.function.BooleanSupplier condition, Duration timeout)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(
            "the seeded topic catalog did not arrive within " + timeout);
      }
      Thread.sleep(50); // polling a local condition the follower thread will make true
    }
  }

  /**
   * The {@code /health} URL of a server listening on {@code bound}, as a process on this machine
   * reaches it: a server on every interface answers on the loopback address too.
   */
  static String healthUrl(InetSocketAddress bound) {
    InetAddress address = bound.getAddress();
    String host =
        address.isAnyLocalAddress()
            ? "127.0.0.1"
            : address instanceof Inet6Address
                ? "[" + address.getHostAddress() + "]"
                : address.getHostAddress();
    return "http://" + host + ":" + bound.getPort() + "/health";
  }

  /**
   * Serves {@code /health}, {@code /health/live} and {@code /metrics} on {@code address} (port 0: a
   * free one); package-private for tests.
   */
  static HttpServer startHealth(
      InetSocketAddress address,
      KafkaStreams streams,
      TopicMonitor topics,
      TopicCatalogFollower follower,
      PrometheusMeterRegistry registry,
      KafkaHealth kafka)
      throws IOException {
    HttpServer server = HttpServer.create(address, 0);
    // /health and /health/ready: ready to do the work (streams running, Kafka answering, the
    // catalog's topics present). /health/live: the process is not beyond repair (streams have not
    // failed for good), so an orchestrator restarts it only then.
    com.sun.net.httpserver.HttpHandler ready =
        exchange -> {
          KafkaStreams.State state = streams.state();
          boolean running =
              state == KafkaStreams.State.RUNNING || state == KafkaStreams.State.REBALANCING;
          KafkaHealth.Status kafkaStatus = kafka.status();
          boolean up = running && kafkaStatus.healthy();
          String deadLetters =
              DeadLetterHandlers.counts().entrySet().stream()
                  .map(e -> "\"" + e.getKey() + "\":" + e.getValue())
                  .collect(Collectors.joining(","));
          String body =
              "{\"status\":\""
                  + (up ? "UP" : "DOWN")
                  + "\",\"streams\":\""
                  + state
                  + "\",\"kafka\":{\"reachable\":"
                  + kafkaStatus.reachable()
                  + ",\"missingTopics\":"
                  + kafkaStatus.missingTopics().stream()
                      .map(t -> "\"" + t + "\"")
                      .collect(Collectors.joining(",", "[", "]"))
                  + "},\"deadLetters\":{"
                  + deadLetters
                  + "},\"topics\":{\"running\":"
                  + topics.topics().size()
                  + ",\"refused\":"
                  + follower.refused().size()
                  + ",\"queryErrors\":"
                  + io.newsmon.pipeline.flag.FlagProcessor.queryErrors()
                  + "}}";
          respond(exchange, up ? 200 : 503, body);
        };
    server.createContext("/health", ready);
    server.createContext("/health/ready", ready);
    server.createContext(
        "/health/live",
        exchange -> {
          KafkaStreams.State state = streams.state();
          boolean alive =
              state != KafkaStreams.State.ERROR
                  && state != KafkaStreams.State.PENDING_ERROR
                  && state != KafkaStreams.State.NOT_RUNNING;
          respond(
              exchange,
              alive ? 200 : 503,
              "{\"status\":\"" + (alive ? "UP" : "DOWN") + "\",\"streams\":\"" + state + "\"}");
        });
    server.createContext(
        "/metrics",
        exchange -> {
          byte[] body = registry.scrape().getBytes(StandardCharsets.UTF_8);
          exchange
              .getResponseHeaders()
              .add("Content-Type", "text/plain; version=0.0.4; charset=utf-8");
          exchange.sendResponseHeaders(200, body.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
          }
        });
    server.start();
    return server;
  }
}
