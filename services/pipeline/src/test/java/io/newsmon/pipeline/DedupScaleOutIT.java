package io.newsmon.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.newsmon.avro.DedupedArticle;
import io.newsmon.avro.RawArticle;
import io.newsmon.common.TopicCatalog;
import io.newsmon.schema.AvroSerde;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;

/**
 * Two pipeline instances with two stream threads each, one of them stopped half-way: copies that
 * arrive on different partitions at the same moment still end in one story, every article is
 * decided exactly once, and the survivor takes over the dedup task with its state.
 */
class DedupScaleOutIT {

  private static final int STORIES = 12;
  private static final int COPIES = 3;

  @Test
  void copiesOnDifferentPartitionsAreOneStoryAcrossInstancesAndAFailover() throws Exception {
    try (PipelineHarness harness = PipelineHarness.start("dedup-scale-out")) {
      KafkaStreams first = start(harness, "instance-1");
      KafkaStreams second = start(harness, "instance-2");
      await()
          .atMost(Duration.ofSeconds(60))
          .until(
              () ->
                  first.state() == KafkaStreams.State.RUNNING
                      && second.state() == KafkaStreams.State.RUNNING);

      List<String> stories = stories();
      Map<String, Integer> storyOf = new HashMap<>();
      try (var producer =
          harness.producer(new StringSerializer(), AvroSerde.of(RawArticle.class))) {
        for (int copy = 0; copy < COPIES; copy++) {
          if (copy == COPIES - 1) {
            // Half-way: one instance goes away; the other must carry on with the state.
            // Leaving the group on close (a scale-down) hands its tasks over at once instead of
            // after the session timeout.
            first.close(
                org.apache.kafka.streams.CloseOptions.groupMembershipOperation(
                        org.apache.kafka.streams.CloseOptions.GroupMembershipOperation.LEAVE_GROUP)
                    .withTimeout(Duration.ofSeconds(30)));
          }
          for (int s = 0; s < STORIES; s++) {
            String id = "story-" + s + "-copy-" + copy;
            storyOf.put(id, s);
            String text = copy == 0 ? stories.get(s) : variant(stories.get(s), copy);
            // Different keys: the copies of one story land on different news.raw partitions.
            producer.send(new ProducerRecord<>(TopicCatalog.NEWS_RAW.name(), id, raw(id, text)));
          }
          producer.flush();
        }
      }

      List<DedupedArticle> unique = new ArrayList<>();
      List<DedupedArticle> duplicates = new ArrayList<>();
      try (var uniques = consumer(harness, TopicCatalog.NEWS_UNIQUE.name());
          var copies = consumer(harness, TopicCatalog.NEWS_DUPLICATES.name())) {
        await()
            .atMost(Duration.ofSeconds(120))
            .until(
                () -> {
                  uniques.poll(Duration.ofMillis(200)).forEach(r -> unique.add(r.value()));
                  copies.poll(Duration.ofMillis(200)).forEach(r -> duplicates.add(r.value()));
                  return unique.size() + duplicates.size() >= STORIES * COPIES;
                });
        // Stop the survivor so every transaction is finished, then read to the end: anything
        // emitted twice is in the topics by now.
        second.close(Duration.ofSeconds(30));
        drain(uniques, unique);
        drain(copies, duplicates);
      }

      assertThat(unique).hasSize(STORIES);
      assertThat(duplicates).hasSize(STORIES * (COPIES - 1));
      Map<String, String> clusterOf = new HashMap<>();
      unique.forEach(
          u -> clusterOf.put(u.getArticle().getArticleId(), u.getDecision().getClusterId()));
      duplicates.forEach(
          d -> clusterOf.put(d.getArticle().getArticleId(), d.getDecision().getClusterId()));
      assertThat(clusterOf).hasSize(STORIES * COPIES);
      // One cluster per story, and never one cluster for two stories.
      Map<Integer, String> clusterOfStory = new HashMap<>();
      Map<String, Integer> storyOfCluster = new HashMap<>();
      clusterOf.forEach(
          (article, cluster) -> {
            int story = storyOf.get(article);
            assertThat(clusterOfStory.computeIfAbsent(story, s -> cluster))
                .as("story %d", story)
                .isEqualTo(cluster);
            assertThat(storyOfCluster.computeIfAbsent(cluster, c -> story))
                .as("cluster %s", cluster)
                .isEqualTo(story);
          });
    }
  }

  private static void drain(
      KafkaConsumer<String, DedupedArticle> consumer, List<DedupedArticle> into) {
    var end = consumer.endOffsets(consumer.assignment());
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> {
              consumer.poll(Duration.ofMillis(200)).forEach(r -> into.add(r.value()));
              return end.entrySet().stream()
                  .allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
            });
  }

  private static KafkaStreams start(PipelineHarness harness, String stateDir) {
    Properties props = harness.streamsProperties("dedup-scale-out", stateDir);
    props.put(PipelineConfig.STREAM_THREADS, "2");
    KafkaStreams streams =
        new KafkaStreams(
            PipelineTopology.build(new PipelineTopology.Settings(0.7, StarterTopics.monitor())),
            props);
    streams.start();
    return streams;
  }

  /** Distinct stories: sentences drawn from a fixed vocabulary, different per story. */
  private static List<String> stories() {
    String[] words =
        ("government minister border troops village river market council election court"
                + " police farmers prices harbour bridge school hospital strike protest storm flood railway"
                + " factory bank budget treaty summit envoy ceasefire convoy refugees governor mayor")
            .split(" ");
    Random random = new Random(7);
    List<String> stories = new ArrayList<>();
    for (int s = 0; s < STORIES; s++) {
      StringBuilder text = new StringBuilder();
      for (int sentence = 0; sentence < 12; sentence++) {
        text.append("The");
        for (int w = 0; w < 14; w++) {
          text.append(' ').append(words[random.nextInt(words.length)]);
        }
        text.append(" said on day ").append(s * 100 + sentence).append(".\n\n");
      }
      stories.add(text.toString());
    }
    return stories;
  }

  private static String variant(String story, int copy) {
    return story.replace("The ", "the ") + "Reporting by agency staff, copy " + copy + ".";
  }

  private static RawArticle raw(String id, String text) {
    return RawArticle.newBuilder()
        .setArticleId(id)
        .setSourceId("outlet-" + id.hashCode() % 5)
        .setContentType("text/plain")
        .setPayload(ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)))
        .setIngestedAt(java.time.Instant.now())
        .setTraceId("t-" + id)
        .build();
  }

  private static KafkaConsumer<String, DedupedArticle> consumer(
      PipelineHarness harness, String topic) {
    return harness.reader(
        "scale-out-" + topic, topic, new StringDeserializer(), AvroSerde.of(DedupedArticle.class));
  }
}
