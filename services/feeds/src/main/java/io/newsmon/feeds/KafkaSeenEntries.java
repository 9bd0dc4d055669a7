package io.newsmon.feeds;

import io.newsmon.common.CompactedTopicTable;
import io.newsmon.common.Hashes;
import io.newsmon.common.KafkaConnection;
import io.newsmon.common.TopicCatalog;
import io.newsmon.common.TopicSpec;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.common.serialization.Serdes;

/**
 * The entries handled, kept in the compacted, expiring {@code ingest.seen-entries}: read whole at
 * start, written through on every new entry, so a restarted (or another) poller does not publish an
 * entry again. Keys expire with the topic's retention after their last write; an entry still in its
 * feed is written again once half of that has passed, so it is never forgotten while the feed still
 * lists it.
 */
public final class KafkaSeenEntries implements FeedPoller.SeenEntries, AutoCloseable {

  private final TopicSpec topic = TopicCatalog.INGEST_SEEN_ENTRIES;
  private final CompactedTopicTable<Long> table;
  private final Map<String, Long> seenAt = new ConcurrentHashMap<>();
  private final Clock clock;
  private final Duration refreshAfter;

  public KafkaSeenEntries(String bootstrapServers, Clock clock) {
    this(KafkaConnection.of(bootstrapServers), clock);
  }

  /** Starts reading the topic, connecting as {@code kafka} says (TLS, SASL). */
  public KafkaSeenEntries(KafkaConnection kafka, Clock clock) {
    this.clock = clock;
    this.refreshAfter = topic.retention().dividedBy(2);
    this.table =
        new CompactedTopicTable<>(
            kafka,
            topic,
            Serdes.Long(),
            "newsmon-ingest-seen-entries",
            (key, at) -> {
              if (at == null) {
                seenAt.remove(key);
              } else {
                seenAt.merge(key, at, Math::max);
              }
            });
  }

  /** Waits until every entry remembered before start is known. */
  public boolean awaitLoaded(Duration timeout) throws InterruptedException {
    return table.awaitCaughtUp(timeout);
  }

  @Override
  public boolean seen(String feedId, String entryId) {
    String key = key(feedId, entryId);
    Long at = seenAt.get(key);
    if (at == null) {
      return false;
    }
    Instant now = clock.instant();
    if (Instant.ofEpochMilli(at).plus(refreshAfter).isBefore(now)) {
      write(key, now); // still in the feed: keep it from expiring
    }
    return true;
  }

  @Override
  public void remember(String feedId, String entryId) {
    write(key(feedId, entryId), clock.instant());
  }

  private void write(String key, Instant at) {
    table.write(key, at.toEpochMilli());
    seenAt.put(key, at.toEpochMilli());
  }

  /** The feed id and a hash of the entry id: entry ids can be long URLs. */
  static String key(String feedId, String entryId) {
    return feedId + "/" + Hashes.sha256HexPrefix(entryId.getBytes(StandardCharsets.UTF_8), 16);
  }

  int size() {
    return seenAt.size();
  }

  @Override
  public void close() throws InterruptedException {
    table.close();
  }
}
