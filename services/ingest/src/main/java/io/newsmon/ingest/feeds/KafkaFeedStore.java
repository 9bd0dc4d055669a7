package io.newsmon.ingest.feeds;

import io.newsmon.avro.FeedDefinition;
import io.newsmon.common.CompactedTopicTable;
import io.newsmon.common.KafkaConnection;
import io.newsmon.common.TopicCatalog;
import io.newsmon.feeds.FeedList;
import io.newsmon.schema.AvroSerde;
import java.net.URI;
import java.time.Duration;
import java.util.function.BiConsumer;

/**
 * The admin API's feeds in the compacted {@code ingest.feeds}: read whole at start and followed, so
 * every ingest instance sees every change; written through, so a change survives restarts.
 */
public final class KafkaFeedStore implements AutoCloseable {

  private final CompactedTopicTable<FeedDefinition> table;

  /** Starts following the topic; {@code onChange} gets every feed stored (null: removed). */
  public KafkaFeedStore(KafkaConnection kafka, BiConsumer<String, FeedDirectory.Entry> onChange) {
    this.table =
        new CompactedTopicTable<>(
            kafka,
            TopicCatalog.INGEST_FEEDS,
            AvroSerde.of(FeedDefinition.class),
            "newsmon-ingest-feeds",
            (id, definition) -> onChange.accept(id, definition == null ? null : entry(definition)));
  }

  public boolean awaitLoaded(Duration timeout) throws InterruptedException {
    return table.awaitCaughtUp(timeout);
  }

  public boolean isLoaded() {
    return table.isCaughtUp();
  }

  /** Stores {@code entry}, waiting for the broker. */
  public void save(FeedDirectory.Entry entry) {
    FeedList.Feed feed = entry.feed();
    table.write(
        feed.id(),
        FeedDefinition.newBuilder()
            .setId(feed.id())
            .setUrl(feed.url().toString())
            .setEverySeconds(feed.every().toSeconds())
            .setSourceId(feed.sourceId())
            .setUpdatedAt(entry.updatedAt())
            .setUpdatedBy(entry.updatedBy())
            .build());
  }

  /** Removes feed {@code id}, waiting for the broker. */
  public void delete(String id) {
    table.write(id, null);
  }

  static FeedDirectory.Entry entry(FeedDefinition d) {
    return new FeedDirectory.Entry(
        new FeedList.Feed(
            d.getId(),
            URI.create(d.getUrl()),
            Duration.ofSeconds(d.getEverySeconds()),
            d.getSourceId()),
        FeedDirectory.Origin.API,
        d.getUpdatedAt(),
        d.getUpdatedBy());
  }

  @Override
  public void close() throws InterruptedException {
    table.close();
  }
}
