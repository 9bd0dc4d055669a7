package io.newsmon.pipeline.volume;

import io.newsmon.avro.SpikeState;
import io.newsmon.avro.TopicSpike;
import io.newsmon.avro.TopicVolume;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * Counts flagged articles per topic in 10-minute buckets of record time and watches each topic's
 * last hour against its usual volume ({@link SpikeRule}). Input: one record per topic flag, keyed
 * by topic id (repartitioned, so one task sees all of a topic). Output: the hour's {@link
 * TopicVolume} on every article, a {@link TopicSpike} {@code STARTED} when a spike begins and
 * {@code ENDED} when it is over (checked on each article and every 10 minutes of stream time, so a
 * spike ends even when the topic falls silent).
 */
public final class TopicVolumeProcessor
    implements Processor<String, String, String, SpecificRecord> {

  public static final String BUCKETS = "topic-volume-buckets";
  public static final String SPIKES = "topic-volume-spikes";

  static final Duration BUCKET = Duration.ofMinutes(10);
  static final int BUCKETS_PER_HOUR = 6;

  private final SpikeRule rule;
  private ProcessorContext<String, SpecificRecord> context;
  private KeyValueStore<String, Long> buckets;
  private KeyValueStore<String, Long> spikes;

  public TopicVolumeProcessor(SpikeRule rule) {
    this.rule = rule;
  }

  public static StoreBuilder<KeyValueStore<String, Long>> bucketStore() {
    return Stores.keyValueStoreBuilder(
        Stores.persistentKeyValueStore(BUCKETS), Serdes.String(), Serdes.Long());
  }

  public static StoreBuilder<KeyValueStore<String, Long>> spikeStore() {
    return Stores.keyValueStoreBuilder(
        Stores.persistentKeyValueStore(SPIKES), Serdes.String(), Serdes.Long());
  }

  @Override
  public void init(ProcessorContext<String, SpecificRecord> context) {
    this.context = context;
    this.buckets = context.getStateStore(BUCKETS);
    this.spikes = context.getStateStore(SPIKES);
    context.schedule(BUCKET, PunctuationType.STREAM_TIME, this::everyTenMinutes);
  }

  @Override
  public void process(Record<String, String> record) {
    String topicId = record.key();
    long bucket = bucketOf(record.timestamp());
    String key = key(topicId, bucket);
    Long count = buckets.get(key);
    buckets.put(key, count == null ? 1 : count + 1);
    Long first = buckets.get(firstKey(topicId));
    if (first == null || bucket < first) {
      buckets.put(firstKey(topicId), bucket);
    }

    long hourStart = bucket - Math.floorMod(bucket, BUCKETS_PER_HOUR);
    long hourCount = sum(topicId, hourStart, hourStart + BUCKETS_PER_HOUR - 1);
    context.forward(
        new Record<String, SpecificRecord>(
            topicId + "|" + instant(hourStart),
            TopicVolume.newBuilder()
                .setTopicId(topicId)
                .setWindowStart(instant(hourStart))
                .setWindowEnd(instant(hourStart + BUCKETS_PER_HOUR))
                .setArticles(hourCount)
                .build(),
            record.timestamp()));
    judge(topicId, bucket, record.timestamp());
  }

  /** Ends spikes of topics gone quiet, and forgets buckets older than any baseline needs. */
  private void everyTenMinutes(long streamTime) {
    long bucket = bucketOf(streamTime);
    try (KeyValueIterator<String, Long> active = spikes.all()) {
      while (active.hasNext()) {
        judge(active.next().key, bucket, streamTime);
      }
    }
    long oldest = bucket - (long) (rule.baselineDays() + 1) * 24 * BUCKETS_PER_HOUR;
    try (KeyValueIterator<String, Long> all = buckets.all()) {
      while (all.hasNext()) {
        var entry = all.next();
        int bar = entry.key.lastIndexOf('|');
        String suffix = entry.key.substring(bar + 1);
        if (!suffix.equals("first") && Long.parseLong(suffix) < oldest) {
          buckets.delete(entry.key);
        }
      }
    }
  }

  private void judge(String topicId, long bucket, long timestamp) {
    long lastHourFrom = bucket - BUCKETS_PER_HOUR + 1;
    long lastHour = sum(topicId, lastHourFrom, bucket);
    Long first = buckets.get(firstKey(topicId));
    long baselineFrom =
        Math.max(
            lastHourFrom - (long) rule.baselineDays() * 24 * BUCKETS_PER_HOUR,
            first == null ? lastHourFrom : first);
    int baselineHours = (int) ((lastHourFrom - baselineFrom) / BUCKETS_PER_HOUR);
    long baseline = sum(topicId, baselineFrom, lastHourFrom - 1);
    SpikeRule.Verdict verdict = rule.judge(lastHour, baseline, baselineHours);
    boolean active = spikes.get(topicId) != null;
    if (!active && verdict.spike()) {
      spikes.put(topicId, lastHourFrom);
      forward(
          topicId, SpikeState.STARTED, lastHourFrom, lastHour, verdict, baselineHours, timestamp);
    } else if (active && rule.over(lastHour, verdict)) {
      spikes.delete(topicId);
      forward(topicId, SpikeState.ENDED, lastHourFrom, lastHour, verdict, baselineHours, timestamp);
    }
  }

  private void forward(
      String topicId,
      SpikeState state,
      long fromBucket,
      long articles,
      SpikeRule.Verdict verdict,
      int baselineHours,
      long timestamp) {
    context.forward(
        new Record<String, SpecificRecord>(
            topicId,
            TopicSpike.newBuilder()
                .setTopicId(topicId)
                .setState(state)
                .setWindowStart(instant(fromBucket))
                .setWindowEnd(instant(fromBucket + BUCKETS_PER_HOUR))
                .setArticles(articles)
                .setUsualPerHour(verdict.usualPerHour())
                .setRatio(verdict.ratio())
                .setBaselineHours(baselineHours)
                .setSummary(
                    state == SpikeState.STARTED
                        ? SpikeRule.summary(topicId, articles, verdict)
                        : topicId + ": back to " + articles + " articles in the last hour")
                .build(),
            timestamp));
  }

  private long sum(String topicId, long fromBucket, long toBucket) {
    if (toBucket < fromBucket) {
      return 0;
    }
    long total = 0;
    try (KeyValueIterator<String, Long> range =
        buckets.range(key(topicId, fromBucket), key(topicId, toBucket))) {
      while (range.hasNext()) {
        total += range.next().value;
      }
    }
    return total;
  }

  static long bucketOf(long timestamp) {
    return Math.floorDiv(timestamp, BUCKET.toMillis());
  }

  private static Instant instant(long bucket) {
    return Instant.ofEpochMilli(bucket * BUCKET.toMillis());
  }

  /** Zero-padded, so a range of keys is a range of time. */
  static String key(String topicId, long bucket) {
    return topicId + "|" + String.format(Locale.ROOT, "%012d", bucket);
  }

  private static String firstKey(String topicId) {
    return topicId + "|first";
  }
}
