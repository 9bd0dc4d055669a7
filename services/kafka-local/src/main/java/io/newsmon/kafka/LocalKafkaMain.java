package io.newsmon.kafka;

import io.newsmon.common.ReadyFile;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * Runs {@link LocalKafka} as its own process for {@code ./newsmon up} and the demo.
 *
 * <p>Usage: {@code LocalKafkaMain --data-dir DIR [--port N] [--ready-file FILE]}. Once the broker
 * serves and the catalog topics exist, it writes {@code bootstrap.servers=host:port} to the ready
 * file (atomically), which is how the launcher learns the port it picked. SIGTERM shuts down
 * cleanly.
 */
public final class LocalKafkaMain {

  private LocalKafkaMain() {}

  public static void main(String[] args) throws Exception {
    Path dataDir = null;
    Path readyFile = null;
    int port = 0;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--data-dir" -> dataDir = Path.of(args[++i]);
        case "--port" -> port = Integer.parseInt(args[++i]);
        case "--ready-file" -> readyFile = Path.of(args[++i]);
        default -> {
          System.err.println(
              "unknown argument "
                  + args[i]
                  + "; usage: LocalKafkaMain --data-dir DIR [--port N] [--ready-file FILE]");
          System.exit(2);
        }
      }
    }
    if (dataDir == null) {
      System.err.println("--data-dir is required");
      System.exit(2);
    }
    LocalKafka kafka = LocalKafka.start(dataDir, port);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  kafka.close();
                  stopped.countDown();
                },
                "local-kafka-shutdown"));
    if (readyFile != null) {
      ReadyFile.write(readyFile, java.util.Map.of("bootstrap.servers", kafka.bootstrapServers()));
    }
    System.out.println(
        "newsmon local Kafka ready at " + kafka.bootstrapServers() + " (data in " + dataDir + ")");
    stopped.await();
  }
}
