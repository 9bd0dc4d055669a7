package io.newsmon.cli;

import io.newsmon.avro.RawArticle;
import io.newsmon.common.Hashes;
import io.newsmon.common.TopicCatalog;
import io.newsmon.schema.AvroSerde;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Publishes article files to {@code news.raw} with an idempotent producer. The key is a hash of the
 * file's bytes, so publishing the same file twice yields the same article id (and the pipeline
 * calls the second a copy of the first). Each record carries a fresh trace id header.
 */
public final class ArticlePublisher implements AutoCloseable {

  public static final String TRACE_HEADER = "newsmon-trace-id";
  private static final SecureRandom RANDOM = new SecureRandom();

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

  private final KafkaProducer<String, RawArticle> producer;

  public ArticlePublisher(String bootstrapServers) {
    this.producer =
        new KafkaProducer<>(
            Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                true,
                ProducerConfig.ACKS_CONFIG,
                "all",
                ProducerConfig.CLIENT_ID_CONFIG,
                "newsmon-publish",
                ProducerConfig.MAX_REQUEST_SIZE_CONFIG,
                8 * 1024 * 1024),
            new StringSerializer(),
            AvroSerde.of(RawArticle.class));
  }

  /** Publishes files and directories (recursively), in name order. */
  public Summary publish(List<Path> paths, PrintStream out)
      throws IOException, InterruptedException {
    List<Path> files = CleanCommand.files(paths);
    List<String> published = new ArrayList<>();
    List<String> skipped = new ArrayList<>();
    List<String> failed = new ArrayList<>();
    for (Path file : files) {
      String type = contentType(file);
      if (type == null) {
        skipped.add(file + ": not an article file (.html, .html.gz, .htm, .md, .txt, .json)");
        continue;
      }
      try {
        byte[] bytes = readPayload(file);
        RawArticle article = article(file, type, bytes);
        ProducerRecord<String, RawArticle> record =
            new ProducerRecord<>(TopicCatalog.NEWS_RAW.name(), article.getArticleId(), article);
        record.headers().add(TRACE_HEADER, article.getTraceId().getBytes(StandardCharsets.UTF_8));
        producer.send(record).get();
        published.add(file.getFileName() + " -> " + article.getArticleId());
        out.println("  published " + file.getFileName() + " as " + article.getArticleId());
      } catch (IOException | java.util.concurrent.ExecutionException e) {
        failed.add(file + ": " + e.getMessage());
        out.println("  failed " + file + ": " + e.getMessage());
      }
    }
    return new Summary(published, skipped, failed);
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

  static RawArticle article(Path file, String contentType, byte[] bytes) {
    byte[] trace = new byte[16];
    RANDOM.nextBytes(trace);
    return RawArticle.newBuilder()
        .setArticleId(articleId(bytes))
        .setSourceId("file")
        .setContentType(contentType)
        .setPayload(ByteBuffer.wrap(bytes))
        .setFileName(file.getFileName().toString())
        .setIngestedAt(Instant.now())
        .setTraceId(HexFormat.of().formatHex(trace))
        .build();
  }

  static String articleId(byte[] bytes) {
    return "art_" + Hashes.sha256HexPrefix(bytes, 12);
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
    if (name.endsWith(".json")) {
      return "application/json";
    }
    return null;
  }

  @Override
  public void close() {
    producer.close(Duration.ofSeconds(10));
  }
}
