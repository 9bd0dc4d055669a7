package io.newsmon.kafka;

import io.newsmon.common.KafkaConnection;
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
import java.security.Provider;
import java.security.Security;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.security.plain.internals.PlainSaslServerProvider;
import org.apache.kafka.common.security.scram.internals.ScramSaslServerProvider;
import org.apache.kafka.common.utils.Time;

/**
 * A running single-node KRaft broker. Start with {@link #start(Path, int)}; {@link #close()} shuts
 * it down cleanly and keeps its data, so starting again on the same directory resumes it.
 */
public final class LocalKafka implements AutoCloseable {

  /** The name Kafka's SASL/PLAIN server provider registers under. */
  private static final String PLAIN_SASL_SERVER = "Simple SASL/PLAIN Server Provider";

  /** The name Kafka's SASL/SCRAM server provider registers under. */
  private static final String SCRAM_SASL_SERVER = "SASL/SCRAM Server Provider";

  private final KafkaRaftServer server;
  private final Path dataDir;
  private final KafkaConnection connection;
  private final short replicationFactor;
  private volatile boolean closed;

  private LocalKafka(
      KafkaRaftServer server, Path dataDir, KafkaConnection connection, int replicationFactor) {
    this.server = server;
    this.dataDir = dataDir;
    this.connection = connection;
    this.replicationFactor = (short) replicationFactor;
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
    return start(dataDir, singleNode(port));
  }

  /** A whole-cluster node on {@code port} (0 = any free port), its controller on a free one. */
  private static BrokerSettings singleNode(int port) {
    try {
      int brokerPort = port == 0 ? LocalPorts.free() : port;
      return BrokerSettings.singleNode(brokerPort, LocalPorts.free());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot pick ports for local Kafka", e);
    }
  }

  /**
   * Starts a broker on free ports, with the whole topic catalog, whose client port admits only
   * {@code user} over SASL/PLAIN: for tests that clients connect with the credentials they are
   * given, and fail without.
   */
  public static LocalKafka startWithSaslPlain(Path dataDir, BrokerSettings.SaslUser user) {
    return start(dataDir, singleNode(0).withSaslPlain(user));
  }

  /**
   * Starts a broker on free ports, with the whole topic catalog, whose client port is SASL_SSL and
   * admits only {@code user}, with SCRAM-SHA-512: the shape of newsmon's Kubernetes deployment
   * (Strimzi). A new CA and broker certificate are made in {@code dataDir}/tls at every start;
   * {@link #connection()} carries the truststore a client needs, with its password.
   */
  public static LocalKafka startWithSaslScramOverTls(Path dataDir, BrokerSettings.SaslUser user) {
    return start(
        dataDir,
        singleNode(0)
            .withSaslScramOverTls(user, TlsStores.withRandomPassword(dataDir.resolve("tls"))));
  }

  /**
   * Starts one node as {@code settings} describe, formatting {@code dataDir} on first use. A node
   * that is its whole cluster creates the missing catalog topics; a member of a larger cluster
   * leaves that to {@link LocalKafkaCluster}, since topics of replication factor N need all N
   * brokers registered. Returns once the broker is registered and unfenced.
   */
  public static LocalKafka start(Path dataDir, BrokerSettings settings) {
    try {
      Files.createDirectories(dataDir);
      Properties props = settings.serverProperties(dataDir);
      Path config = dataDir.resolve("server.properties");
      try (OutputStream out = Files.newOutputStream(config)) {
        props.store(out, "written by newsmon LocalKafka; regenerated at every start");
      }
      if (settings.tls() != null) {
        settings.tls().create();
      }
      formatOnce(dataDir, config, settings);
      if (settings.sasl() != null) {
        claimSaslServers();
      }
      KafkaRaftServer server =
          new KafkaRaftServer(KafkaConfig.fromProps(props, false), Time.SYSTEM);
      server.startup();
      LocalKafka kafka =
          new LocalKafka(server, dataDir, settings.connection(), settings.replicationFactor());
      if (settings.alone()) {
        try {
          kafka.provisionCatalog();
        } catch (RuntimeException | InterruptedException e) {
          kafka.close();
          if (e instanceof InterruptedException) {
            Thread.currentThread().interrupt();
          }
          throw new IllegalStateException("broker started but topics could not be created", e);
        }
      }
      return kafka;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start local Kafka in " + dataDir, e);
    }
  }

  /**
   * Kafka registers its SASL/PLAIN and SASL/SCRAM servers JVM-wide, once, from whichever class
   * loader gets there first. Tests run brokers from more than one (a Quarkus test's, the
   * application's); a broker handed the server of another loader refuses every login, since the
   * server's callbacks are not its handler's classes. So each SASL broker makes the registered
   * servers its own loader's (brokers of one JVM run one after the other in tests).
   */
  private static synchronized void claimSaslServers() {
    Provider plain = Security.getProvider(PLAIN_SASL_SERVER);
    if (plain != null && plain.getClass() != PlainSaslServerProvider.class) {
      Security.removeProvider(PLAIN_SASL_SERVER);
    }
    PlainSaslServerProvider.initialize();
    Provider scram = Security.getProvider(SCRAM_SASL_SERVER);
    if (scram != null && scram.getClass() != ScramSaslServerProvider.class) {
      Security.removeProvider(SCRAM_SASL_SERVER);
    }
    ScramSaslServerProvider.initialize();
  }

  public String bootstrapServers() {
    return connection.bootstrapServers();
  }

  /** How a client connects: the broker's address, and its SASL user's credentials if it has one. */
  public KafkaConnection connection() {
    return connection;
  }

  /**
   * The {@code NEWSMON_*} variables that give a newsmon process this broker's connection security
   * ({@code security.protocol} is {@code NEWSMON_SECURITY_PROTOCOL}, {@code sasl.jaas.config} is
   * {@code NEWSMON_SASL_JAAS_CONFIG}): the inverse of {@link io.newsmon.common.Env#toConfig}, so a
   * test configures a service the way a deployment does. Empty for a PLAINTEXT broker.
   */
  public Map<String, String> newsmonSecurityVariables() {
    Map<String, String> env = new java.util.TreeMap<>();
    connection
        .security()
        .forEach(
            (setting, value) ->
                env.put(
                    io.newsmon.common.Env.PREFIX
                        + setting.toUpperCase(java.util.Locale.ROOT).replace('.', '_'),
                    value));
    return env;
  }

  public Path dataDir() {
    return dataDir;
  }

  /** A new admin client for this broker (with its credentials, if any); the caller closes it. */
  public Admin admin() {
    return Admin.create(connection.clientConfig(Map.of()));
  }

  /** Creates these topics unless they exist (for example the streams of catalog topics). */
  public void ensureTopics(java.util.List<io.newsmon.common.TopicSpec> topics)
      throws InterruptedException {
    try (Admin admin = admin()) {
      new TopicProvisioner(admin, replicationFactor).ensure(topics);
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

  private static void formatOnce(Path dataDir, Path config, BrokerSettings settings) {
    if (Files.exists(dataDir.resolve("logs").resolve("meta.properties"))) {
      return;
    }
    String clusterId = settings.clusterId();
    List<String> args =
        new ArrayList<>(
            List.of(
                "format",
                "--cluster-id",
                clusterId == null ? Uuid.randomUuid().toString() : clusterId,
                "--config",
                config.toString(),
                "--ignore-formatted"));
    if (settings.tls() != null) {
      // SCRAM users live in the cluster metadata: formatting writes the first one, as
      // kafka-storage format --add-scram does, so the broker admits it (and itself) from the start.
      args.add("--add-scram");
      args.add(settings.sasl().scramCredential());
    }
    ByteArrayOutputStream output = new ByteArrayOutputStream();
    int exit;
    try (PrintStream out = new PrintStream(output, true, StandardCharsets.UTF_8)) {
      exit = StorageTool.execute(args.toArray(String[]::new), out);
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
    return "LocalKafka[" + connection.bootstrapServers() + ", " + dataDir + "]";
  }
}
