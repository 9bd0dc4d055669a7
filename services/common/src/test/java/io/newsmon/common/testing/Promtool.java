package io.newsmon.common.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Prometheus' own checker, {@code promtool} (Debian's {@code prometheus} package; {@code .ci/run}
 * installs it). Tests that need it are skipped, saying why, where it is not installed.
 */
public final class Promtool {

  private Promtool() {}

  /** {@code promtool check metrics} on a scrape: no lint problem, or the test fails with them. */
  public static void assertMetricsPass(String exposition) throws IOException, InterruptedException {
    Result result = run(List.of("check", "metrics"), exposition);
    assertThat(result.output()).as("promtool check metrics").isEmpty();
    assertThat(result.exit()).as("promtool check metrics: %s", result.output()).isZero();
  }

  /**
   * {@code promtool ARGS...} (such as {@code check rules FILE} or {@code test rules FILE}) exits 0,
   * or the test fails with what it printed.
   */
  public static void assertPasses(String... arguments) throws IOException, InterruptedException {
    Result result = run(List.of(arguments), "");
    assertThat(result.exit())
        .as("promtool %s: %s", String.join(" ", arguments), result.output())
        .isZero();
  }

  private record Result(int exit, String output) {}

  private static Result run(List<String> arguments, String stdin)
      throws IOException, InterruptedException {
    Path promtool =
        List.of(Path.of("/usr/bin/promtool"), Path.of("/usr/local/bin/promtool")).stream()
            .filter(Files::isExecutable)
            .findFirst()
            .orElse(null);
    Assumptions.assumeTrue(
        promtool != null,
        "promtool is not installed (apt-get install prometheus; .ci/run installs it)");
    List<String> command = new java.util.ArrayList<>(List.of(promtool.toString()));
    command.addAll(arguments);
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    try (var in = process.getOutputStream()) {
      in.write(stdin.getBytes(StandardCharsets.UTF_8));
    }
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new IOException("promtool did not finish within 60 s");
    }
    return new Result(process.exitValue(), output.strip());
  }
}
