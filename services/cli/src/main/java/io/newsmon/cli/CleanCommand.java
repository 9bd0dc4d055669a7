package io.newsmon.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newsmon.pipeline.clean.ArticleCleaner;
import io.newsmon.pipeline.clean.CleanedDocument;
import io.newsmon.pipeline.clean.RawDocument;
import io.newsmon.pipeline.clean.RejectedArticleException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ./newsmon clean}: the pipeline's cleaner on local files, without Kafka. */
@Command(
    name = "clean",
    description =
        "Clean article files (.html, .html.gz, .htm, .txt, .md, .json) with the pipeline's cleaner"
            + " and print the result as JSON.")
final class CleanCommand implements Callable<Integer> {

  /** Output shapes. */
  enum Format {
    /** One JSON object per input, one per line. */
    lines,
    /** One JSON object {name: {articleBody}} for the extraction scorer. */
    benchmark
  }

  @Option(names = "--format", defaultValue = "lines", description = "lines (default) or benchmark.")
  Format format;

  @Parameters(arity = "1..*", description = "Files or directories.")
  List<Path> paths;

  private static final ObjectMapper JSON = new ObjectMapper();

  @Override
  public Integer call() throws Exception {
    PrintStream out = System.out;
    ArticleCleaner cleaner = new ArticleCleaner();
    ObjectNode benchmark = JSON.createObjectNode();
    int failed = 0;
    for (Path file : files(paths)) {
      String type = ArticlePublisher.contentType(file);
      if (type == null) {
        continue;
      }
      ObjectNode row = JSON.createObjectNode().put("source", file.toString());
      try {
        byte[] bytes = ArticlePublisher.readPayload(file);
        CleanedDocument doc = cleaner.clean(new RawDocument(bytes, type, null, null));
        row.put("title", doc.title())
            .put("text", doc.text())
            .put("language", doc.language())
            .put("publishedAt", doc.publishedAt() == null ? null : doc.publishedAt().toString())
            .put("url", doc.url())
            .put("canonicalUrl", doc.canonicalUrl())
            .put("author", doc.author())
            .put("siteName", doc.siteName());
        benchmark.putObject(baseName(file)).put("articleBody", doc.text());
      } catch (RejectedArticleException e) {
        failed++;
        row.put("error", e.getMessage());
        benchmark.putObject(baseName(file)).put("articleBody", "");
      }
      if (format == Format.lines) {
        out.println(JSON.writeValueAsString(row));
      }
    }
    if (format == Format.benchmark) {
      out.println(JSON.writeValueAsString(benchmark));
    }
    return failed == 0 ? 0 : 1;
  }

  static List<Path> files(List<Path> paths) throws java.io.IOException {
    List<Path> files = new ArrayList<>();
    for (Path path : paths) {
      if (Files.isDirectory(path)) {
        try (Stream<Path> walk = Files.walk(path)) {
          walk.filter(Files::isRegularFile).sorted().forEach(files::add);
        }
      } else {
        files.add(path);
      }
    }
    return files;
  }

  /** File name without extensions: "abc.html.gz" is "abc". */
  static String baseName(Path file) {
    String name = file.getFileName().toString();
    int dot = name.indexOf('.');
    return dot < 0 ? name : name.substring(0, dot);
  }
}
