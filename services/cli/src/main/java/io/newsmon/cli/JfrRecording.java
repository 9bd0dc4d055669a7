package io.newsmon.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * A Java Flight Recorder recording of another JVM (the pipeline), started and stopped with {@code
 * jcmd}, summarised as where the CPU samples fell: by thread, by method on top of the stack, and by
 * newsmon method anywhere on the stack. JFR ships with every JDK and samples without safepoint bias
 * well enough to rank hot spots; this VM has no hardware counters for a native profiler.
 */
final class JfrRecording {

  private static final String NAME = "newsmon-bench";
  private final long pid;
  private final Path file;

  private JfrRecording(long pid, Path file) {
    this.pid = pid;
    this.file = file;
  }

  static JfrRecording start(long pid, Path dir) throws IOException, InterruptedException {
    Path file = dir.resolve("pipeline-" + pid + ".jfr").toAbsolutePath();
    JfrRecording recording = new JfrRecording(pid, file);
    recording.jcmd("JFR.start", "name=" + NAME, "settings=profile", "filename=" + file);
    return recording;
  }

  void stopAndReport(PrintStream out) throws IOException, InterruptedException {
    jcmd("JFR.stop", "name=" + NAME);
    report(file, out);
  }

  /** Prints where the CPU samples in the recording {@code file} fell. */
  static void report(Path file, PrintStream out) throws IOException {
    Map<String, Integer> threads = new HashMap<>();
    Map<String, Integer> topFrames = new HashMap<>();
    Map<String, Integer> newsmonFrames = new HashMap<>();
    int samples = 0;
    for (RecordedEvent event : RecordingFile.readAllEvents(file)) {
      if (!event.getEventType().getName().equals("jdk.ExecutionSample")) {
        continue;
      }
      samples++;
      threads.merge(threadGroup(event.getThread("sampledThread").getJavaName()), 1, Integer::sum);
      RecordedStackTrace stack = event.getStackTrace();
      if (stack == null || stack.getFrames().isEmpty()) {
        continue;
      }
      List<RecordedFrame> frames = stack.getFrames();
      topFrames.merge(method(frames.get(0)), 1, Integer::sum);
      Set<String> seen = new HashSet<>();
      for (RecordedFrame frame : frames) {
        String method = method(frame);
        if (method.startsWith("io.newsmon.") && seen.add(method)) {
          newsmonFrames.merge(method, 1, Integer::sum);
        }
      }
    }
    out.printf(
        Locale.ROOT, "  profile (JFR, %,d CPU samples of the pipeline JVM; %s):%n", samples, file);
    print(out, "by thread", threads, samples, 6);
    print(out, "on top of the stack (self)", topFrames, samples, 15);
    print(out, "newsmon code on the stack (total)", newsmonFrames, samples, 15);
  }

  /** Stream threads are numbered; fold the numbers so threads of one kind add up. */
  private static String threadGroup(String name) {
    return name == null
        ? "?"
        : name.replaceAll("-\\d+", "-N").replaceAll("[0-9a-f]{8}-[0-9a-f-]{27}", "ID");
  }

  private static String method(RecordedFrame frame) {
    return frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
  }

  private static void print(
      PrintStream out, String title, Map<String, Integer> counts, int samples, int limit) {
    out.printf(Locale.ROOT, "    %s:%n", title);
    counts.entrySet().stream()
        .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
        .limit(limit)
        .forEach(
            e ->
                out.printf(
                    Locale.ROOT,
                    "      %5.1f %%  %s%n",
                    100.0 * e.getValue() / samples,
                    e.getKey()));
  }

  private void jcmd(String... command) throws IOException, InterruptedException {
    Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
    List<String> args = new java.util.ArrayList<>(List.of(jcmd.toString(), Long.toString(pid)));
    args.addAll(List.of(command));
    BenchCommand.run(file.getParent(), args);
  }
}
