package io.newsmon.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsmon.pipeline.clean.ArticleCleaner;
import io.newsmon.pipeline.clean.RawDocument;
import io.newsmon.pipeline.clean.RejectedArticleException;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code ./newsmon bench}: the project's benchmarks. Alone it runs the end-to-end one ({@code bench
 * pipeline}) with its defaults; the stage benchmarks are its other subcommands.
 */
@Command(
    name = "bench",
    description = "Benchmarks; without a subcommand, the end-to-end one (bench pipeline).",
    subcommands = {
      PipelineBench.class,
      BenchCommand.Clean.class,
      DedupBench.class,
      FlagBench.class,
      IngestBench.class
    })
final class BenchCommand implements Callable<Integer> {

  @Override
  public Integer call() {
    return new picocli.CommandLine(new PipelineBench()).execute();
  }

  /**
   * Pages per second of the clean stage on one thread, and in the same run Mozilla Readability on
   * jsdom (Node.js) over the same pages, with the ratio.
   */
  @Command(
      name = "clean",
      description =
          "Pages/s of the cleaner on one thread vs Mozilla Readability on jsdom, same pages, same run.")
  static final class Clean implements Callable<Integer> {
    @Parameters(arity = "1", description = "Directory of .html or .html.gz pages.")
    Path dir;

    @Option(names = "--rounds", defaultValue = "5", description = "Timed passes over all pages.")
    int rounds;

    @Option(
        names = "--warmup",
        defaultValue = "3",
        description = "Untimed passes first (JIT warm-up).")
    int warmup;

    @Option(names = "--no-readability", description = "Only the newsmon cleaner.")
    boolean noReadability;

    @Override
    public Integer call() throws Exception {
      PrintStream out = System.out;
      List<byte[]> pages = new ArrayList<>();
      for (Path file : CleanCommand.files(List.of(dir))) {
        if ("text/html".equals(ArticlePublisher.contentType(file))) {
          pages.add(ArticlePublisher.readPayload(file));
        }
      }
      if (pages.isEmpty()) {
        System.err.println("no .html or .html.gz pages in " + dir);
        return 2;
      }
      out.printf(
          Locale.ROOT,
          "pages: %d from %s; %d warm-up and %d timed passes, one thread%n",
          pages.size(),
          dir,
          warmup,
          rounds);
      ArticleCleaner cleaner = new ArticleCleaner();
      for (int i = 0; i < warmup; i++) {
        cleanAll(cleaner, pages);
      }
      long start = System.nanoTime();
      for (int i = 0; i < rounds; i++) {
        cleanAll(cleaner, pages);
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      double newsmon = pages.size() * rounds / seconds;
      out.printf(
          Locale.ROOT,
          "newsmon cleaner (Java %s):          %8.1f pages/s%n",
          Runtime.version().feature(),
          newsmon);
      if (noReadability) {
        return 0;
      }
      JsonNode readability =
          runReadability(NewsmonHome.locate().root().resolve("deploy/bench/readability"));
      double reference = readability.path("pagesPerSecond").asDouble();
      out.printf(
          Locale.ROOT,
          "Mozilla Readability on jsdom (Node %s): %8.1f pages/s%n",
          readability.path("node").asText("?"),
          reference);
      out.printf(Locale.ROOT, "ratio: %.1fx%n", newsmon / reference);
      return 0;
    }

    private static int cleanAll(ArticleCleaner cleaner, List<byte[]> pages) {
      int chars = 0;
      for (byte[] page : pages) {
        try {
          chars += cleaner.clean(new RawDocument(page, "text/html", null, null)).text().length();
        } catch (RejectedArticleException e) {
          // counted as processed: refusing is work too
        }
      }
      return chars;
    }

    private JsonNode runReadability(Path benchDir) throws IOException, InterruptedException {
      if (!Files.isDirectory(benchDir.resolve("node_modules"))) {
        System.out.println("installing @mozilla/readability and jsdom from npm (npm ci) ...");
        run(benchDir, List.of("npm", "ci", "--no-audit", "--no-fund"));
      }
      String json =
          run(
              benchDir,
              List.of(
                  "node",
                  "bench.js",
                  dir.toAbsolutePath().toString(),
                  Integer.toString(Math.max(1, warmup / 2)),
                  Integer.toString(Math.max(1, rounds / 2))));
      String node = run(benchDir, List.of("node", "--version")).strip();
      JsonNode result = new ObjectMapper().readTree(json.lines().reduce((a, b) -> b).orElse("{}"));
      ((com.fasterxml.jackson.databind.node.ObjectNode) result).put("node", node);
      return result;
    }
  }

  /**
   * Runs {@code command} in {@code dir}; its output (with errors) or an exception saying why not.
   */
  static String run(Path dir, List<String> command) throws IOException, InterruptedException {
    Process process =
        new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
    byte[] output = process.getInputStream().readAllBytes();
    if (!process.waitFor(30, TimeUnit.MINUTES) || process.exitValue() != 0) {
      throw new IOException(
          String.join(" ", command) + " failed:\n" + new String(output, StandardCharsets.UTF_8));
    }
    return new String(output, StandardCharsets.UTF_8);
  }
}
