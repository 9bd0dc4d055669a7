package io.newsmon.cli;

import io.newsmon.avro.RawArticle;
import io.newsmon.common.ArticleIds;
import io.newsmon.common.TraceIds;
import io.newsmon.feeds.KafkaRawArticles;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Future;
import java.util.zip.GZIPInputStream;

/**
 * Publishes article files to {@code news.raw} with an idempotent producer. The key is a hash of the
 * file's bytes, so publishing the same file twice yields the same article id (and the pipeline
 * calls the second a copy of the first). Each record carries a fresh trace id header.
 */
public final class ArticlePublisher implements AutoCloseable {

  /** What one publish run did. */
  public record Summary(List<String> published, List<String> skipped, List<String> failed) {
    public String line() {
      return "published "
          + published.size()
          + ", skipped "
          + skipped.size()
          + ", failed "
          + failed.size();
    }
  }

  private final KafkaRawArticles producer;

  public ArticlePublisher(String bootstrapServers) {
    this.producer = new KafkaRawArticles(bootstrapServers, "newsmon-publish");
  }

  /** One article to publish, or why an input cannot be one. */
  record Item(String label, RawArticle article, String problem) {
    static Item of(String label, RawArticle article) {
      return new Item(label, article, null);
    }

    static Item refused(String label, String problem) {
      return new Item(label, null, problem);
    }
  }

  /** Below this many articles each one gets a line; above it, a progress bar. */
  static final int ITEM_LINES_UP_TO = 20;

  /**
   * Publishes files and directories (recursively, in name order): one article per file, and one per
   * non-blank line of a {@code .jsonl} file. Files are read one at a time and their articles sent
   * asynchronously (the producer's buffer bounds what is in flight), so a large batch never sits in
   * memory whole; each outcome is collected, and large batches show a progress bar.
   */
  public Summary publish(List<Path> paths, PrintStream out)
      throws IOException, InterruptedException {
    List<Path> files = CleanCommand.files(paths);
    List<String> skipped = new ArrayList<>();
    List<String> failed = new ArrayList<>();
    record Sent(String label, String articleId, Future<Void> ack) {}
    List<Sent> sent = new ArrayList<>();
    int total = 0;
    for (Path file : files) {
      total += contentType(file) == null ? 0 : articleCount(file);
    }
    Progress progress = new Progress(out, total, total > ITEM_LINES_UP_TO);
    for (Path file : files) {
      String type = contentType(file);
      if (type == null) {
        skipped.add(file + ": " + NOT_AN_ARTICLE);
        continue;
      }
      List<Item> items;
      try {
        items = items(file, type);
      } catch (IOException | RuntimeException e) {
        failed.add(file + ": " + e.getMessage());
        continue;
      }
      for (Item item : items) {
        if (item.problem() != null) {
          failed.add(item.label() + ": " + item.problem());
          progress.advance();
          continue;
        }
        RawArticle article = item.article();
        sent.add(
            new Sent(
                item.label(),
                article.getArticleId(),
                producer.send(article).whenComplete((ok, e) -> progress.advance())));
      }
    }
    producer.flush();
    List<String> published = new ArrayList<>();
    for (Sent send : sent) {
      try {
        send.ack().get();
        published.add(send.label());
        if (!progress.bar) {
          out.println("  published " + send.label() + " as " + send.articleId());
        }
      } catch (java.util.concurrent.ExecutionException e) {
        failed.add(send.label() + ": " + e.getCause().getMessage());
      }
    }
    progress.finish();
    return new Summary(published, skipped, failed);
  }

  /**
   * How many articles {@link #items} will find in {@code file}, for the progress bar: one, or the
   * non-blank lines of a {@code .jsonl} file (read once more for that); 0 when it cannot be read.
   */
  static int articleCount(Path file) {
    if (!isJsonLines(file)) {
      return 1;
    }
    try {
      return (int)
          new String(readPayload(file), StandardCharsets.UTF_8)
              .lines()
              .filter(line -> !line.isBlank())
              .count();
    } catch (IOException | RuntimeException e) {
      return 0; // refused when it is read for publishing, with the reason
    }
  }

  static final String NOT_AN_ARTICLE =
      "not an article file (.html, .htm, .html.gz, .md, .txt, .json, .jsonl)";

  private static final com.fasterxml.jackson.databind.ObjectMapper JSON =
      new com.fasterxml.jackson.databind.ObjectMapper();

  /**
   * The articles in one file: the file itself, or for {@code .jsonl} each non-blank line, which
   * must be a JSON object (an article record, docs/cleaning.md); a line that is not is refused with
   * its number, and the others still go.
   */
  static List<Item> items(Path file, String contentType) throws IOException {
    byte[] bytes = readPayload(file);
    String name = file.getFileName().toString();
    if (!isJsonLines(file)) {
      return List.of(Item.of(name, article(name, contentType, bytes)));
    }
    List<Item> items = new ArrayList<>();
    List<String> lines = new String(bytes, StandardCharsets.UTF_8).lines().toList();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      String label = name + ":" + (i + 1);
      if (line.isEmpty()) {
        continue;
      }
      try {
        if (!JSON.readTree(line).isObject()) {
          items.add(Item.refused(label, "not a JSON object"));
          continue;
        }
      } catch (com.fasterxml.jackson.core.JacksonException e) {
        items.add(Item.refused(label, "not JSON: " + e.getOriginalMessage()));
        continue;
      }
      items.add(
          Item.of(
              label, article(label, "application/json", line.getBytes(StandardCharsets.UTF_8))));
    }
    return items;
  }

  static boolean isJsonLines(Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    return name.endsWith(".jsonl") || name.endsWith(".jsonl.gz");
  }

  /**
   * A progress bar on one line, redrawn at most every 200 ms, for batches too large to list; the
   * final count either way.
   */
  static final class Progress {
    private final PrintStream out;
    private final int total;
    final boolean bar;
    private final long start = System.nanoTime();
    private final java.util.concurrent.atomic.AtomicInteger done =
        new java.util.concurrent.atomic.AtomicInteger();
    private volatile long lastDrawn;

    Progress(PrintStream out, int total, boolean bar) {
      this.out = out;
      this.total = total;
      this.bar = bar;
    }

    void advance() {
      int now = done.incrementAndGet();
      long t = System.nanoTime();
      if (bar && (t - lastDrawn > 200_000_000L || now == total)) {
        lastDrawn = t;
        draw(now);
      }
    }

    private synchronized void draw(int count) {
      int width = 30;
      int filled = total == 0 ? width : (int) ((long) count * width / total);
      double seconds = Math.max(1e-3, (System.nanoTime() - start) / 1e9);
      out.printf(
          Locale.ROOT,
          "\r  [%s%s] %,d/%,d articles, %,.0f/s",
          "#".repeat(filled),
          ".".repeat(width - filled),
          count,
          total,
          count / seconds);
      out.flush();
    }

    void finish() {
      if (bar) {
        draw(done.get());
        out.println();
      }
    }
  }

  /** The file's bytes, decompressed when it is gzip (.gz). */
  static byte[] readPayload(Path file) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    if (file.getFileName().toString().endsWith(".gz")) {
      try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
        return in.readAllBytes();
      }
    }
    return bytes;
  }

  static RawArticle article(String fileName, String contentType, byte[] bytes) {
    return RawArticle.newBuilder()
        .setArticleId(ArticleIds.ofPayload(bytes))
        .setSourceId("file")
        .setContentType(contentType)
        .setPayload(ByteBuffer.wrap(bytes))
        .setFileName(fileName)
        .setIngestedAt(Instant.now())
        .setTraceId(TraceIds.newId())
        .build();
  }

  static String contentType(Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    if (name.endsWith(".html") || name.endsWith(".htm") || name.endsWith(".html.gz")) {
      return "text/html";
    }
    if (name.endsWith(".md") || name.endsWith(".markdown")) {
      return "text/markdown";
    }
    if (name.endsWith(".txt")) {
      return "text/plain";
    }
    if (name.endsWith(".json") || name.endsWith(".jsonl") || name.endsWith(".jsonl.gz")) {
      return "application/json";
    }
    return null;
  }

  @Override
  public void close() {
    producer.close();
  }
}
