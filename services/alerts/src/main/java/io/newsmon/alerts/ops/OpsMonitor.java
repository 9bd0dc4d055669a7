package io.newsmon.alerts.ops;

import io.newsmon.avro.TopicSpike;
import io.newsmon.avro.TopicVolume;
import io.newsmon.common.CompactedTopicView;
import io.newsmon.common.DeadLetterHeaders;
import io.newsmon.common.KafkaConnection;
import io.newsmon.common.TopicCatalog;
import io.newsmon.schema.AvroSerde;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * What the ops page shows that lives in Kafka: consumer lag per group, the latest dead-letter
 * records with their reasons, each topic's hourly volume over the last day, and the latest spikes.
 * Volumes and spikes are followed in the background; lag and dead letters are read when asked.
 */
public final class OpsMonitor implements AutoCloseable {

  /** Records a consumer group has yet to read, summed over its partitions. */
  public record GroupLag(String group, long lag) {}

  /** A record the pipeline could not process, with why. */
  public record DeadLetter(
      Instant at, String reason, String message, String stage, String source, String key) {}

  /** A topic's flagged articles per hour, oldest first, ending with the current hour. */
  public record Volume(String topicId, List<Long> hourly) {}

  /** A spike event as the page shows it. */
  public record Spike(
      String topicId,
      String state,
      Instant windowEnd,
      long articles,
      double ratio,
      String summary) {}

  /** The consumer groups whose lag the page shows: the pipeline's and the alert service's. */
  public static final List<String> GROUPS =
      List.of("newsmon-pipeline", "newsmon-alerts", "newsmon-alerts-deliveries");

  static final int HOURS = 24;
  static final int SPIKES_KEPT = 20;
  static final Duration TIMEOUT = Duration.ofSeconds(5);

  private final KafkaConnection kafka;
  private final Clock clock;
  private final Admin admin;
  private final Map<String, Map<Instant, Long>> volumes = new ConcurrentHashMap<>();
  private final Deque<Spike> spikes = new ArrayDeque<>();
  private final CompactedTopicView<TopicVolume> volumeView;
  private final CompactedTopicView<TopicSpike> spikeView;

  public OpsMonitor(KafkaConnection kafka, Clock clock) {
    this.kafka = kafka;
    this.clock = clock;
    this.admin = Admin.create(adminConfig(kafka));
    this.volumeView =
        new CompactedTopicView<>(
                kafka,
                TopicCatalog.NEWS_TOPIC_VOLUME.name(),
                AvroSerde.of(TopicVolume.class).deserializer(),
                (key, volume) -> {
                  if (volume != null) {
                    volumes
                        .computeIfAbsent(volume.getTopicId(), t -> new ConcurrentHashMap<>())
                        .merge(volume.getWindowStart(), volume.getArticles(), Math::max);
                  }
                })
            .start();
    this.spikeView =
        new CompactedTopicView<>(
                kafka,
                TopicCatalog.NEWS_TOPIC_SPIKES.name(),
                AvroSerde.of(TopicSpike.class).deserializer(),
                (key, spike) -> {
                  if (spike != null) {
                    remember(
                        new Spike(
                            spike.getTopicId(),
                            spike.getState().name(),
                            spike.getWindowEnd(),
                            spike.getArticles(),
                            spike.getRatio(),
                            spike.getSummary()));
                  }
                })
            .start();
  }

  /** The admin client's settings: every question answered, or given up, within the timeout. */
  static Map<String, Object> adminConfig(KafkaConnection kafka) {
    return kafka.clientConfig(
        Map.of(
            AdminClientConfig.CLIENT_ID_CONFIG,
            "newsmon-ops",
            AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
            (int) TIMEOUT.toMillis(),
            AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG,
            (int) TIMEOUT.toMillis()));
  }

  /** The settings of the consumer reading the latest dead letters: no group, committed only. */
  static Map<String, Object> deadLetterConsumerConfig(KafkaConnection kafka) {
    return kafka.readerConfig("newsmon-ops-dead-letters");
  }

  private synchronized void remember(Spike spike) {
    spikes.addFirst(spike);
    while (spikes.size() > SPIKES_KEPT) {
      spikes.removeLast();
    }
  }

  /** The latest spikes, newest first. */
  public synchronized List<Spike> spikes() {
    return List.copyOf(spikes);
  }

  /** Each topic's last {@value #HOURS} hours, by topic id. */
  public List<Volume> volumes() {
    Instant currentHour = clock.instant().truncatedTo(ChronoUnit.HOURS);
    List<Volume> out = new ArrayList<>();
    for (Map.Entry<String, Map<Instant, Long>> topic : new TreeMap<>(volumes).entrySet()) {
      List<Long> hourly = new ArrayList<>(HOURS);
      for (int h = HOURS - 1; h >= 0; h--) {
        hourly.add(topic.getValue().getOrDefault(currentHour.minus(Duration.ofHours(h)), 0L));
      }
      out.add(new Volume(topic.getKey(), hourly));
    }
    return out;
  }

  /** How long lag and dead letters are reused: every open ops page asks every 5 s. */
  static final Duration FRESH_FOR = Duration.ofSeconds(4);

  private record Cached<T>(Instant at, int size, T value) {}

  private volatile Cached<List<GroupLag>> lags;
  private volatile Cached<List<DeadLetter>> deadLetters;

  private <T> T fresh(Cached<T> cached, int size) {
    return cached != null
            && cached.size() == size
            && cached.at().plus(FRESH_FOR).isAfter(clock.instant())
        ? cached.value()
        : null;
  }

  /** Each group's lag: end offsets minus committed offsets; -1 when Kafka did not answer. */
  public List<GroupLag> lags() {
    List<GroupLag> cached = fresh(lags, 0);
    if (cached != null) {
      return cached;
    }
    List<GroupLag> read = readLags();
    lags = new Cached<>(clock.instant(), 0, read);
    return read;
  }

  /** The latest {@code limit} dead-letter records over all partitions, newest first. */
  public List<DeadLetter> deadLetters(int limit) {
    List<DeadLetter> cached = fresh(deadLetters, limit);
    if (cached != null) {
      return cached;
    }
    List<DeadLetter> read = readDeadLetters(limit);
    deadLetters = new Cached<>(clock.instant(), limit, read);
    return read;
  }

  /** One group's lag, from {@link #lags()}. */
  public double lag(String group) {
    return lags().stream()
        .filter(l -> l.group().equals(group))
        .mapToLong(GroupLag::lag)
        .findFirst()
        .orElse(-1);
  }

  private List<GroupLag> readLags() {
    List<GroupLag> out = new ArrayList<>();
    for (String group : GROUPS) {
      try {
        Map<TopicPartition, OffsetAndMetadata> committed =
            admin
                .listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata()
                .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        Map<TopicPartition, OffsetSpec> latest = new java.util.HashMap<>();
        committed.keySet().forEach(tp -> latest.put(tp, OffsetSpec.latest()));
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends =
            admin.listOffsets(latest).all().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        long lag = 0;
        for (Map.Entry<TopicPartition, OffsetAndMetadata> c : committed.entrySet()) {
          if (c.getValue() != null && ends.containsKey(c.getKey())) {
            lag += Math.max(0, ends.get(c.getKey()).offset() - c.getValue().offset());
          }
        }
        out.add(new GroupLag(group, lag));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        out.add(new GroupLag(group, -1));
      } catch (Exception e) {
        out.add(new GroupLag(group, -1));
      }
    }
    return out;
  }

  private List<DeadLetter> readDeadLetters(int limit) {
    String topic = TopicCatalog.NEWS_DEAD_LETTER.name();
    try (KafkaConsumer<byte[], byte[]> consumer =
        new KafkaConsumer<>(
            deadLetterConsumerConfig(kafka),
            new ByteArrayDeserializer(),
            new ByteArrayDeserializer())) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(topic, TIMEOUT).stream()
              .map(p -> new TopicPartition(topic, p.partition()))
              .toList();
      consumer.assign(partitions);
      Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, TIMEOUT);
      Map<TopicPartition, Long> begins = consumer.beginningOffsets(partitions, TIMEOUT);
      for (TopicPartition tp : partitions) {
        consumer.seek(tp, Math.max(begins.get(tp), ends.get(tp) - limit));
      }
      List<DeadLetter> found = new ArrayList<>();
      long deadline = System.nanoTime() + TIMEOUT.toNanos();
      while (System.nanoTime() < deadline && !caughtUp(consumer, partitions, ends)) {
        for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
          found.add(
              new DeadLetter(
                  Instant.ofEpochMilli(r.timestamp()),
                  header(r, DeadLetterHeaders.REASON),
                  header(r, DeadLetterHeaders.MESSAGE),
                  header(r, DeadLetterHeaders.STAGE),
                  header(r, DeadLetterHeaders.SOURCE),
                  r.key() == null ? null : new String(r.key(), StandardCharsets.UTF_8)));
        }
      }
      return found.stream()
          .sorted(Comparator.comparing(DeadLetter::at).reversed())
          .limit(limit)
          .toList();
    }
  }

  private static boolean caughtUp(
      KafkaConsumer<?, ?> consumer,
      List<TopicPartition> partitions,
      Map<TopicPartition, Long> ends) {
    for (TopicPartition tp : partitions) {
      if (consumer.position(tp) < ends.get(tp)) {
        return false;
      }
    }
    return true;
  }

  private static String header(ConsumerRecord<?, ?> record, String name) {
    Header h = record.headers().lastHeader(name);
    return h == null || h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8);
  }

  @Override
  public void close() throws InterruptedException {
    volumeView.close();
    spikeView.close();
    admin.close(Duration.ofSeconds(5));
  }
}
