package io.newsmon.kafka;

import io.newsmon.common.LocalPorts;
import io.newsmon.common.TopicCatalog;
import io.newsmon.common.TopicProvisioner;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;

/**
 * A running single-node KRaft broker. Start with {@link #start(Path, int)}; {@link #close()} shuts
 * it down cleanly and keeps its data, so starting again on the same directory resumes it.
 */
public final class LocalKafka implements AutoCloseable {

  private static final String HOST = "127.0.0.1";

  private final KafkaRaftServer server;
  private final Path dataDir;
  private final String bootstrapServers;
  private volatile boolean closed;

  private LocalKafka(KafkaRaftServer server, Path dataDir, String bootstrapServers) {
    this.server = server;
    this.dataDir = dataDir;
    this.bootstrapServers = bootstrapServers;
  }

  /** Starts a broker on a free port with the whole topic catalog. */
  public static LocalKafka start(Path dataDir) {
    return start(dataDir, 0);
  }

  /**
   * Starts a broker storing its data in {@code dataDir}, listening on {@code port} (0 = any free
   * port), and creates every catalog topic that is missing.
   */
  public static LocalKafka start(Path dataDir, int port) {
    try {
      Files.createDirectories(dataDir);
      int brokerPort = port == 0 ? LocalPorts.free() : port;
      int controllerPort = LocalPorts.free();
      Properties props = serverProperties(dataDir, brokerPort, controllerPort);
      Path config = dataDir.resolve("server.properties");
      try (OutputStream out = Files.newOutputStream(config)) {
        props.store(out, "written by newsmon LocalKafka; regenerated at every start");
      }
      formatOnce(dataDir, config);
      KafkaRaftServer server =
          new KafkaRaftServer(KafkaConfig.fromProps(props, false), Time.SYSTEM);
      server.startup();
      LocalKafka kafka = new LocalKafka(server, dataDir, HOST + ":" + brokerPort);
      try {
        kafka.provisionCatalog();
      } catch (RuntimeException | InterruptedException e) {
        kafka.close();
        if (e instanceof InterruptedException) {
          Thread.currentThread().interrupt();
        }
        throw new IllegalStateException("broker started but topics could not be created", e);
      }
      return kafka;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start local Kafka in " + dataDir, e);
    }
  }

  public String bootstrapServers() {
    return bootstrapServers;
  }

  public Path dataDir() {
    return dataDir;
  }

  /** A new admin client for this broker; the caller closes it. */
  public Admin admin() {
    return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
  }

  /** Creates these topics unless they exist (for example the streams of catalog topics). */
  public void ensureTopics(java.util.List<io.newsmon.common.TopicSpec> topics)
      throws InterruptedException {
    try (Admin admin = admin()) {
      new TopicProvisioner(admin, (short) 1).ensure(topics);
    }
  }

  private void provisionCatalog() throws InterruptedException {
    ensureTopics(TopicCatalog.ALL);
  }

  @Override
  public synchronized void close() {
    if (!closed) {
      closed = true;
      server.shutdown();
      server.awaitShutdown();
    }
  }

  static Properties serverProperties(Path dataDir, int brokerPort, int controllerPort) {
    Properties p = new Properties();
    p.put("process.roles", "broker,controller");
    p.put("node.id", "1");
    p.put("controller.quorum.voters", "1@" + HOST + ":" + controllerPort);
    p.put(
        "listeners",
        "PLAINTEXT://" + HOST + ":" + brokerPort + ",CONTROLLER://" + HOST + ":" + controllerPort);
    p.put("advertised.listeners", "PLAINTEXT://" + HOST + ":" + brokerPort);
    p.put("controller.listener.names", "CONTROLLER");
    p.put("inter.broker.listener.name", "PLAINTEXT");
    p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
    p.put("log.dirs", dataDir.resolve("logs").toAbsolutePath().toString());
    // Topics come from the catalog only: a typo in a topic name must fail, not create a topic.
    p.put("auto.create.topics.enable", "false");
    // One node: every internal topic has one replica. Few partitions keep start-up fast.
    p.put("offsets.topic.replication.factor", "1");
    p.put("offsets.topic.num.partitions", "3");
    p.put("transaction.state.log.replication.factor", "1");
    p.put("transaction.state.log.min.isr", "1");
    p.put("transaction.state.log.num.partitions", "3");
    p.put("share.coordinator.state.topic.replication.factor", "1");
    p.put("share.coordinator.state.topic.min.isr", "1");
    p.put("group.initial.rebalance.delay.ms", "0");
    // Two cores: a handful of threads is plenty for local volumes.
    p.put("num.network.threads", "2");
    p.put("num.io.threads", "2");
    p.put("background.threads", "2");
    p.put("log.cleaner.threads", "1");
    return p;
  }

  private static void formatOnce(Path dataDir, Path config) {
    if (Files.exists(dataDir.resolve("logs").resolve("meta.properties"))) {
      return;
    }
    ByteArrayOutputStream output = new ByteArrayOutputStream();
    int exit;
    try (PrintStream out = new PrintStream(output, true, StandardCharsets.UTF_8)) {
      exit =
          StorageTool.execute(
              new String[] {
                "format",
                "--cluster-id",
                Uuid.randomUuid().toString(),
                "--config",
                config.toString(),
                "--ignore-formatted"
              },
              out);
    }
    if (exit != 0) {
      throw new IllegalStateException(
          "kafka storage format failed (exit "
              + exit
              + "): "
              + output.toString(StandardCharsets.UTF_8));
    }
  }

  @Override
  public String toString() {
    return "LocalKafka[" + bootstrapServers + ", " + dataDir + "]";
  }
}
