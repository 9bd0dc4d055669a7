package io.newsmon.kafka;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * The command line of {@link LocalKafkaMain}, parsed and validated; {@link #toArgs()} writes it
 * back, which is how {@link LocalKafkaCluster} launches its nodes.
 *
 * @param dataDir the node's data directory, or with {@code brokers > 1} the cluster's root
 * @param port client port, 0 for a free one
 * @param readyFile where to announce readiness, or null
 * @param nodeId this node's id
 * @param controllerPort controller port, 0 for this node's port in {@code quorumVoters} or, alone,
 *     a free one
 * @param quorumVoters every controller as {@code id@host:port,...}, or null for this node alone
 * @param clusterId the id to format storage with, or null for a random one
 * @param replicationFactor replicas per topic, 0 for the default (1 alone, else up to 3)
 * @param minInsyncReplicas acks=all threshold, 0 for the default (one less than the replicas, at
 *     least 1)
 * @param brokers how many broker processes to run; above 1 this process supervises a cluster
 * @param parentPid a process whose end stops this one too (so a killed test leaves no broker
 *     behind), or empty
 */
public record LocalKafkaOptions(
    Path dataDir,
    int port,
    Path readyFile,
    int nodeId,
    int controllerPort,
    String quorumVoters,
    String clusterId,
    int replicationFactor,
    int minInsyncReplicas,
    int brokers,
    OptionalLong parentPid) {

  public static final String USAGE =
      "usage: LocalKafkaMain --data-dir DIR [--port N] [--ready-file FILE] [--brokers N]"
          + " [--node-id N] [--controller-port N] [--quorum-voters ID@HOST:PORT,...]"
          + " [--cluster-id ID] [--replication-factor N] [--min-insync-replicas N]"
          + " [--parent-pid PID]";

  public LocalKafkaOptions {
    if (dataDir == null) {
      throw new IllegalArgumentException("--data-dir is required");
    }
    if (brokers < 1) {
      throw new IllegalArgumentException("--brokers must be >= 1");
    }
    if (brokers > 1 && (port != 0 || quorumVoters != null || controllerPort != 0)) {
      throw new IllegalArgumentException(
          "--brokers picks every node's ports itself: no --port, --controller-port or"
              + " --quorum-voters with it");
    }
    if (port < 0 || controllerPort < 0 || replicationFactor < 0 || minInsyncReplicas < 0) {
      throw new IllegalArgumentException("ports and replication settings must not be negative");
    }
    parentPid = parentPid == null ? OptionalLong.empty() : parentPid;
  }

  /** Options for a plain single node, as {@code ./newsmon up} starts it. */
  public static LocalKafkaOptions singleNode(Path dataDir, int port, Path readyFile) {
    return new LocalKafkaOptions(
        dataDir, port, readyFile, 1, 0, null, null, 0, 0, 1, OptionalLong.empty());
  }

  public static LocalKafkaOptions parse(String... args) {
    Path dataDir = null;
    Path readyFile = null;
    int port = 0;
    int nodeId = 1;
    int controllerPort = 0;
    String voters = null;
    String clusterId = null;
    int rf = 0;
    int minIsr = 0;
    int brokers = 1;
    OptionalLong parent = OptionalLong.empty();
    for (int i = 0; i < args.length; i++) {
      String name = args[i];
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException(name + " needs a value; " + USAGE);
      }
      String value = args[++i];
      switch (name) {
        case "--data-dir" -> dataDir = Path.of(value);
        case "--port" -> port = number(name, value);
        case "--ready-file" -> readyFile = Path.of(value);
        case "--node-id" -> nodeId = number(name, value);
        case "--controller-port" -> controllerPort = number(name, value);
        case "--quorum-voters" -> voters = value;
        case "--cluster-id" -> clusterId = value;
        case "--replication-factor" -> rf = number(name, value);
        case "--min-insync-replicas" -> minIsr = number(name, value);
        case "--brokers" -> brokers = number(name, value);
        case "--parent-pid" -> parent = OptionalLong.of(Long.parseLong(value));
        default -> throw new IllegalArgumentException("unknown argument " + name + "; " + USAGE);
      }
    }
    return new LocalKafkaOptions(
        dataDir,
        port,
        readyFile,
        nodeId,
        controllerPort,
        voters,
        clusterId,
        rf,
        minIsr,
        brokers,
        parent);
  }

  /** This command line again, as {@link #parse} reads it. */
  public List<String> toArgs() {
    List<String> args = new ArrayList<>(List.of("--data-dir", dataDir.toString()));
    if (port != 0) {
      args.addAll(List.of("--port", Integer.toString(port)));
    }
    if (readyFile != null) {
      args.addAll(List.of("--ready-file", readyFile.toString()));
    }
    if (nodeId != 1) {
      args.addAll(List.of("--node-id", Integer.toString(nodeId)));
    }
    if (controllerPort != 0) {
      args.addAll(List.of("--controller-port", Integer.toString(controllerPort)));
    }
    if (quorumVoters != null) {
      args.addAll(List.of("--quorum-voters", quorumVoters));
    }
    if (clusterId != null) {
      args.addAll(List.of("--cluster-id", clusterId));
    }
    if (replicationFactor != 0) {
      args.addAll(List.of("--replication-factor", Integer.toString(replicationFactor)));
    }
    if (minInsyncReplicas != 0) {
      args.addAll(List.of("--min-insync-replicas", Integer.toString(minInsyncReplicas)));
    }
    if (brokers != 1) {
      args.addAll(List.of("--brokers", Integer.toString(brokers)));
    }
    parentPid.ifPresent(pid -> args.addAll(List.of("--parent-pid", Long.toString(pid))));
    return args;
  }

  /** Replicas per topic for a cluster of {@code nodes}: as asked, else up to 3. */
  public int replicationFactorFor(int nodes) {
    return replicationFactor != 0 ? replicationFactor : Math.min(nodes, 3);
  }

  /** The acks=all threshold for a cluster of {@code nodes}: as asked, else one less than RF. */
  public int minInsyncReplicasFor(int nodes) {
    return minInsyncReplicas != 0
        ? minInsyncReplicas
        : Math.max(1, replicationFactorFor(nodes) - 1);
  }

  /**
   * This single node's settings; {@code freePort} picks the ports left at 0 (client port, and the
   * controller port of a node alone).
   */
  public BrokerSettings nodeSettings(java.util.function.IntSupplier freePort) {
    int brokerPort = port != 0 ? port : freePort.getAsInt();
    int ctrlPort = controllerPort;
    String voters = quorumVoters;
    if (voters == null) {
      ctrlPort = ctrlPort != 0 ? ctrlPort : freePort.getAsInt();
      voters = BrokerSettings.voter(nodeId, ctrlPort);
    } else if (ctrlPort == 0) {
      ctrlPort = controllerPortIn(voters, nodeId);
    }
    int nodes = voters.split(",").length;
    return new BrokerSettings(
        nodeId,
        brokerPort,
        ctrlPort,
        voters,
        clusterId,
        replicationFactorFor(nodes),
        minInsyncReplicasFor(nodes),
        null,
        null);
  }

  private static int controllerPortIn(String voters, int nodeId) {
    for (String voter : voters.split(",")) {
      if (voter.startsWith(nodeId + "@")) {
        return Integer.parseInt(voter.substring(voter.lastIndexOf(':') + 1));
      }
    }
    throw new IllegalArgumentException(
        "node " + nodeId + " is not among --quorum-voters " + voters);
  }

  private static int number(String name, String value) {
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " takes a number, not " + value, e);
    }
  }
}
