package io.newsmon.kafka;

import io.newsmon.common.KafkaConnection;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * Who one local KRaft node is and how durably its cluster replicates: node id, ports, the
 * controller quorum it votes in, the cluster id its storage is formatted with, and the replication
 * settings every broker of the cluster shares.
 *
 * @param nodeId this node's id, a member of {@code quorumVoters}
 * @param brokerPort the client port on 127.0.0.1 (PLAINTEXT, or SASL_PLAINTEXT with {@code
 *     saslPlain})
 * @param controllerPort the controller (Raft) port on 127.0.0.1; must be this node's port in {@code
 *     quorumVoters}
 * @param quorumVoters {@code id@host:port,...}: every controller of the cluster
 * @param clusterId the id storage is formatted with, shared by every node; null for a fresh random
 *     one (a single node is its own cluster)
 * @param replicationFactor replicas of every topic, internal ones included; at most the voters
 * @param minInsyncReplicas replicas that must have a record before {@code acks=all} is answered
 * @param saslPlain null: the client port is PLAINTEXT; else it is SASL_PLAINTEXT and admits this
 *     user alone, with the PLAIN mechanism (brokers talk to each other as that user too)
 */
public record BrokerSettings(
    int nodeId,
    int brokerPort,
    int controllerPort,
    String quorumVoters,
    String clusterId,
    int replicationFactor,
    int minInsyncReplicas,
    SaslUser saslPlain) {

  /**
   * A user and password the broker admits over SASL/PLAIN. For tests that show clients connect with
   * credentials and fail without: PLAIN over a plaintext port sends the password in clear.
   */
  public record SaslUser(String username, String password) {

    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._-]+");

    public SaslUser {
      // Both are written into a JAAS configuration between double quotes.
      if (username == null || !SAFE.matcher(username).matches()) {
        throw new IllegalArgumentException("username must be letters, digits, . _ or -");
      }
      if (password == null || !SAFE.matcher(password).matches()) {
        throw new IllegalArgumentException("password must be letters, digits, . _ or -");
      }
    }

    /** The client's {@code sasl.jaas.config} for this user. */
    public String jaasConfig() {
      return PLAIN_LOGIN + " required username=\"" + username + "\" password=\"" + password + "\";";
    }

    /** The security settings a client connects as this user with. */
    public Map<String, String> clientSecurity() {
      return Map.of(
          "security.protocol", "SASL_PLAINTEXT",
          "sasl.mechanism", "PLAIN",
          "sasl.jaas.config", jaasConfig());
    }

    /** The broker's login (as this user, to other brokers) and the users it admits. */
    String brokerJaasConfig() {
      return PLAIN_LOGIN
          + " required username=\""
          + username
          + "\" password=\""
          + password
          + "\""
          + " user_"
          + username
          + "=\""
          + password
          + "\";";
    }

    @Override
    public String toString() {
      return "SaslUser[" + username + "]"; // never the password
    }
  }

  private static final String PLAIN_LOGIN =
      "org.apache.kafka.common.security.plain.PlainLoginModule";

  static final String HOST = "127.0.0.1";

  private static final Pattern VOTERS = Pattern.compile("\\d+@[^:,@]+:\\d+(,\\d+@[^:,@]+:\\d+)*");

  public BrokerSettings {
    if (nodeId < 0) {
      throw new IllegalArgumentException("node id must be >= 0: " + nodeId);
    }
    if (brokerPort < 1 || controllerPort < 1) {
      throw new IllegalArgumentException("broker and controller ports must be chosen by now");
    }
    if (quorumVoters == null || !VOTERS.matcher(quorumVoters).matches()) {
      throw new IllegalArgumentException("quorum voters must be id@host:port,...: " + quorumVoters);
    }
    if (!quorumVoters.contains(nodeId + "@" + HOST + ":" + controllerPort)) {
      throw new IllegalArgumentException(
          "node " + nodeId + " on controller port " + controllerPort + " is not a voter");
    }
    if (replicationFactor < 1 || replicationFactor > voterCount(quorumVoters)) {
      throw new IllegalArgumentException(
          "replication factor must be between 1 and the number of nodes: " + replicationFactor);
    }
    if (minInsyncReplicas < 1 || minInsyncReplicas > replicationFactor) {
      throw new IllegalArgumentException(
          "min.insync.replicas must be between 1 and the replication factor: " + minInsyncReplicas);
    }
  }

  /** A node that is its whole cluster: one replica of everything. */
  public static BrokerSettings singleNode(int brokerPort, int controllerPort) {
    return new BrokerSettings(
        1, brokerPort, controllerPort, voter(1, controllerPort), null, 1, 1, null);
  }

  /** These settings with a client port that admits only {@code user}, over SASL/PLAIN. */
  public BrokerSettings withSaslPlain(SaslUser user) {
    return new BrokerSettings(
        nodeId,
        brokerPort,
        controllerPort,
        quorumVoters,
        clusterId,
        replicationFactor,
        minInsyncReplicas,
        java.util.Objects.requireNonNull(user, "user"));
  }

  /** How a client connects to this node: its client port, as {@link #saslPlain} user if any. */
  public KafkaConnection connection() {
    return new KafkaConnection(
        bootstrapServer(), saslPlain == null ? Map.of() : saslPlain.clientSecurity());
  }

  /** One voter entry of {@code controller.quorum.voters}. */
  public static String voter(int nodeId, int controllerPort) {
    return nodeId + "@" + HOST + ":" + controllerPort;
  }

  /** Whether this node is its cluster's only node, so it can create RF-1 topics alone. */
  public boolean alone() {
    return voterCount(quorumVoters) == 1;
  }

  public String bootstrapServer() {
    return HOST + ":" + brokerPort;
  }

  /** The broker configuration of this node, storing its logs under {@code dataDir}. */
  Properties serverProperties(Path dataDir) {
    Properties p = new Properties();
    p.put("process.roles", "broker,controller");
    p.put("node.id", Integer.toString(nodeId));
    p.put("controller.quorum.voters", quorumVoters);
    // The client listener is named after its protocol; the controllers always talk PLAINTEXT.
    String client = saslPlain == null ? "PLAINTEXT" : "SASL_PLAINTEXT";
    p.put(
        "listeners",
        client + "://" + HOST + ":" + brokerPort + ",CONTROLLER://" + HOST + ":" + controllerPort);
    p.put("advertised.listeners", client + "://" + bootstrapServer());
    p.put("controller.listener.names", "CONTROLLER");
    p.put("inter.broker.listener.name", client);
    p.put("listener.security.protocol.map", client + ":" + client + ",CONTROLLER:PLAINTEXT");
    if (saslPlain != null) {
      p.put("sasl.enabled.mechanisms", "PLAIN");
      p.put("sasl.mechanism.inter.broker.protocol", "PLAIN");
      p.put("listener.name.sasl_plaintext.plain.sasl.jaas.config", saslPlain.brokerJaasConfig());
    }
    p.put("log.dirs", dataDir.resolve("logs").toAbsolutePath().toString());
    // Topics come from the catalog only: a typo in a topic name must fail, not create a topic.
    p.put("auto.create.topics.enable", "false");
    String rf = Integer.toString(replicationFactor);
    String minIsr = Integer.toString(minInsyncReplicas);
    // Internal topics replicate like the catalog's, or one lost node would lose consumer offsets
    // or open transactions. Few partitions keep start-up fast.
    p.put("default.replication.factor", rf);
    p.put("min.insync.replicas", minIsr);
    p.put("offsets.topic.replication.factor", rf);
    p.put("offsets.topic.num.partitions", "3");
    p.put("transaction.state.log.replication.factor", rf);
    p.put("transaction.state.log.min.isr", minIsr);
    p.put("transaction.state.log.num.partitions", "3");
    p.put("share.coordinator.state.topic.replication.factor", rf);
    p.put("share.coordinator.state.topic.min.isr", minIsr);
    // A replica that missed writes never becomes leader: that would silently drop acked records.
    p.put("unclean.leader.election.enable", "false");
    p.put("group.initial.rebalance.delay.ms", "0");
    if (!alone()) {
      // A killed node is fenced (dropped from every ISR, its leaderships moved) after the session
      // timeout; the default 9 s would make every local fault a long pause.
      p.put("broker.heartbeat.interval.ms", "500");
      p.put("broker.session.timeout.ms", "3000");
    }
    // Two cores: a handful of threads is plenty for local volumes.
    p.put("num.network.threads", "2");
    p.put("num.io.threads", "2");
    p.put("num.replica.fetchers", "1");
    p.put("background.threads", "2");
    p.put("log.cleaner.threads", "1");
    return p;
  }

  private static int voterCount(String voters) {
    return voters.split(",").length;
  }
}
