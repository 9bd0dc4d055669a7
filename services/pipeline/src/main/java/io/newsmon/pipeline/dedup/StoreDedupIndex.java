package io.newsmon.pipeline.dedup;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * {@link DedupIndex} over the dedup processor's two changelogged stores, with the LSH buckets in an
 * in-memory {@link LshIndex} rebuilt from the article store when the task starts.
 *
 * <ul>
 *   <li>{@code dedup-articles}: sequence number to the {@link StoredArticle} (id, cluster, time,
 *       fingerprint, and the exact keys that point to it). Sequence numbers grow with stream time,
 *       so the store is also the expiry queue: the window is enforced by scanning from the oldest
 *       sequence and stopping at the first article still inside it.
 *   <li>{@code dedup-keys}: 64-bit exact keys (article id, canonical URL, text) to sequence number,
 *       plus under key 0 the end of the block of sequence numbers handed out (written once per
 *       block, not once per article: a restarted task skips the rest of the block, which costs
 *       nothing).
 * </ul>
 *
 * <p>Two stores, not one per kind of lookup: each store write is a RocksDB write and a changelog
 * record, and a decision costs one article write plus one write per free key.
 */
public final class StoreDedupIndex implements DedupIndex {

  private static final long NEXT_SEQUENCE_KEY = 0L;

  /** Sequence numbers reserved per write of the counter. */
  static final int SEQUENCE_BLOCK = 4096;

  /** Expired articles removed per batch: the iterator is closed before the stores change. */
  private static final int EXPIRY_BATCH = 10_000;

  private final KeyValueStore<Integer, byte[]> articles;
  private final KeyValueStore<Long, Integer> keys;
  private final LshIndex buckets;
  private final ExactKeyFilter keyFilter = new ExactKeyFilter();

  /**
   * Held articles stored before their keys were (formats 3 and 4): their keys are in the key store
   * but not in the filter, so the filter is bypassed until they have left the window.
   */
  private int articlesWithoutKeys;

  private int next;
  private int reservedUntil;

  /** Where the expiry scan starts: the oldest sequence number that may still be held. */
  private int oldest;

  public StoreDedupIndex(
      KeyValueStore<Integer, byte[]> articles, KeyValueStore<Long, Integer> keys) {
    this.articles = articles;
    this.keys = keys;
    long held = articles.approximateNumEntries();
    this.buckets =
        new LshIndex(
            (int) Math.min(Integer.MAX_VALUE / 2, Math.max(1024, held * Signatures.BANDS)));
    Integer stored = keys.get(NEXT_SEQUENCE_KEY);
    this.next = stored == null ? 1 : stored;
    this.reservedUntil = next;
    // Held sequences form one cyclic run ending before `next`: the oldest is the first at or
    // after `next`, or, when none is (no wrap-around yet), the smallest.
    int firstAfterNext = 0;
    int smallest = 0;
    try (KeyValueIterator<Integer, byte[]> all = articles.all()) {
      while (all.hasNext()) {
        KeyValue<Integer, byte[]> entry = all.next();
        StoredArticle read = StoredArticle.fromBytes(entry.value);
        SeenArticle article = read.article();
        buckets.add(Signatures.bandKeys(article.fingerprint().minHash()), entry.key);
        for (long key : read.exactKeys()) {
          keyFilter.add(key, entry.key);
        }
        articlesWithoutKeys += read.exactKeys().length == 0 ? 1 : 0;
        smallest = smallest == 0 ? entry.key : smallest;
        if (firstAfterNext == 0 && entry.key >= next) {
          firstAfterNext = entry.key;
        }
      }
    }
    this.oldest = firstAfterNext != 0 ? firstAfterNext : smallest != 0 ? smallest : next;
  }

  public int lshEntries() {
    return buckets.entries();
  }

  public long lshBytes() {
    return buckets.bytes();
  }

  /** Bytes of the in-memory filters over the exact keys. */
  public long keyFilterBytes() {
    return keyFilter.bytes();
  }

  @Override
  public int nextSequence() {
    if (next == reservedUntil) {
      if (next > Integer.MAX_VALUE - SEQUENCE_BLOCK) {
        next = 1; // wrap before overflow; the window never holds two billion articles
      }
      reservedUntil = next + SEQUENCE_BLOCK;
      keys.put(NEXT_SEQUENCE_KEY, reservedUntil);
    }
    return next++;
  }

  @Override
  public SeenArticle article(int sequence) {
    byte[] bytes = articles.get(sequence);
    return bytes == null ? null : StoredArticle.fromBytes(bytes).article();
  }

  @Override
  public void add(int sequence, SeenArticle article, long[] newExactKeys, int[] bandKeys) {
    articles.put(sequence, new StoredArticle(article, newExactKeys).toBytes());
    // One write batch (one call into RocksDB) for the article's two or three keys.
    List<KeyValue<Long, Integer>> entries = new ArrayList<>(newExactKeys.length);
    for (long key : newExactKeys) {
      entries.add(KeyValue.pair(key, sequence));
      keyFilter.add(key, sequence);
    }
    keys.putAll(entries);
    buckets.add(bandKeys, sequence);
  }

  @Override
  public int exact(long key) {
    if (articlesWithoutKeys == 0 && !keyFilter.mayContain(key)) {
      return 0; // certainly not held: no store lookup
    }
    Integer sequence = keys.get(key);
    return sequence == null ? 0 : sequence;
  }

  @Override
  public void candidates(int[] bandKeys, int limit, IntConsumer consumer) {
    buckets.candidates(bandKeys, limit, consumer);
  }

  @Override
  public int expireBefore(long cutoffMillis) {
    int expired = 0;
    while (true) {
      List<KeyValue<Integer, StoredArticle>> batch = expiredFrom(oldest, cutoffMillis);
      if (batch.isEmpty() && oldest > next) {
        // Past the end of a wrapped-around run: continue from the start of the numbers.
        batch = expiredFrom(1, cutoffMillis);
      }
      if (batch.isEmpty()) {
        keyFilter.retain(oldest, next - 1);
        return expired;
      }
      for (KeyValue<Integer, StoredArticle> entry : batch) {
        forget(entry.key, entry.value);
        expired++;
      }
      int last = batch.get(batch.size() - 1).key;
      oldest = last == Integer.MAX_VALUE ? 1 : last + 1;
    }
  }

  /** Up to a batch of articles from {@code start} on, in sequence order, seen before the cutoff. */
  private List<KeyValue<Integer, StoredArticle>> expiredFrom(int start, long cutoffMillis) {
    List<KeyValue<Integer, StoredArticle>> batch = new ArrayList<>();
    try (KeyValueIterator<Integer, byte[]> from = articles.range(start, Integer.MAX_VALUE)) {
      while (from.hasNext() && batch.size() < EXPIRY_BATCH) {
        KeyValue<Integer, byte[]> entry = from.next();
        StoredArticle stored = StoredArticle.fromBytes(entry.value);
        if (stored.article().seenAtMillis() >= cutoffMillis) {
          break;
        }
        batch.add(KeyValue.pair(entry.key, stored));
      }
    }
    return batch;
  }

  private void forget(int sequence, StoredArticle stored) {
    buckets.remove(Signatures.bandKeys(stored.article().fingerprint().minHash()), sequence);
    articles.delete(sequence);
    Integer boxed = sequence;
    articlesWithoutKeys -= stored.exactKeys().length == 0 ? 1 : 0;
    for (long key : stored.exactKeys()) {
      // A key taken over by a later article (after this one's expiry was due) stays with it.
      if (boxed.equals(keys.get(key))) {
        keys.delete(key);
      }
    }
  }
}
