package io.newsmon.pipeline.dedup;

import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;

/**
 * In-memory Bloom filters over the exact keys held in the window, so the lookups that miss (most of
 * them: most articles are new) do not reach RocksDB. A miss there is the most expensive store call
 * of a decision: RocksJava reports "not found" by throwing and catching a C++ exception inside its
 * JNI code, and the search probes the memtable and every level first (about 9 µs of the 50 µs a
 * decision took at 10 million articles held, measured with async-profiler).
 *
 * <p>One filter per generation of {@value #GENERATION_BITS}-bit sequence blocks (about a million
 * articles): a Bloom filter cannot forget a key, so a generation is dropped whole once every
 * article of its block has left the window. A lookup asks every live generation; a key is "absent"
 * only when none may hold it, and then it is certainly absent. A false "may be present" (about 1 %
 * per generation) costs one RocksDB lookup, as before.
 *
 * <p>Each filter is blocked (the bits of a key lie in one 64-byte cache line) and sized for three
 * keys per sequence number at 10 bits per key: about 3.75 bytes per article, well inside the 100
 * bytes of index per article the stage allows itself beside the LSH buckets. Written here rather
 * than taken from a library because the generations are the point, and the keys are already
 * uniformly distributed 64-bit hashes. Not thread-safe, like the stores of a task.
 */
final class ExactKeyFilter {

  /** Sequence numbers per generation: 2^20. */
  static final int GENERATION_BITS = 20;

  private static final int KEYS_PER_ARTICLE = 3;
  private static final int BITS_PER_KEY = 10;
  private static final int BITS_SET_PER_KEY = 6;
  private static final int LONGS_PER_BLOCK = 8; // 512 bits, one cache line

  private final int blocksPerFilter;
  private final Map<Integer, long[]> generations = new TreeMap<>();

  ExactKeyFilter() {
    this(1 << GENERATION_BITS);
  }

  /** Filters sized for {@code articlesPerGeneration} articles (tests use small ones). */
  ExactKeyFilter(int articlesPerGeneration) {
    long bits = (long) articlesPerGeneration * KEYS_PER_ARTICLE * BITS_PER_KEY;
    this.blocksPerFilter = (int) Math.max(1, bits / (LONGS_PER_BLOCK * 64));
  }

  static int generationOf(int sequence) {
    return sequence >>> GENERATION_BITS;
  }

  /** Records that {@code key} points to the article with {@code sequence}. */
  void add(long key, int sequence) {
    long[] bits =
        generations.computeIfAbsent(
            generationOf(sequence), g -> new long[blocksPerFilter * LONGS_PER_BLOCK]);
    long h = mix(key);
    int base = block(h);
    long positions = positions(h);
    for (int i = 0; i < BITS_SET_PER_KEY; i++) {
      int bit = (int) (positions >>> (i * 9)) & 511;
      bits[base + (bit >>> 6)] |= 1L << bit;
    }
  }

  /** False only when no article in the window can have {@code key}. */
  boolean mayContain(long key) {
    long h = mix(key);
    int base = block(h);
    long positions = positions(h);
    for (long[] bits : generations.values()) {
      if (contains(bits, base, positions)) {
        return true;
      }
    }
    return false;
  }

  private static boolean contains(long[] bits, int base, long positions) {
    for (int i = 0; i < BITS_SET_PER_KEY; i++) {
      int bit = (int) (positions >>> (i * 9)) & 511;
      if ((bits[base + (bit >>> 6)] & (1L << bit)) == 0) {
        return false;
      }
    }
    return true;
  }

  /**
   * Drops the generations outside the window, whose articles run from {@code oldest} to {@code
   * newest} (cyclically: sequence numbers wrap around before they overflow).
   */
  void retain(int oldest, int newest) {
    int first = generationOf(oldest);
    int last = generationOf(newest);
    Iterator<Integer> it = generations.keySet().iterator();
    while (it.hasNext()) {
      int g = it.next();
      boolean live = first <= last ? g >= first && g <= last : g >= first || g <= last;
      if (!live) {
        it.remove();
      }
    }
  }

  int generations() {
    return generations.size();
  }

  long bytes() {
    return (long) generations.size() * blocksPerFilter * LONGS_PER_BLOCK * Long.BYTES;
  }

  /** The block's first long, from the high 32 bits of the hash. */
  private int block(long h) {
    return (int) (((h >>> 32) * blocksPerFilter) >>> 32) * LONGS_PER_BLOCK;
  }

  /** Six 9-bit positions in the block, from a second round of mixing, independent of the block. */
  private static long positions(long h) {
    long p = h * 0xc4ceb9fe1a85ec53L;
    return p ^ (p >>> 29);
  }

  /** The keys are hashes already; remixed so the filter's bits do not reuse the store's. */
  private static long mix(long key) {
    long h = key * 0x9E3779B97F4A7C15L;
    h ^= h >>> 29;
    h *= 0xbf58476d1ce4e5b9L;
    return h ^ (h >>> 32);
  }
}
