package io.newsmon.pipeline.dedup;

import java.util.function.IntConsumer;

/**
 * The LSH bucket index in primitive arrays: for each article, one 8-byte entry per band (a 32-bit
 * bucket key and the article's 32-bit sequence number) in an open-addressing table kept at most 75
 * % full, so about 85 bytes per article with 8 bands, instead of hundreds in a general-purpose
 * store. The table grows by a quarter when it is 80 % full, so it stays 64 to 80 % full: 80 to 100
 * bytes per article. It holds nothing that is not derivable: the processor rebuilds it from the
 * changelogged article store when a task starts. Not thread-safe.
 */
final class LshIndex {

  private static final long EMPTY = 0L;
  private static final double MAX_LOAD = 0.8;
  private static final double GROWTH = 1.25;

  private long[] table;
  private int entries;

  LshIndex(int expectedEntries) {
    table = new long[Math.max(16, (int) (expectedEntries / MAX_LOAD) + 1)];
  }

  /** Adds the article {@code seq} (>= 1) to the buckets {@code keys}. */
  void add(int[] keys, int seq) {
    requireSeq(seq);
    if (entries + keys.length > table.length * MAX_LOAD) {
      resize((int) Math.min(Integer.MAX_VALUE - 8, (long) (table.length * GROWTH) + keys.length));
    }
    for (int key : keys) {
      insert(table, entry(key, seq));
      entries++;
    }
  }

  /** Removes the article {@code seq} from the buckets {@code keys}; absent entries are ignored. */
  void remove(int[] keys, int seq) {
    requireSeq(seq);
    for (int key : keys) {
      long wanted = entry(key, seq);
      for (int i = slot(key, table.length); table[i] != EMPTY; i = next(i, table.length)) {
        if (table[i] == wanted) {
          deleteAt(i);
          entries--;
          break;
        }
      }
    }
  }

  /**
   * Hands every article sharing a bucket with {@code keys} to {@code consumer}, at most {@code
   * limit} calls (an article in several shared buckets may be handed more than once).
   */
  void candidates(int[] keys, int limit, IntConsumer consumer) {
    int calls = 0;
    for (int key : keys) {
      for (int i = slot(key, table.length); table[i] != EMPTY; i = next(i, table.length)) {
        if ((int) (table[i] >>> 32) == key) {
          consumer.accept((int) table[i]);
          if (++calls >= limit) {
            return;
          }
        }
      }
    }
  }

  int entries() {
    return entries;
  }

  /** Bytes of the table: what the index costs in memory. */
  long bytes() {
    return (long) table.length * Long.BYTES;
  }

  private static long entry(int key, int seq) {
    return ((long) key << 32) | (seq & 0xFFFFFFFFL);
  }

  /** Home slot: the key mixed, then mapped to [0, capacity) by multiply-shift (no modulo). */
  private static int slot(int key, int capacity) {
    int h = key * 0x9E3779B9;
    h ^= h >>> 16;
    return (int) (((h & 0xFFFFFFFFL) * capacity) >>> 32);
  }

  private static int next(int i, int capacity) {
    return i + 1 == capacity ? 0 : i + 1;
  }

  private static void insert(long[] into, long entry) {
    int i = slot((int) (entry >>> 32), into.length);
    while (into[i] != EMPTY) {
      i = next(i, into.length);
    }
    into[i] = entry;
  }

  /** Backward-shift deletion: keeps every probe run unbroken without tombstones. */
  private void deleteAt(int hole) {
    int i = hole;
    while (true) {
      i = next(i, table.length);
      long e = table[i];
      if (e == EMPTY) {
        table[hole] = EMPTY;
        return;
      }
      int home = slot((int) (e >>> 32), table.length);
      // Move e into the hole if the hole lies on e's probe path (cyclically between home and i).
      boolean onPath = hole <= i ? (home <= hole || home > i) : (home <= hole && home > i);
      if (onPath) {
        table[hole] = e;
        hole = i;
      }
    }
  }

  private void resize(int capacity) {
    long[] bigger = new long[capacity];
    for (long e : table) {
      if (e != EMPTY) {
        insert(bigger, e);
      }
    }
    table = bigger;
  }

  private static void requireSeq(int seq) {
    if (seq < 1) {
      throw new IllegalArgumentException("sequence numbers start at 1: " + seq);
    }
  }
}
