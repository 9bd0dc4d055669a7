package io.newsmon.kafka;

import io.newsmon.common.LocalPorts;
import io.newsmon.common.ReadyFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * Runs {@link LocalKafka} as its own process for {@code ./newsmon up}, the demo and {@link
 * LocalKafkaCluster}; see {@link LocalKafkaOptions#USAGE} and docs/configuration.md.
 *
 * <p>Once the broker serves (and, alone, the catalog topics exist) it writes {@code
 * bootstrap.servers=host:port} to the ready file (atomically), which is how the launcher learns the
 * port it picked. With {@code --brokers N} (N > 1) it instead starts and supervises a cluster of N
 * broker processes under the data directory and announces all of them. SIGTERM shuts down cleanly.
 */
public final class LocalKafkaMain {

  private LocalKafkaMain() {}

  public static void main(String[] args) throws Exception {
    LocalKafkaOptions options;
    try {
      options = LocalKafkaOptions.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.err.println(LocalKafkaOptions.USAGE);
      System.exit(2);
      return;
    }
    // A broker outliving the test or cluster that started it would hold ports and CPU for nothing.
    options
        .parentPid()
        .ifPresent(
            pid ->
                ProcessHandle.of(pid)
                    .ifPresentOrElse(
                        parent -> parent.onExit().thenRun(() -> System.exit(0)),
                        () -> System.exit(0)));
    AutoCloseable running;
    Map<String, String> ready = new LinkedHashMap<>();
    String description;
    if (options.brokers() > 1) {
      LocalKafkaCluster cluster =
          LocalKafkaCluster.start(
              options.dataDir(),
              options.brokers(),
              options.replicationFactorFor(options.brokers()),
              options.minInsyncReplicasFor(options.brokers()));
      running = cluster;
      ready.put("bootstrap.servers", cluster.bootstrapServers());
      ready.put("brokers", Integer.toString(cluster.size()));
      for (int node = 1; node <= cluster.size(); node++) {
        ready.put("node." + node + ".address", cluster.address(node));
        ready.put("node." + node + ".pid", Long.toString(cluster.pid(node)));
      }
      description = cluster.toString();
    } else {
      LocalKafka kafka = LocalKafka.start(options.dataDir(), options.nodeSettings(freePorts()));
      running = kafka;
      ready.put("bootstrap.servers", kafka.bootstrapServers());
      description = kafka.toString();
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  try {
                    running.close();
                  } catch (Exception e) {
                    System.err.println("local Kafka did not shut down cleanly: " + e);
                  }
                  stopped.countDown();
                },
                "local-kafka-shutdown"));
    if (options.readyFile() != null) {
      ReadyFile.write(options.readyFile(), ready);
    }
    System.out.println("newsmon local Kafka ready: " + description);
    stopped.await();
  }

  private static java.util.function.IntSupplier freePorts() {
    return () -> {
      try {
        return LocalPorts.free();
      } catch (IOException e) {
        throw new UncheckedIOException("no free port on 127.0.0.1", e);
      }
    };
  }
}
