package io.newsmon.kafka;

import io.newsmon.common.ReadyFile;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * One node of a {@link LocalKafkaCluster}: a JVM running {@link LocalKafkaMain} with fixed options,
 * so every (re)start brings the same node back on the same ports and data directory.
 */
final class BrokerProcess {

  /** Small heaps and a serial collector: three brokers share two cores with everything else. */
  private static final List<String> JVM_OPTIONS =
      List.of("-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");

  private final int nodeId;
  private final LocalKafkaOptions options;
  private final Path logFile;
  private Process process;

  BrokerProcess(int nodeId, LocalKafkaOptions options, Path logFile) {
    this.nodeId = nodeId;
    this.options = options;
    this.logFile = logFile;
  }

  int nodeId() {
    return nodeId;
  }

  synchronized boolean alive() {
    return process != null && process.isAlive();
  }

  synchronized long pid() {
    if (process == null) {
      throw new IllegalStateException("node " + nodeId + " was never started");
    }
    return process.pid();
  }

  /** Launches the node; {@link #awaitReady} tells when it serves. */
  synchronized void start() {
    if (alive()) {
      throw new IllegalStateException("node " + nodeId + " is running already");
    }
    try {
      Files.deleteIfExists(options.readyFile());
      List<String> command = new ArrayList<>();
      command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
      command.addAll(JVM_OPTIONS);
      // The classpath this JVM runs with has the broker: the module's jar with its lib/ next to
      // it, or a test's classpath.
      command.add("-cp");
      command.add(System.getProperty("java.class.path"));
      command.add(LocalKafkaMain.class.getName());
      command.addAll(options.toArgs());
      process =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
              .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
              .start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start Kafka node " + nodeId, e);
    }
  }

  /**
   * Waits until the node has written its ready file (registered with the controller quorum and
   * unfenced); fails with the tail of its log when it dies or time runs out.
   */
  void awaitReady(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      Properties ready = ReadyFile.read(options.readyFile());
      if (ready != null && ready.getProperty("bootstrap.servers") != null) {
        return;
      }
      if (!alive()) {
        throw new IllegalStateException(
            "Kafka node " + nodeId + " exited during start-up; last log lines:\n" + tail(30));
      }
      Thread.sleep(100);
    }
    throw new IllegalStateException(
        "Kafka node "
            + nodeId
            + " not ready within "
            + timeout.toSeconds()
            + " s; last log lines:\n"
            + tail(30));
  }

  /** SIGKILL: no controlled shutdown, no flush; returns once the process is gone. */
  void kill() throws InterruptedException {
    Process running = running();
    if (running != null) {
      running.destroyForcibly().waitFor();
    }
  }

  /**
   * SIGTERM: the broker hands over its leaderships and leaves the ISRs (controlled shutdown) before
   * it exits; SIGKILL if that takes longer than {@code grace}.
   */
  void stop(Duration grace) throws InterruptedException {
    Process running = running();
    if (running == null) {
      return;
    }
    running.destroy();
    if (!running.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
      running.destroyForcibly().waitFor();
    }
  }

  /** Sends SIGTERM without waiting, so a whole cluster can shut down at once. */
  void signalStop() {
    Process running = running();
    if (running != null) {
      running.destroy();
    }
  }

  private synchronized Process running() {
    return alive() ? process : null;
  }

  String tail(int lines) {
    try {
      List<String> all = Files.readAllLines(logFile);
      return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }
}
