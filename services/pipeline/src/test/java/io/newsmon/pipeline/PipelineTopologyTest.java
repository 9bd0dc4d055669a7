package io.newsmon.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsmon.avro.CleanArticle;
import io.newsmon.avro.DedupMethod;
import io.newsmon.avro.DedupedArticle;
import io.newsmon.avro.FlaggedArticle;
import io.newsmon.avro.RawArticle;
import io.newsmon.avro.StoryUpdate;
import io.newsmon.common.TopicCatalog;
import io.newsmon.schema.AvroSerde;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyDescription;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PipelineTopologyTest {

  @TempDir Path stateDir;

  private TopologyTestDriver driver;
  private TestInputTopic<String, RawArticle> raw;
  private TestInputTopic<String, byte[]> rawBytes;

  @BeforeEach
  void start() {
    Topology topology = topology();
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, "pipeline-test");
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
    DeadLetterHandlers.configure(props);
    driver = new TopologyTestDriver(topology, props);
    raw =
        driver.createInputTopic(
            TopicCatalog.NEWS_RAW.name(), new StringSerializer(), AvroSerde.of(RawArticle.class));
    rawBytes =
        driver.createInputTopic(
            TopicCatalog.NEWS_RAW.name(), new StringSerializer(), new ByteArraySerializer());
  }

  @AfterEach
  void stop() {
    driver.close();
  }

  @Test
  void seedPairBecomesOneFlaggedStoryAndOneSuppressedDuplicate() {
    Headers trace =
        new RecordHeaders().add("newsmon-trace-id", "trace-1".getBytes(StandardCharsets.UTF_8));
    raw.pipeInput(
        new TestRecord<>(
            "seed-0",
            seed("seed-0", SeedArticles.SCRAPED),
            trace,
            Instant.parse("2021-11-16T10:00:00Z")));
    raw.pipeInput(
        new TestRecord<>(
            "seed-1",
            seed("seed-1", SeedArticles.MARKDOWN),
            null,
            Instant.parse("2021-11-16T10:05:00Z")));

    List<CleanArticle> clean =
        output(TopicCatalog.NEWS_CLEAN.name(), CleanArticle.class).readValuesToList();
    List<DedupedArticle> unique =
        output(TopicCatalog.NEWS_UNIQUE.name(), DedupedArticle.class).readValuesToList();
    List<DedupedArticle> duplicates =
        output(TopicCatalog.NEWS_DUPLICATES.name(), DedupedArticle.class).readValuesToList();
    var flaggedTopic = output(TopicCatalog.NEWS_FLAGGED.name(), FlaggedArticle.class);
    List<TestRecord<String, FlaggedArticle>> flagged = flaggedTopic.readRecordsToList();

    assertThat(clean).hasSize(2);
    assertThat(unique).extracting(d -> d.getArticle().getArticleId()).containsExactly("seed-0");
    assertThat(duplicates).hasSize(1);
    DedupedArticle copy = duplicates.get(0);
    assertThat(copy.getArticle().getArticleId()).isEqualTo("seed-1");
    assertThat(copy.getDecision().getDuplicateOf()).isEqualTo("seed-0");
    assertThat(copy.getDecision().getMethod()).isEqualTo(DedupMethod.NEAR_DUPLICATE);
    assertThat(copy.getDecision().getClusterId()).isEqualTo("seed-0");

    var stories =
        driver
            .createOutputTopic(
                TopicCatalog.NEWS_STORIES.name(),
                new StringDeserializer(),
                AvroSerde.of(StoryUpdate.class))
            .readKeyValuesToMap();
    assertThat(stories).containsOnlyKeys("seed-0");
    assertThat(stories.get("seed-0").getCopies()).isEqualTo(2);
    // The scraped copy names no URL (outlet "file"); the Markdown copy names themoscowtimes.com.
    assertThat(stories.get("seed-0").getOutletNames())
        .containsExactly("file", "themoscowtimes.com");
    assertThat(stories.get("seed-0").getOutlets()).isEqualTo(2);

    assertThat(flagged).hasSize(1);
    FlaggedArticle article = flagged.get(0).value();
    assertThat(article.getClusterId()).isEqualTo("seed-0");
    assertThat(article.getFlags())
        .extracting(f -> f.getTopicId())
        .containsExactly("border-tensions");
    assertThat(article.getArticle().getTraceId()).isEqualTo("trace-seed-0");
    assertThat(article.getCountries()).contains("RU", "UA");
    // The topic's own stream carries the same article with that topic's flag only.
    List<FlaggedArticle> topicStream =
        output(TopicCatalog.topicStream("border-tensions").name(), FlaggedArticle.class)
            .readValuesToList();
    assertThat(topicStream).hasSize(1);
    assertThat(topicStream.get(0).getFlags())
        .extracting(f -> f.getTopicId())
        .containsExactly("border-tensions");
    // Kafka headers travel with the article through every stage.
    assertThat(
            new String(
                flagged.get(0).headers().lastHeader("newsmon-trace-id").value(),
                StandardCharsets.UTF_8))
        .isEqualTo("trace-1");
  }

  @Test
  void eachStageCountsWhatGoesInAndOutAndWhy() {
    double undecodableBefore = DeadLetterHandlers.count(DeadLetterHandlers.UNDECODABLE_RECORD);
    double emptyBefore = DeadLetterHandlers.count("empty");
    raw.pipeInput("seed-0", seed("seed-0", SeedArticles.SCRAPED));
    raw.pipeInput("seed-1", seed("seed-1", SeedArticles.MARKDOWN));
    rawBytes.pipeInput("broken", new byte[] {1, 2, 3});
    raw.pipeInput(
        "empty",
        RawArticle.newBuilder(seed("empty", SeedArticles.SCRAPED))
            .setPayload(ByteBuffer.wrap(new byte[0]))
            .build());

    assertThat(counter("newsmon.stage.records.in", "stage", "clean"))
        .as("the undecodable record never reaches the stage")
        .isEqualTo(3);
    assertThat(counter("newsmon.stage.records.out", "stage", "clean")).isEqualTo(2);
    assertThat(counter("newsmon.stage.records.in", "stage", "dedup")).isEqualTo(2);
    assertThat(counter("newsmon.dedup.decisions", "method", "first_seen")).isEqualTo(1);
    assertThat(counter("newsmon.dedup.decisions", "method", "near_duplicate")).isEqualTo(1);
    assertThat(counter("newsmon.dedup.decisions", "method", "exact_text")).isZero();
    assertThat(counter("newsmon.stage.records.in", "stage", "flag")).isEqualTo(1);
    assertThat(counter("newsmon.stage.records.out", "stage", "flag")).isEqualTo(1);
    assertThat(counter("newsmon.flags", "topic", "border-tensions")).isEqualTo(1);
    assertThat(registry.get("newsmon.ingest.to.flagged").timer().count()).isEqualTo(1);
    // The handlers' counts are per process (Kafka Streams creates the handlers), hence the deltas.
    assertThat(
            registry
                .get("newsmon.dead.letter.records")
                .tags("reason", "empty")
                .functionCounter()
                .count())
        .isEqualTo(emptyBefore + 1);
    assertThat(
            registry
                .get("newsmon.dead.letter.records")
                .tags("reason", DeadLetterHandlers.UNDECODABLE_RECORD)
                .functionCounter()
                .count())
        .isEqualTo(undecodableBefore + 1);
    assertThat(registry.get("newsmon.dead.letter.records").meters())
        .as("every reason has a series from the start")
        .hasSize(PipelineMetrics.deadLetterReasons().size());
  }

  @Test
  void whereThePageSaysNothingTheFeedEntrysMetadataIsUsed() {
    byte[] page =
        ("<html><body><article><p>"
                + "Columns of armoured vehicles were seen moving toward the frontier overnight. "
                    .repeat(8)
                + "</p></article></body></html>")
            .getBytes(StandardCharsets.UTF_8);
    raw.pipeInput(
        "feed-1",
        RawArticle.newBuilder()
            .setArticleId("feed-1")
            .setSourceId("quirky")
            .setUrl("https://quirky.example/a1.html")
            .setContentType("text/html")
            .setPayload(ByteBuffer.wrap(page))
            .setFeedId("quirky")
            .setEntryId("a-1")
            .setIngestedAt(Instant.parse("2026-11-30T10:00:01Z"))
            .setTraceId("trace-feed-1")
            .setFeedEntry(
                io.newsmon.avro.FeedEntryMetadata.newBuilder()
                    .setTitle("Armour moves to the frontier")
                    .setAuthor("Jane Doe")
                    .setPublishedAt(Instant.parse("2026-11-30T09:00:00Z"))
                    .build())
            .build());

    CleanArticle clean =
        output(TopicCatalog.NEWS_CLEAN.name(), CleanArticle.class).readValuesToList().getFirst();
    assertThat(clean.getTitle()).isEqualTo("Armour moves to the frontier");
    assertThat(clean.getAuthor()).isEqualTo("Jane Doe");
    assertThat(clean.getPublishedAt()).isEqualTo(Instant.parse("2026-11-30T09:00:00Z"));
  }

  @Test
  void badInputGoesToTheDeadLetterTopicWithItsReasonAndThePipelineGoesOn() {
    rawBytes.pipeInput("garbage", "<html>not avro</html>".getBytes(StandardCharsets.UTF_8));
    raw.pipeInput(
        "empty",
        RawArticle.newBuilder(seed("empty", SeedArticles.SCRAPED))
            .setPayload(ByteBuffer.allocate(0))
            .build());
    raw.pipeInput(
        "binary",
        RawArticle.newBuilder(seed("binary", SeedArticles.SCRAPED))
            .setPayload(ByteBuffer.wrap(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 13}))
            .build());
    raw.pipeInput("seed-0", seed("seed-0", SeedArticles.SCRAPED));

    var deadLetters =
        driver
            .createOutputTopic(
                TopicCatalog.NEWS_DEAD_LETTER.name(),
                new StringDeserializer(),
                new ByteArrayDeserializer())
            .readRecordsToList();
    assertThat(deadLetters)
        .extracting(TestRecord::key)
        .containsExactly("garbage", "empty", "binary");
    assertThat(deadLetters)
        .extracting(r -> header(r, DeadLetterHandlers.HEADER_REASON))
        .containsExactly("undecodable_record", "empty", "binary");
    assertThat(header(deadLetters.get(0), DeadLetterHandlers.HEADER_MESSAGE))
        .contains("not an Avro single-object record");
    assertThat(header(deadLetters.get(1), DeadLetterHandlers.HEADER_STAGE)).isEqualTo("clean");
    assertThat(new String(deadLetters.get(0).value(), StandardCharsets.UTF_8))
        .isEqualTo("<html>not avro</html>");
    assertThat(DeadLetterHandlers.counts()).containsKeys("undecodable_record", "empty", "binary");

    assertThat(output(TopicCatalog.NEWS_FLAGGED.name(), FlaggedArticle.class).readValuesToList())
        .hasSize(1);
  }

  @Test
  void everyNodeAndStoreIsNamed() {
    TopologyDescription description = topology().describe();
    for (TopologyDescription.Subtopology sub : description.subtopologies()) {
      for (TopologyDescription.Node node : sub.nodes()) {
        assertThat(node.name())
            .as("generated names break on topology changes")
            .doesNotStartWith("KSTREAM-");
        if (node instanceof TopologyDescription.Processor p) {
          assertThat(p.stores())
              .allSatisfy(store -> assertThat(store).doesNotStartWith("KSTREAM-"));
        }
      }
    }
    assertThat(description.toString())
        .contains(
            "clean", "dedup", "stories", "flag", "dedup-articles", "dedup-keys", "story-tallies");
  }

  private final io.micrometer.core.instrument.simple.SimpleMeterRegistry registry =
      new io.micrometer.core.instrument.simple.SimpleMeterRegistry();

  private Topology topology() {
    return PipelineTopology.build(
        new PipelineTopology.Settings(
            0.8,
            java.time.Duration.ofDays(7),
            StarterTopics.monitor(),
            new PipelineMetrics(registry, java.time.Clock.systemUTC()),
            io.newsmon.pipeline.volume.SpikeRule.DEFAULT));
  }

  private double counter(String name, String... tags) {
    return registry.get(name).tags(tags).counter().count();
  }

  private <T extends org.apache.avro.specific.SpecificRecord> TestOutputTopic<String, T> output(
      String topic, Class<T> type) {
    return driver.createOutputTopic(topic, new StringDeserializer(), AvroSerde.of(type));
  }

  private static String header(TestRecord<String, byte[]> record, String name) {
    return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
  }

  static RawArticle seed(String id, String file) {
    return RawArticle.newBuilder()
        .setArticleId(id)
        .setSourceId("file")
        .setContentType("text/plain")
        .setPayload(ByteBuffer.wrap(SeedArticles.bytes(file)))
        .setFileName(file)
        .setIngestedAt(Instant.parse("2021-11-16T10:00:00Z"))
        .setTraceId("trace-" + id)
        .build();
  }
}
