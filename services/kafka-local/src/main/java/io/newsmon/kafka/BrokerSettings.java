package io.newsmon.kafka;

import java.nio.file.Path;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * Who one local KRaft node is and how durably its cluster replicates: node id, ports, the
 * controller quorum it votes in, the cluster id its storage is formatted with, and the replication
 * settings every broker of the cluster shares.
 *
 * @param nodeId this node's id, a member of {@code quorumVoters}
 * @param brokerPort the client (PLAINTEXT) port on 127.0.0.1
 * @param controllerPort the controller (Raft) port on 127.0.0.1; must be this node's port in {@code
 *     quorumVoters}
 * @param quorumVoters {@code id@host:port,...}: every controller of the cluster
 * @param clusterId the id storage is formatted with, shared by every node; null for a fresh random
 *     one (a single node is its own cluster)
 * @param replicationFactor replicas of every topic, internal ones included; at most the voters
 * @param minInsyncReplicas replicas that must have a record before {@code acks=all} is answered
 */
public record BrokerSettings(
    int nodeId,
    int brokerPort,
    int controllerPort,
    String quorumVoters,
    String clusterId,
    int replicationFactor,
    int minInsyncReplicas) {

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
    return new BrokerSettings(1, brokerPort, controllerPort, voter(1, controllerPort), null, 1, 1);
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
    p.put(
        "listeners",
        "PLAINTEXT://" + HOST + ":" + brokerPort + ",CONTROLLER://" + HOST + ":" + controllerPort);
    p.put("advertised.listeners", "PLAINTEXT://" + bootstrapServer());
    p.put("controller.listener.names", "CONTROLLER");
    p.put("inter.broker.listener.name", "PLAINTEXT");
    p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
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
