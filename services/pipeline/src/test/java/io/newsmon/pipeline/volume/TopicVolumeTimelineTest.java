package io.newsmon.pipeline.volume;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsmon.avro.CleanArticle;
import io.newsmon.avro.FlaggedArticle;
import io.newsmon.avro.SpikeState;
import io.newsmon.avro.TopicFlag;
import io.newsmon.avro.TopicSpike;
import io.newsmon.avro.TopicVolume;
import io.newsmon.common.TopicCatalog;
import io.newsmon.pipeline.DeadLetterHandlers;
import io.newsmon.pipeline.PipelineMetrics;
import io.newsmon.pipeline.PipelineTopology;
import io.newsmon.pipeline.StarterTopics;
import io.newsmon.schema.AvroSerde;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Topic volume and spikes on replayed timelines: a week of a topic's usual trickle, then a surge,
 * then quiet, piped into {@code news.flagged} with their record times.
 */
class TopicVolumeTimelineTest {

  private static final Instant START = Instant.parse("2026-11-01T00:00:00Z");

  @TempDir Path stateDir;
  private TopologyTestDriver driver;
  private TestInputTopic<String, FlaggedArticle> flagged;
  private int sequence;

  @BeforeEach
  void start() {
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, "volume-test");
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
                    PipelineMetrics.unregistered(),
                    new SpikeRule(3.0, 10, 7))),
            props);
    flagged =
        driver.createInputTopic(
            TopicCatalog.NEWS_FLAGGED.name(),
            new StringSerializer(),
            AvroSerde.of(FlaggedArticle.class).serializer());
  }

  @AfterEach
  void stop() {
    driver.close();
  }

  private void flag(Instant at, String... topics) {
    String id = "art-" + (++sequence);
    flagged.pipeInput(id, article(id, at, topics), at);
  }

  private List<TopicSpike> spikes() {
    return driver
        .createOutputTopic(
            TopicCatalog.NEWS_TOPIC_SPIKES.name(),
            new StringDeserializer(),
            AvroSerde.of(TopicSpike.class).deserializer())
        .readValuesToList();
  }

  private Map<String, TopicVolume> volumes() {
    return driver
        .createOutputTopic(
            TopicCatalog.NEWS_TOPIC_VOLUME.name(),
            new StringDeserializer(),
            AvroSerde.of(TopicVolume.class).deserializer())
        .readKeyValuesToMap();
  }

  /** A week of 2 border-tensions articles an hour, 1 protests article an hour. */
  private Instant usualWeek() {
    Instant at = START;
    for (int hour = 0; hour < 7 * 24; hour++) {
      flag(at.plus(Duration.ofMinutes(10)), "border-tensions", "protests");
      flag(at.plus(Duration.ofMinutes(40)), "border-tensions");
      at = at.plus(Duration.ofHours(1));
    }
    return at;
  }

  @Test
  void aSurgeAfterAUsualWeekStartsOneSpikeAndQuietEndsIt() {
    Instant surge = usualWeek();
    assertThat(spikes()).as("the usual week has no spike").isEmpty();

    for (int i = 0; i < 42; i++) {
      flag(surge.plus(Duration.ofSeconds(80L * i)), "border-tensions");
    }
    List<TopicSpike> started = spikes();
    assertThat(started).hasSize(1);
    TopicSpike spike = started.get(0);
    assertThat(spike.getTopicId()).isEqualTo("border-tensions");
    assertThat(spike.getState()).isEqualTo(SpikeState.STARTED);
    assertThat(spike.getArticles()).as("the hour the minimum was reached").isEqualTo(10);
    assertThat(spike.getUsualPerHour()).isEqualTo(2.0);
    assertThat(spike.getRatio()).isEqualTo(5.0);
    assertThat(spike.getBaselineHours()).isEqualTo(167);
    assertThat(spike.getSummary())
        .isEqualTo("border-tensions: 10 articles in the last hour, 5× the usual 2.0 per hour");

    Map<String, TopicVolume> volumes = volumes();
    assertThat(volumes.get("border-tensions|" + surge).getArticles()).isEqualTo(42);
    assertThat(volumes.get("protests|" + surge.minus(Duration.ofHours(1))).getArticles())
        .isEqualTo(1);

    // Three quiet hours for border-tensions; protests goes on, moving stream time.
    for (int hour = 1; hour <= 3; hour++) {
      flag(surge.plus(Duration.ofHours(hour)), "protests");
    }
    List<TopicSpike> ended = spikes();
    assertThat(ended)
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.getTopicId()).isEqualTo("border-tensions");
              assertThat(e.getState()).isEqualTo(SpikeState.ENDED);
            });
  }

  @Test
  void aNewTopicsFirstBurstIsNotASpike() {
    Instant at = START;
    for (int i = 0; i < 30; i++) {
      flag(at.plus(Duration.ofMinutes(i)), "brand-new");
    }
    assertThat(spikes()).isEmpty();
    assertThat(volumes().get("brand-new|" + START).getArticles()).isEqualTo(30);
  }

  @Test
  void aTopicUsuallySilentSpikesOnceItHasADayOfHistory() {
    flag(START, "rare");
    Instant later = START.plus(Duration.ofDays(2));
    for (int i = 0; i < 12; i++) {
      flag(later.plus(Duration.ofMinutes(i)), "rare");
    }
    assertThat(spikes())
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.getState()).isEqualTo(SpikeState.STARTED);
              assertThat(s.getSummary()).endsWith("usually none");
            });
  }

  private static FlaggedArticle article(String id, Instant at, String... topics) {
    return FlaggedArticle.newBuilder()
        .setArticle(
            CleanArticle.newBuilder()
                .setArticleId(id)
                .setSourceId("test")
                .setTitle("Title " + id)
                .setText("Text of " + id)
                .setWordCount(3)
                .setContentHash(id)
                .setIngestedAt(at)
                .setCleanedAt(at)
                .setTraceId("trace-" + id)
                .build())
        .setClusterId(id)
        .setFlags(
            java.util.Arrays.stream(topics)
                .map(t -> TopicFlag.newBuilder().setTopicId(t).setScore(0.9).build())
                .toList())
        .setFlaggedAt(at)
        .build();
  }
}
