package io.newsmon.kafka;

import io.newsmon.common.KafkaConnection;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * Who one local KRaft node is and how durably its cluster replicates: node id, ports, the
 * controller quorum it votes in, the cluster id its storage is formatted with, and the replication
 * settings every broker of the cluster shares.
 *
 * @param nodeId this node's id, a member of {@code quorumVoters}
 * @param brokerPort the client port on 127.0.0.1: PLAINTEXT, SASL_PLAINTEXT with {@code sasl}, or
 *     SASL_SSL with {@code sasl} and {@code tls}
 * @param controllerPort the controller (Raft) port on 127.0.0.1; must be this node's port in {@code
 *     quorumVoters}
 * @param quorumVoters {@code id@host:port,...}: every controller of the cluster
 * @param clusterId the id storage is formatted with, shared by every node; null for a fresh random
 *     one (a single node is its own cluster)
 * @param replicationFactor replicas of every topic, internal ones included; at most the voters
 * @param minInsyncReplicas replicas that must have a record before {@code acks=all} is answered
 * @param sasl null: the client port is PLAINTEXT; else it admits this user alone (brokers talk to
 *     each other as that user too): with the PLAIN mechanism over SASL_PLAINTEXT, or with {@code
 *     tls}, with SCRAM-SHA-512 over SASL_SSL as newsmon's Kubernetes deployment does
 * @param tls null, or the stores of a SASL_SSL client port (only with {@code sasl}); written at
 *     start by {@link LocalKafka}
 */
public record BrokerSettings(
    int nodeId,
    int brokerPort,
    int controllerPort,
    String quorumVoters,
    String clusterId,
    int replicationFactor,
    int minInsyncReplicas,
    SaslUser sasl,
    TlsStores tls) {

  /**
   * A user and password the broker admits over SASL: with PLAIN over a plaintext port (which sends
   * the password in clear), or with SCRAM-SHA-512 over TLS. For tests that show clients connect
   * with credentials and fail without.
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

    /** The client's {@code sasl.jaas.config} for this user, with PLAIN. */
    public String jaasConfig() {
      return PLAIN_LOGIN + " required username=\"" + username + "\" password=\"" + password + "\";";
    }

    /**
     * The {@code sasl.jaas.config} of this user with SCRAM: what Strimzi's KafkaUser secret holds
     * and newsmon's pods read as {@code NEWSMON_SASL_JAAS_CONFIG}.
     */
    public String scramJaasConfig() {
      return SCRAM_LOGIN + " required username=\"" + username + "\" password=\"" + password + "\";";
    }

    /** The SCRAM credential {@code kafka-storage format --add-scram} writes for this user. */
    String scramCredential() {
      return SCRAM_MECHANISM + "=[name=" + username + ",password=" + password + "]";
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
  private static final String SCRAM_LOGIN =
      "org.apache.kafka.common.security.scram.ScramLoginModule";

  /** The SASL mechanism of a TLS client port: the one newsmon's Strimzi users authenticate with. */
  public static final String SCRAM_MECHANISM = "SCRAM-SHA-512";

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
    if (tls != null && sasl == null) {
      throw new IllegalArgumentException("a TLS client port needs a SASL user");
    }
  }

  /** A node that is its whole cluster: one replica of everything. */
  public static BrokerSettings singleNode(int brokerPort, int controllerPort) {
    return new BrokerSettings(
        1, brokerPort, controllerPort, voter(1, controllerPort), null, 1, 1, null, null);
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
        Objects.requireNonNull(user, "user"),
        null);
  }

  /**
   * These settings with a client port that admits only {@code user}, with SCRAM-SHA-512 over TLS
   * (SASL_SSL) whose broker certificate is in {@code stores}: the shape of newsmon's Kubernetes
   * deployment, where Strimzi's listener does the same.
   */
  public BrokerSettings withSaslScramOverTls(SaslUser user, TlsStores stores) {
    return new BrokerSettings(
        nodeId,
        brokerPort,
        controllerPort,
        quorumVoters,
        clusterId,
        replicationFactor,
        minInsyncReplicas,
        Objects.requireNonNull(user, "user"),
        Objects.requireNonNull(stores, "stores"));
  }

  /** How a client connects to this node: its client port, as {@link #sasl} user if any. */
  public KafkaConnection connection() {
    if (sasl == null) {
      return KafkaConnection.of(bootstrapServer());
    }
    if (tls == null) {
      return new KafkaConnection(bootstrapServer(), sasl.clientSecurity());
    }
    return new KafkaConnection(
        bootstrapServer(),
        Map.of(
            "security.protocol",
            "SASL_SSL",
            "sasl.mechanism",
            SCRAM_MECHANISM,
            "sasl.jaas.config",
            sasl.scramJaasConfig(),
            "ssl.truststore.location",
            tls.truststore().toAbsolutePath().toString(),
            "ssl.truststore.type",
            TlsStores.TYPE,
            "ssl.truststore.password",
            tls.password()));
  }

  /** The client port's security protocol, which also names its listener. */
  String clientProtocol() {
    return sasl == null ? "PLAINTEXT" : tls == null ? "SASL_PLAINTEXT" : "SASL_SSL";
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
    String client = clientProtocol();
    p.put(
        "listeners",
        client + "://" + HOST + ":" + brokerPort + ",CONTROLLER://" + HOST + ":" + controllerPort);
    p.put("advertised.listeners", client + "://" + bootstrapServer());
    p.put("controller.listener.names", "CONTROLLER");
    p.put("inter.broker.listener.name", client);
    p.put("listener.security.protocol.map", client + ":" + client + ",CONTROLLER:PLAINTEXT");
    if (sasl != null && tls == null) {
      p.put("sasl.enabled.mechanisms", "PLAIN");
      p.put("sasl.mechanism.inter.broker.protocol", "PLAIN");
      p.put("listener.name.sasl_plaintext.plain.sasl.jaas.config", sasl.brokerJaasConfig());
    }
    if (tls != null) {
      // SCRAM users are records of the cluster metadata, written when storage is formatted; the
      // JAAS configuration is only the broker's own login to other brokers.
      p.put("sasl.enabled.mechanisms", SCRAM_MECHANISM);
      p.put("sasl.mechanism.inter.broker.protocol", SCRAM_MECHANISM);
      p.put("listener.name.sasl_ssl.scram-sha-512.sasl.jaas.config", sasl.scramJaasConfig());
      String keystore = tls.keystore().toAbsolutePath().toString();
      String truststore = tls.truststore().toAbsolutePath().toString();
      p.put("listener.name.sasl_ssl.ssl.keystore.location", keystore);
      p.put("listener.name.sasl_ssl.ssl.keystore.type", TlsStores.TYPE);
      p.put("listener.name.sasl_ssl.ssl.keystore.password", tls.password());
      p.put("listener.name.sasl_ssl.ssl.key.password", tls.password());
      // The broker is a client of its own listener between brokers: it trusts the same CA.
      p.put("listener.name.sasl_ssl.ssl.truststore.location", truststore);
      p.put("listener.name.sasl_ssl.ssl.truststore.type", TlsStores.TYPE);
      p.put("listener.name.sasl_ssl.ssl.truststore.password", tls.password());
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
