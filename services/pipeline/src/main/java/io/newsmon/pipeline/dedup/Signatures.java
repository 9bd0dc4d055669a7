package io.newsmon.pipeline.dedup;

import com.dynatrace.hash4j.hashing.Hasher64;
import com.dynatrace.hash4j.hashing.Hashing;
import com.dynatrace.hash4j.similarity.ElementHashProvider;
import com.dynatrace.hash4j.similarity.SimilarityHashPolicy;
import com.dynatrace.hash4j.similarity.SimilarityHasher;
import com.dynatrace.hash4j.similarity.SimilarityHashing;
import io.newsmon.pipeline.text.TextNormalizer;

/**
 * MinHash signatures over word 3-shingles, and their LSH bucket keys.
 *
 * <p>128 components of 16 bits (256 bytes) estimate Jaccard similarity within about ±0.04, enough
 * to separate copies (0.7 and above) from different articles about the same event (typically below
 * 0.3). 8 bands of 3 components make an article with similarity 0.7 a candidate with probability
 * 0.97, 0.5 with 0.66 and 0.2 with 0.06; candidates are then checked on the full signature.
 *
 * <p>Why 16 bits and not 8: two unrelated articles agree on a b-bit component with probability
 * 2^-b, so on a band of 3 components with 2^-24 at 8 bits. With 10 million articles held and 8
 * bands, that made about 5 chance candidates per article, each a random read of the article store;
 * at 16 bits chance agreement is negligible and only the 32-bit bucket keys collide (about 0.02
 * candidates per article at 10 million).
 */
public final class Signatures {

  static final int SHINGLE_WORDS = 3;
  static final int COMPONENTS = 128;
  static final int BITS_PER_COMPONENT = 16;

  /** LSH: 8 bands of 3 components make Jaccard 0.7 a candidate with probability 0.97. */
  static final int BANDS = 8;

  static final int ROWS_PER_BAND = 3;

  /** Below this many shingles a text is too short for a meaningful similarity estimate. */
  static final int MIN_SHINGLES = 12;

  private static final Hasher64 HASHER = Hashing.komihash5_0();
  private static final SimilarityHashPolicy POLICY =
      SimilarityHashing.superMinHash(COMPONENTS, BITS_PER_COMPONENT);

  private static final SimilarityHashPolicy SIM_HASH = SimilarityHashing.fastSimHash(64);

  private final SimilarityHasher hasher = POLICY.createHasher();
  private final SimilarityHasher simHasher = SIM_HASH.createHasher();

  /** What deduplication derives from a text in one pass. */
  public record Analysis(Fingerprint fingerprint, long textKey) {}

  /** Fingerprint of {@code text}; its MinHash is empty when the text is too short to sign. */
  public Fingerprint fingerprint(String text) {
    return analyze(text).fingerprint();
  }

  /**
   * The fingerprint, and a 64-bit key of the whole token sequence: equal for texts that differ only
   * in case, accents, punctuation, quotes, spacing and the spelling variants the tokens fold.
   * Shingles are hashed from per-token hashes, without building strings; their buffers are kept
   * between calls (an instance serves one thread).
   */
  public Analysis analyze(String text) {
    wordCount = 0;
    sequence = 0;
    TextNormalizer.forEachWordHash(text, this::word);
    int count = Math.max(0, wordCount - SHINGLE_WORDS + 1);
    int distinct = distinctShingles(count);
    long textKey = HASHER.hashLongLongToLong(sequence, wordCount);
    if (distinct < MIN_SHINGLES) {
      return new Analysis(new Fingerprint(new byte[0], 0L, distinct), textKey);
    }
    elements.count = distinct;
    byte[] sim = simHasher.compute(elements);
    return new Analysis(
        new Fingerprint(
            hasher.compute(elements), java.nio.ByteBuffer.wrap(sim).getLong(), distinct),
        textKey);
  }

  private long[] wordHashes = new long[512];
  private int wordCount;
  private long sequence;
  private long[] shingleSet = new long[1024];
  private final Shingles elements = new Shingles();

  /**
   * Each word is hashed twice while read: its spelling key for shingles, and as written for the
   * exact key, a polynomial over the words' (already well mixed) hashes, finished by a mixer.
   */
  private void word(long spellingKey, long plain) {
    if (wordCount == wordHashes.length) {
      wordHashes = java.util.Arrays.copyOf(wordHashes, wordCount * 2);
    }
    wordHashes[wordCount++] = spellingKey;
    sequence = sequence * 0x9E3779B97F4A7C15L + plain;
  }

  /**
   * Hashes the {@code count} shingles and keeps each distinct one once, in {@link #elements}: an
   * open-addressing set instead of a sort, as most shingles of a text are distinct. Returns how
   * many there are.
   */
  private int distinctShingles(int count) {
    int capacity = Integer.highestOneBit(Math.max(16, count) * 2) * 2; // at most half full
    if (shingleSet.length < capacity) {
      shingleSet = new long[capacity];
    } else {
      java.util.Arrays.fill(shingleSet, 0, capacity, 0L);
    }
    if (elements.hashes.length < count) {
      elements.hashes = new long[count];
    }
    int mask = capacity - 1;
    int distinct = 0;
    long[] words = wordHashes;
    for (int i = 0; i < count; i++) {
      long h = shingleHash(words[i], words[i + 1], words[i + 2]);
      int slot = (int) h & mask;
      while (shingleSet[slot] != 0 && shingleSet[slot] != h) {
        slot = (slot + 1) & mask;
      }
      if (shingleSet[slot] == 0) {
        shingleSet[slot] = h;
        elements.hashes[distinct++] = h;
      }
    }
    return distinct;
  }

  /**
   * A shingle's hash from its three words' hashes; never 0, the empty slot. The word hashes are
   * already well mixed 64-bit values, so one multiply-xorshift round over an order-sensitive
   * combination of them is enough (and several times cheaper than a general-purpose hash over 24
   * bytes, on a path that runs for every word of every article).
   */
  static long shingleHash(long first, long second, long third) {
    long h = first + Long.rotateLeft(second, 21) * 0x9E3779B97F4A7C15L + Long.rotateLeft(third, 42);
    h ^= h >>> 32;
    h *= 0xd6e8feb86659fd93L;
    h ^= h >>> 32;
    return h == 0 ? 1 : h;
  }

  /** The distinct shingle hashes of the text being analysed, handed to hash4j without copying. */
  private static final class Shingles implements ElementHashProvider {
    private long[] hashes = new long[512];
    private int count;

    @Override
    public long getElementHash(int index) {
      return hashes[index];
    }

    @Override
    public int getNumberOfElements() {
      return count;
    }
  }

  /**
   * SimHash's estimate of the angle-based similarity (1 - angle / pi) of two shingle sets: about
   * 0.85 for Jaccard 0.8 between texts of similar length, about 0.65 for Jaccard 0.3.
   */
  public static double simHashSimilarity(long a, long b) {
    return 1.0 - Long.bitCount(a ^ b) / 64.0;
  }

  /** Estimated Jaccard similarity of the shingle sets behind two signatures. */
  public static double similarity(byte[] a, byte[] b) {
    if (a.length == 0 || b.length == 0 || a.length != b.length) {
      return 0.0;
    }
    return POLICY.getFractionOfEqualComponents(a, b);
  }

  /** One 32-bit bucket key per band: the band number and the band's components, hashed. */
  public static int[] bandKeys(byte[] signature) {
    if (signature.length == 0) {
      return new int[0];
    }
    int[] keys = new int[BANDS];
    for (int band = 0; band < BANDS; band++) {
      long h = band;
      for (int row = 0; row < ROWS_PER_BAND; row++) {
        h =
            HASHER.hashLongLongToLong(
                h, POLICY.getComponent(signature, band * ROWS_PER_BAND + row));
      }
      keys[band] = (int) (h ^ (h >>> 32));
    }
    return keys;
  }
}
