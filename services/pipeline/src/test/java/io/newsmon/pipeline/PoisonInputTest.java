package io.newsmon.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.newsmon.avro.DedupedArticle;
import io.newsmon.avro.FlaggedArticle;
import io.newsmon.common.DeadLetterHeaders;
import io.newsmon.common.TopicCatalog;
import io.newsmon.common.TraceIds;
import io.newsmon.pipeline.PoisonInputs.OddButGood;
import io.newsmon.pipeline.PoisonInputs.PoisonInput;
import io.newsmon.schema.AvroSerde;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every kind of bad input ({@link PoisonInputs}) on every topic the pipeline reads: each ends in
 * {@code news.dead-letter} once, with its original key, value and headers and the reason and stage
 * that refused it, and is counted by reason; the good articles around it come out flagged.
 */
class PoisonInputTest {

  @TempDir Path stateDir;

  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private TopologyTestDriver driver;
  private final Map<String, TestInputTopic<byte[], byte[]>> inputs = new HashMap<>();

  @BeforeEach
  void start() {
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, "poison-test");
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
    DeadLetterHandlers.configure(props);
    driver =
        new TopologyTestDriver(
            PipelineTopology.build(
                new PipelineTopology.Settings(
                    0.8,
                    Duration.ofDays(7),
                    StarterTopics.monitor(),
                    new PipelineMetrics(registry, Clock.systemUTC()),
                    io.newsmon.pipeline.volume.SpikeRule.DEFAULT)),
            props);
  }

  @AfterEach
  void stop() {
    driver.close();
  }

  static List<PoisonInput> poison() {
    return PoisonInputs.all();
  }

  static List<OddButGood> oddButGood() {
    return PoisonInputs.oddButGood();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("poison")
  @Timeout(60) // bounded, not a speed claim: no input may hang a stage
  void isDeadLetteredOnceWithItsReasonAndTheNextArticleFlowsOn(PoisonInput input) {
    double before = deadLettered(input.reason());

    write(input);
    writeGood("after-" + input.name(), 0);

    List<TestRecord<byte[], byte[]>> letters = deadLetters();
    assertThat(letters).as("dead letters").hasSize(1);
    assertIsTheDeadLetterOf(letters.get(0), input);
    assertThat(deadLettered(input.reason()))
        .as("newsmon_dead_letter_records_total{reason=%s}", input.reason())
        .isEqualTo(before + 1);
    assertThat(flaggedIds()).containsExactly("after-" + input.name());
  }

  @Test
  @Timeout(120)
  void everyBadInputInterleavedWithGoodArticlesIsDeadLetteredOnceAndTheGoodOnesFlagged() {
    List<PoisonInput> poison = PoisonInputs.all();
    Map<String, Double> before = new HashMap<>();
    poison.forEach(p -> before.put(p.reason(), deadLettered(p.reason())));
    List<String> good = new ArrayList<>();
    // One good article after every few bad ones, each a different story (copies are not unique).
    int every = Math.ceilDiv(poison.size(), PoisonInputs.INTERLEAVED_STORIES);
    for (int i = 0; i < poison.size(); i++) {
      write(poison.get(i));
      if (i % every == every - 1 || i == poison.size() - 1) {
        String id = "good-" + good.size();
        writeGood(id, good.size());
        good.add(id);
      }
    }
    assertThat(good).hasSizeLessThanOrEqualTo(PoisonInputs.INTERLEAVED_STORIES);

    Map<String, TestRecord<byte[], byte[]>> letters = new HashMap<>();
    for (TestRecord<byte[], byte[]> letter : deadLetters()) {
      assertThat(letters.put(new String(letter.key(), StandardCharsets.UTF_8), letter))
          .as("dead-lettered twice")
          .isNull();
    }
    assertThat(letters.keySet())
        .containsExactlyInAnyOrderElementsOf(poison.stream().map(PoisonInput::name).toList());
    poison.forEach(p -> assertIsTheDeadLetterOf(letters.get(p.name()), p));
    Map<String, Long> perReason =
        poison.stream().collect(Collectors.groupingBy(PoisonInput::reason, Collectors.counting()));
    perReason.forEach(
        (reason, count) ->
            assertThat(deadLettered(reason))
                .as("newsmon_dead_letter_records_total{reason=%s}", reason)
                .isEqualTo(before.get(reason) + count));

    List<DedupedArticle> unique =
        driver
            .createOutputTopic(
                TopicCatalog.NEWS_UNIQUE.name(),
                new StringDeserializer(),
                AvroSerde.of(DedupedArticle.class))
            .readValuesToList();
    assertThat(unique)
        .extracting(d -> d.getArticle().getArticleId())
        .containsExactlyElementsOf(good);
    assertThat(flaggedIds()).containsExactlyElementsOf(good);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("oddButGood")
  @Timeout(60)
  void oddButGoodArticlesFlowOnWithAbsurdMetadataDropped(OddButGood input) {
    inputs(TopicCatalog.NEWS_RAW.name()).pipeInput(input.key(), input.value());

    assertThat(deadLetters())
        .as("dead letters")
        .extracting(r -> header(r, DeadLetterHeaders.MESSAGE))
        .isEmpty();
    List<FlaggedArticle> flagged = flagged();
    assertThat(flagged)
        .extracting(f -> f.getArticle().getArticleId())
        .containsExactly(input.articleId());
    input.check().accept(flagged.get(0));
  }

  // ---- helpers ----------------------------------------------------------------------------------

  private void write(PoisonInput input) {
    RecordHeaders headers = new RecordHeaders();
    headers.add(TraceIds.HEADER, ("trace-" + input.name()).getBytes(StandardCharsets.UTF_8));
    inputs(input.topic().name())
        .pipeInput(new TestRecord<>(input.key(), input.value(), headers, Instant.now()));
  }

  private void writeGood(String id, int story) {
    inputs(TopicCatalog.NEWS_RAW.name())
        .pipeInput(PoisonInputs.key(id), PoisonInputs.encode(PoisonInputs.good(id, story)));
  }

  private TestInputTopic<byte[], byte[]> inputs(String topic) {
    return inputs.computeIfAbsent(
        topic,
        t -> driver.createInputTopic(t, new ByteArraySerializer(), new ByteArraySerializer()));
  }

  private List<TestRecord<byte[], byte[]>> deadLetters() {
    return driver
        .createOutputTopic(
            TopicCatalog.NEWS_DEAD_LETTER.name(),
            new ByteArrayDeserializer(),
            new ByteArrayDeserializer())
        .readRecordsToList();
  }

  private List<FlaggedArticle> flagged() {
    return driver
        .createOutputTopic(
            TopicCatalog.NEWS_FLAGGED.name(),
            new StringDeserializer(),
            AvroSerde.of(FlaggedArticle.class))
        .readValuesToList();
  }

  private List<String> flaggedIds() {
    return flagged().stream().map(f -> f.getArticle().getArticleId()).toList();
  }

  private double deadLettered(String reason) {
    return registry
        .get("newsmon.dead.letter.records")
        .tags("reason", reason)
        .functionCounter()
        .count();
  }

  static void assertIsTheDeadLetterOf(TestRecord<byte[], byte[]> letter, PoisonInput input) {
    assertThat(letter).as("dead letter of %s", input.name()).isNotNull();
    assertThat(letter.key()).as("original key").isEqualTo(input.key());
    assertThat(letter.value()).as("original value").isEqualTo(input.value());
    assertThat(header(letter, TraceIds.HEADER))
        .as("original headers")
        .isEqualTo("trace-" + input.name());
    assertThat(header(letter, DeadLetterHeaders.REASON)).as("reason").isEqualTo(input.reason());
    assertThat(header(letter, DeadLetterHeaders.STAGE)).as("stage").isEqualTo(input.stage());
    assertThat(header(letter, DeadLetterHeaders.SOURCE))
        .as("source")
        .startsWith(input.topic().name() + "-");
    assertThat(header(letter, DeadLetterHeaders.MESSAGE)).as("message").isNotBlank();
    assertThat(header(letter, DeadLetterHeaders.EXCEPTION)).as("exception").isNotBlank();
  }

  private static String header(TestRecord<byte[], byte[]> record, String name) {
    Header header = record.headers().lastHeader(name);
    return header == null || header.value() == null
        ? null
        : new String(header.value(), StandardCharsets.UTF_8);
  }
}
