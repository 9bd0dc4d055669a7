package io.newsmon.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsmon.avro.RawArticle;
import io.newsmon.common.TopicCatalog;
import io.newsmon.kafka.LocalKafka;
import io.newsmon.schema.AvroSerde;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ./newsmon publish}'s publisher against a real broker. */
class ArticlePublisherIT {

  private static LocalKafka kafka;

  @BeforeAll
  static void startKafka() throws Exception {
    kafka = LocalKafka.start(Files.createTempDirectory("publisher-it"));
  }

  @AfterAll
  static void stopKafka() {
    kafka.close();
  }

  @Test
  void publishesEveryKindOfFileOnceWithStableKeysAndSaysWhatItSkippedAndRefused(@TempDir Path dir)
      throws Exception {
    Files.writeString(dir.resolve("a.html"), "<html><body><p>A story.</p></body></html>");
    Files.writeString(dir.resolve("b.md"), "# B\n\nAnother story.");
    Files.writeString(dir.resolve("c.txt"), "A scraped story.");
    Files.writeString(dir.resolve("d.json"), "{\"title\": \"D\", \"text\": \"A record.\"}");
    Files.writeString(
        dir.resolve("e.jsonl"),
        "{\"title\": \"E1\", \"text\": \"One.\"}\n{\"title\": \"E2\", \"text\": \"Two.\"}\nnope\n");
    Files.writeString(dir.resolve("notes.pdf"), "not an article");

    ArticlePublisher.Summary first = publish(dir);
    ArticlePublisher.Summary again = publish(dir);

    assertThat(first.published()).hasSize(6);
    assertThat(first.skipped()).singleElement().asString().contains("notes.pdf");
    assertThat(first.failed()).singleElement().asString().contains("e.jsonl:3: not JSON");
    List<ConsumerRecord<String, RawArticle>> records =
        readRaw().stream()
            .filter(r -> !r.value().getFileName().startsWith("many.jsonl")) // the other test's
            .toList();
    assertThat(records).hasSize(12);
    assertThat(records.stream().map(ConsumerRecord::key).distinct())
        .as("publishing again yields the same keys")
        .hasSize(6);
    assertThat(records)
        .allSatisfy(
            r ->
                assertThat(r.headers().lastHeader(io.newsmon.common.TraceIds.HEADER))
                    .as("every record carries a trace id")
                    .isNotNull());
    assertThat(again.line()).isEqualTo("published 6, skipped 1, failed 1");
  }

  @Test
  void aLargeBatchShowsAProgressBarInsteadOfALinePerArticle(@TempDir Path dir) throws Exception {
    StringBuilder lines = new StringBuilder();
    for (int i = 0; i < 500; i++) {
      lines.append("{\"title\": \"T").append(i).append("\", \"text\": \"Story ").append(i);
      lines.append(".\"}\n");
    }
    Files.writeString(dir.resolve("many.jsonl"), lines);
    ByteArrayOutputStream output = new ByteArrayOutputStream();

    ArticlePublisher.Summary summary;
    try (ArticlePublisher publisher = new ArticlePublisher(kafka.bootstrapServers())) {
      summary =
          publisher.publish(List.of(dir), new PrintStream(output, true, StandardCharsets.UTF_8));
    }

    assertThat(summary.published()).hasSize(500);
    String shown = output.toString(StandardCharsets.UTF_8);
    assertThat(shown).contains("500/500 articles").doesNotContain("published many.jsonl");
  }

  private static ArticlePublisher.Summary publish(Path dir) throws Exception {
    try (ArticlePublisher publisher = new ArticlePublisher(kafka.bootstrapServers())) {
      return publisher.publish(
          List.of(dir), new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    }
  }

  private static List<ConsumerRecord<String, RawArticle>> readRaw() {
    String topic = TopicCatalog.NEWS_RAW.name();
    try (KafkaConsumer<String, RawArticle> consumer =
        new KafkaConsumer<>(
            Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()),
            new StringDeserializer(),
            AvroSerde.of(RawArticle.class).deserializer())) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(topic).stream()
              .map(p -> new TopicPartition(topic, p.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
      List<ConsumerRecord<String, RawArticle>> records = new ArrayList<>();
      while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
        consumer.poll(Duration.ofMillis(200)).forEach(records::add);
      }
      return records;
    }
  }
}
