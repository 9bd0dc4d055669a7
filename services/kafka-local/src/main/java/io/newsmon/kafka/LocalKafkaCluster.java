package io.newsmon.kafka;

import io.newsmon.common.LocalPorts;
import io.newsmon.common.TopicCatalog;
import io.newsmon.common.TopicProvisioner;
import io.newsmon.common.TopicSpec;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.Uuid;

/**
 * A local KRaft cluster of N brokers, each its own JVM process on 127.0.0.1, so tests and {@code
 * ./newsmon} can kill (SIGKILL), stop and restart single brokers and prove a fault loses nothing.
 *
 * <p>Every node is broker and controller (node ids 1..N, one quorum of all N), formatted with the
 * same cluster id and keeping its own data directory under the root. Ports are chosen once, when
 * the cluster starts, and kept across restarts, so a restarted broker returns at the address
 * clients and its peers know. With 3 nodes every topic, internal ones included, has 3 replicas and
 * {@code min.insync.replicas=2}: a record acknowledged to an {@code acks=all} producer is on at
 * least two brokers, and one broker may be lost without losing or refusing writes.
 *
 * <p>Note that with combined roles the controller quorum also needs a majority: with 2 of 3 nodes
 * gone, nothing can change leaders or ISRs until one returns.
 */
public final class LocalKafkaCluster implements AutoCloseable {

  /** Time for the JVMs to start and the quorum to form, on a busy two-core machine. */
  public static final Duration START_TIMEOUT = Duration.ofSeconds(120);

  /** Time for a restarted broker to catch up and rejoin every ISR. */
  public static final Duration CATCH_UP_TIMEOUT = Duration.ofSeconds(60);

  private static final Duration STOP_GRACE = Duration.ofSeconds(30);
  private static final String CLUSTER_FILE = "cluster.properties";

  private final Path root;
  private final List<BrokerProcess> nodes;
  private final List<String> addresses;
  private final int replicationFactor;
  private Admin admin;
  private boolean closed;

  private LocalKafkaCluster(
      Path root, List<BrokerProcess> nodes, List<String> addresses, int replicationFactor) {
    this.root = root;
    this.nodes = nodes;
    this.addresses = addresses;
    this.replicationFactor = replicationFactor;
  }

  /**
   * Starts {@code brokers} brokers under {@code root} with up to 3 replicas per topic and {@code
   * min.insync.replicas} one less (1 for a single replica), creates the missing catalog topics, and
   * returns once every partition has all its replicas in sync.
   */
  public static LocalKafkaCluster start(Path root, int brokers) throws InterruptedException {
    int rf = Math.min(brokers, 3);
    return start(root, brokers, rf, Math.max(1, rf - 1));
  }

  /** As {@link #start(Path, int)} with the replication settings given. */
  public static LocalKafkaCluster start(
      Path root, int brokers, int replicationFactor, int minInsyncReplicas)
      throws InterruptedException {
    if (brokers < 1) {
      throw new IllegalArgumentException("a cluster needs at least one broker");
    }
    try {
      Files.createDirectories(root);
      String clusterId = clusterId(root);
      List<Integer> ports = distinctFreePorts(2 * brokers);
      List<String> voters = new ArrayList<>();
      for (int node = 1; node <= brokers; node++) {
        voters.add(BrokerSettings.voter(node, ports.get(brokers + node - 1)));
      }
      List<BrokerProcess> nodes = new ArrayList<>();
      List<String> addresses = new ArrayList<>();
      long self = ProcessHandle.current().pid();
      for (int node = 1; node <= brokers; node++) {
        int brokerPort = ports.get(node - 1);
        LocalKafkaOptions options =
            new LocalKafkaOptions(
                root.resolve("node-" + node),
                brokerPort,
                root.resolve("node-" + node + ".ready"),
                node,
                ports.get(brokers + node - 1),
                String.join(",", voters),
                clusterId,
                replicationFactor,
                minInsyncReplicas,
                1,
                OptionalLong.of(self));
        // Fail here, not in a child process, on settings no node could start with.
        options.nodeSettings(() -> brokerPort);
        nodes.add(new BrokerProcess(node, options, root.resolve("node-" + node + ".log")));
        addresses.add(BrokerSettings.HOST + ":" + brokerPort);
      }
      LocalKafkaCluster cluster = new LocalKafkaCluster(root, nodes, addresses, replicationFactor);
      try {
        // All at once: no node finishes starting before a majority of the quorum is up.
        nodes.forEach(BrokerProcess::start);
        for (BrokerProcess node : nodes) {
          node.awaitReady(START_TIMEOUT);
        }
        cluster.ensureTopics(TopicCatalog.ALL);
        cluster.awaitFullIsr(START_TIMEOUT);
        return cluster;
      } catch (RuntimeException | InterruptedException e) {
        cluster.close();
        throw e;
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start a local Kafka cluster in " + root, e);
    }
  }

  /** Every broker's address, comma-separated: what clients bootstrap from. */
  public String bootstrapServers() {
    return String.join(",", addresses);
  }

  /** The address of broker {@code node} (1..size), the same across its restarts. */
  public String address(int node) {
    return addresses.get(index(node));
  }

  public int size() {
    return nodes.size();
  }

  public Path root() {
    return root;
  }

  /** The operating-system process id of broker {@code node}'s current (or last) JVM. */
  public long pid(int node) {
    return nodes.get(index(node)).pid();
  }

  public boolean isRunning(int node) {
    return nodes.get(index(node)).alive();
  }

  /** The cluster's admin client, owned by the cluster (do not close it). */
  public synchronized Admin admin() {
    if (closed) {
      throw new IllegalStateException("cluster closed");
    }
    // Created once the brokers serve, so it does not log refused connections while they start.
    if (admin == null) {
      admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()));
    }
    return admin;
  }

  /** Creates these topics, with the cluster's replication factor, unless they exist. */
  public void ensureTopics(List<TopicSpec> topics) throws InterruptedException {
    new TopicProvisioner(admin(), (short) replicationFactor).ensure(topics);
  }

  /** SIGKILL to broker {@code node}: no controlled shutdown, as in a crash or a power cut. */
  public void kill(int node) throws InterruptedException {
    nodes.get(index(node)).kill();
  }

  /** Stops broker {@code node} gracefully: leaderships handed over and ISRs left first. */
  public void stop(int node) throws InterruptedException {
    nodes.get(index(node)).stop(STOP_GRACE);
  }

  /**
   * Starts broker {@code node} again (stopping it gracefully first if it runs) on its address and
   * data, and waits until it is registered; when every broker runs, also until every partition has
   * all its replicas in sync again.
   */
  public void restart(int node) throws InterruptedException {
    BrokerProcess broker = nodes.get(index(node));
    broker.stop(STOP_GRACE);
    broker.start();
    broker.awaitReady(START_TIMEOUT);
    if (nodes.stream().allMatch(BrokerProcess::alive)) {
      awaitFullIsr(CATCH_UP_TIMEOUT);
    }
  }

  /** Waits until every partition of every topic has a leader and all its replicas in sync. */
  public void awaitFullIsr(Duration timeout) throws InterruptedException {
    awaitPartitions(
        p -> p.leader() != null && p.isr().size() == p.replicas().size(),
        "all replicas in sync",
        timeout);
  }

  /**
   * Waits until broker {@code node} is in no partition's ISR: the controller has fenced it (after a
   * kill) or it has left them (after a stop), and the remaining replicas lead.
   */
  public void awaitOutOfIsr(int node, Duration timeout) throws InterruptedException {
    int id = nodes.get(index(node)).nodeId();
    awaitPartitions(
        p -> p.isr().stream().noneMatch(n -> n.id() == id) && p.leader() != null,
        "node " + node + " out of every ISR",
        timeout);
  }

  /** How many partitions (of all topics, internal ones included) each broker leads. */
  public Map<Integer, Long> leaderships() throws InterruptedException {
    return describeAll().stream()
        .flatMap(t -> t.partitions().stream())
        .filter(p -> p.leader() != null)
        .collect(Collectors.groupingBy(p -> p.leader().id(), TreeMap::new, Collectors.counting()));
  }

  /** The broker leading the most partitions: the one whose loss moves the most leaderships. */
  public int leaderOfMostPartitions() throws InterruptedException {
    return leaderships().entrySet().stream()
        .max(Map.Entry.comparingByValue())
        .map(Map.Entry::getKey)
        .orElseThrow(() -> new IllegalStateException("no partition has a leader"));
  }

  /** Stops every broker gracefully, all at once; kills those that do not stop in time. */
  @Override
  public synchronized void close() throws InterruptedException {
    if (closed) {
      return;
    }
    closed = true;
    if (admin != null) {
      admin.close(Duration.ofSeconds(2));
    }
    nodes.forEach(BrokerProcess::signalStop);
    for (BrokerProcess node : nodes) {
      node.stop(STOP_GRACE);
    }
  }

  private void awaitPartitions(
      Predicate<TopicPartitionInfo> condition, String what, Duration timeout)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    String lastMiss = "nothing described yet";
    while (System.nanoTime() < deadline) {
      try {
        List<String> missing = new ArrayList<>();
        for (TopicDescription topic : describeAll()) {
          for (TopicPartitionInfo p : topic.partitions()) {
            if (!condition.test(p)) {
              missing.add(topic.name() + "-" + p.partition() + " " + p);
            }
          }
        }
        if (missing.isEmpty()) {
          return;
        }
        lastMiss = missing.size() + " partitions, first " + missing.get(0);
      } catch (IllegalStateException e) {
        lastMiss = e.getMessage(); // brokers coming and going: ask again
      }
      Thread.sleep(200);
    }
    throw new IllegalStateException(
        "not " + what + " within " + timeout.toSeconds() + " s: " + lastMiss);
  }

  private Collection<TopicDescription> describeAll() throws InterruptedException {
    try {
      Admin admin = admin();
      Set<String> names =
          admin
              .listTopics(new ListTopicsOptions().listInternal(true).timeoutMs(5_000))
              .names()
              .get(10, TimeUnit.SECONDS);
      return admin.describeTopics(names).allTopicNames().get(10, TimeUnit.SECONDS).values();
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("cannot describe topics: " + e.getMessage(), e);
    }
  }

  private int index(int node) {
    if (node < 1 || node > nodes.size()) {
      throw new IllegalArgumentException("no broker " + node + " in 1.." + nodes.size());
    }
    return node - 1;
  }

  /** The cluster id of this root: kept, since every node's storage is formatted with it. */
  private static String clusterId(Path root) throws IOException {
    Path file = root.resolve(CLUSTER_FILE);
    Properties props = new Properties();
    if (Files.exists(file)) {
      try (InputStream in = Files.newInputStream(file)) {
        props.load(in);
      }
      return props.getProperty("cluster.id");
    }
    props.setProperty("cluster.id", Uuid.randomUuid().toString());
    try (OutputStream out = Files.newOutputStream(file)) {
      props.store(out, "newsmon local Kafka cluster: every node is formatted with this id");
    }
    return props.getProperty("cluster.id");
  }

  private static List<Integer> distinctFreePorts(int count) throws IOException {
    Set<Integer> ports = new HashSet<>();
    List<Integer> ordered = new ArrayList<>();
    while (ordered.size() < count) {
      int port = LocalPorts.free();
      if (ports.add(port)) {
        ordered.add(port);
      }
    }
    return ordered;
  }

  @Override
  public String toString() {
    return "LocalKafkaCluster[" + bootstrapServers() + ", " + root + "]";
  }
}
