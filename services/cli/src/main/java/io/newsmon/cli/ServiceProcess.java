package io.newsmon.cli;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * One newsmon service running as its own JVM: output to a log file, pid in a pid file, stopped with
 * SIGTERM so it shuts down cleanly (the JVM's shutdown hooks close Kafka Streams and the broker
 * properly), and killed only if it does not stop in time.
 */
public final class ServiceProcess {

  private final String name;
  private final ProcessHandle handle;
  private final Path logFile;

  private ServiceProcess(String name, ProcessHandle handle, Path logFile) {
    this.name = name;
    this.handle = handle;
    this.logFile = logFile;
  }

  /** What to launch. */
  public record Spec(
      String name,
      Path java,
      List<String> jvmOptions,
      Path jar,
      List<String> args,
      Map<String, String> env,
      Path workDir) {}

  public static ServiceProcess start(Spec spec, Path logDir, Path pidDir) {
    try {
      Files.createDirectories(logDir);
      Files.createDirectories(pidDir);
      List<String> command = new ArrayList<>();
      command.add(spec.java().toString());
      command.addAll(spec.jvmOptions());
      command.add("-jar");
      command.add(spec.jar().toString());
      command.addAll(spec.args());
      Path log = logDir.resolve(spec.name() + ".log");
      ProcessBuilder builder =
          new ProcessBuilder(command)
              .directory(spec.workDir().toFile())
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
              .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
      builder.environment().putAll(spec.env());
      Process process = builder.start();
      Files.writeString(pidDir.resolve(spec.name() + ".pid"), Long.toString(process.pid()));
      return new ServiceProcess(spec.name(), process.toHandle(), log);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + spec.name(), e);
    }
  }

  /** The service recorded in {@code pidDir}, if it is still running. */
  public static Optional<ServiceProcess> find(String name, Path pidDir, Path logDir) {
    Path pidFile = pidDir.resolve(name + ".pid");
    try {
      if (!Files.exists(pidFile)) {
        return Optional.empty();
      }
      long pid = Long.parseLong(Files.readString(pidFile).strip());
      return ProcessHandle.of(pid)
          .filter(ProcessHandle::isAlive)
          .map(h -> new ServiceProcess(name, h, logDir.resolve(name + ".log")));
    } catch (IOException | NumberFormatException e) {
      return Optional.empty();
    }
  }

  public String name() {
    return name;
  }

  public long pid() {
    return handle.pid();
  }

  public boolean isAlive() {
    return handle.isAlive();
  }

  public Path logFile() {
    return logFile;
  }

  /**
   * Waits for {@code ready} to return a value while the process lives; fails with the log's tail
   * when the process dies or time runs out.
   */
  public <T> T awaitReady(Supplier<T> ready, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      T value = ready.get();
      if (value != null) {
        return value;
      }
      if (!handle.isAlive()) {
        throw new IllegalStateException(
            name + " exited during start-up; last log lines:\n" + tail(30));
      }
      Thread.sleep(100);
    }
    throw new IllegalStateException(
        name + " not ready within " + timeout.toSeconds() + " s; last log lines:\n" + tail(30));
  }

  /**
   * SIGKILL, as a crash or the OOM killer would: no shutdown hook runs. Returns once the process is
   * gone.
   */
  public void kill() throws InterruptedException {
    handle.destroyForcibly();
    try {
      handle.onExit().get(30, TimeUnit.SECONDS);
    } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
      throw new IllegalStateException(name + " (pid " + pid() + ") survived SIGKILL", e);
    }
  }

  /** SIGTERM, then SIGKILL after {@code grace}. */
  public void stop(Duration grace) {
    if (!handle.isAlive()) {
      return;
    }
    handle.destroy();
    try {
      handle.onExit().get(grace.toMillis(), TimeUnit.MILLISECONDS);
    } catch (Exception e) {
      handle.destroyForcibly();
    }
  }

  public String tail(int lines) {
    try {
      List<String> all = Files.readAllLines(logFile);
      return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }
}
