package io.newsmon.pipeline.dedup;

import java.nio.ByteBuffer;
import java.util.function.IntConsumer;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * {@link DedupIndex} over the dedup processor's changelogged stores, with the LSH buckets in an
 * in-memory {@link LshIndex} rebuilt from the article store when the task starts.
 *
 * <ul>
 *   <li>{@code dedup-articles}: sequence number to the article's id, cluster, time, fingerprint;
 *   <li>{@code dedup-ids}: article id to sequence number (re-published articles);
 *   <li>{@code dedup-exact-keys}: 64-bit URL and text hashes to sequence number, plus under key 0
 *       the end of the block of sequence numbers handed out (written once per block, not once per
 *       article: a restarted task skips the rest of the block, which costs nothing);
 *   <li>{@code dedup-expiry}: (time, sequence) to the article's exact keys, in time order, so the
 *       retention window is enforced by a range scan instead of a full one.
 * </ul>
 */
public final class StoreDedupIndex implements DedupIndex {

  private static final long NEXT_SEQUENCE_KEY = 0L;

  private final KeyValueStore<Integer, byte[]> articles;
  private final KeyValueStore<String, Integer> ids;
  private final KeyValueStore<Long, Integer> exact;
  private final KeyValueStore<Bytes, byte[]> expiry;
  private final LshIndex buckets;
  private int next;
  private int reservedUntil;

  /** Sequence numbers reserved per write of the counter. */
  static final int SEQUENCE_BLOCK = 4096;

  public StoreDedupIndex(
      KeyValueStore<Integer, byte[]> articles,
      KeyValueStore<String, Integer> ids,
      KeyValueStore<Long, Integer> exact,
      KeyValueStore<Bytes, byte[]> expiry) {
    this.articles = articles;
    this.ids = ids;
    this.exact = exact;
    this.expiry = expiry;
    long held = articles.approximateNumEntries();
    this.buckets =
        new LshIndex(
            (int) Math.min(Integer.MAX_VALUE / 2, Math.max(1024, held * Signatures.BANDS)));
    try (KeyValueIterator<Integer, byte[]> all = articles.all()) {
      while (all.hasNext()) {
        KeyValue<Integer, byte[]> entry = all.next();
        SeenArticle article = SeenArticle.fromBytes(entry.value);
        buckets.add(Signatures.bandKeys(article.fingerprint().minHash()), entry.key);
      }
    }
    Integer stored = exact.get(NEXT_SEQUENCE_KEY);
    this.next = stored == null ? 1 : stored;
    this.reservedUntil = next;
  }

  public int lshEntries() {
    return buckets.entries();
  }

  public long lshBytes() {
    return buckets.bytes();
  }

  @Override
  public int sequenceOf(String articleId) {
    Integer sequence = ids.get(articleId);
    return sequence == null ? 0 : sequence;
  }

  @Override
  public int nextSequence() {
    if (next == reservedUntil) {
      if (next > Integer.MAX_VALUE - SEQUENCE_BLOCK) {
        next = 1; // wrap before overflow; the window never holds two billion articles
      }
      reservedUntil = next + SEQUENCE_BLOCK;
      exact.put(NEXT_SEQUENCE_KEY, reservedUntil);
    }
    return next++;
  }

  @Override
  public SeenArticle article(int sequence) {
    byte[] bytes = articles.get(sequence);
    return bytes == null ? null : SeenArticle.fromBytes(bytes);
  }

  @Override
  public void add(int sequence, SeenArticle article, long[] newExactKeys, int[] bandKeys) {
    articles.put(sequence, article.toBytes());
    ids.put(article.articleId(), sequence);
    ByteBuffer keys = ByteBuffer.allocate(newExactKeys.length * Long.BYTES);
    for (long key : newExactKeys) {
      exact.put(key, sequence);
      keys.putLong(key);
    }
    expiry.put(expiryKey(article.seenAtMillis(), sequence), keys.array());
    buckets.add(bandKeys, sequence);
  }

  @Override
  public int exact(long key) {
    Integer sequence = exact.get(key);
    return sequence == null ? 0 : sequence;
  }

  @Override
  public void candidates(int[] bandKeys, int limit, IntConsumer consumer) {
    buckets.candidates(bandKeys, limit, consumer);
  }

  /** Expired articles removed per batch: the iterator is closed before the stores change. */
  private static final int EXPIRY_BATCH = 10_000;

  @Override
  public int expireBefore(long cutoffMillis) {
    int expired = 0;
    while (true) {
      java.util.List<KeyValue<Bytes, byte[]>> batch = new java.util.ArrayList<>();
      try (KeyValueIterator<Bytes, byte[]> old =
          expiry.range(expiryKey(Long.MIN_VALUE, 0), expiryKey(cutoffMillis, 0))) {
        while (old.hasNext() && batch.size() < EXPIRY_BATCH) {
          batch.add(old.next());
        }
      }
      if (batch.isEmpty()) {
        return expired;
      }
      for (KeyValue<Bytes, byte[]> entry : batch) {
        forget(ByteBuffer.wrap(entry.key.get()).getInt(Long.BYTES), entry.value);
        expiry.delete(entry.key);
        expired++;
      }
    }
  }

  private void forget(int sequence, byte[] exactKeys) {
    Integer boxed = sequence;
    SeenArticle article = article(sequence);
    if (article != null) {
      buckets.remove(Signatures.bandKeys(article.fingerprint().minHash()), sequence);
      if (boxed.equals(ids.get(article.articleId()))) {
        ids.delete(article.articleId());
      }
      articles.delete(sequence);
    }
    ByteBuffer keys = ByteBuffer.wrap(exactKeys);
    while (keys.remaining() >= Long.BYTES) {
      long key = keys.getLong();
      if (boxed.equals(exact.get(key))) {
        exact.delete(key);
      }
    }
  }

  /** Big-endian time (sign bit flipped so negative times sort first), then the sequence. */
  private static Bytes expiryKey(long millis, int sequence) {
    return Bytes.wrap(
        ByteBuffer.allocate(Long.BYTES + Integer.BYTES)
            .putLong(millis ^ Long.MIN_VALUE)
            .putInt(sequence)
            .array());
  }
}
