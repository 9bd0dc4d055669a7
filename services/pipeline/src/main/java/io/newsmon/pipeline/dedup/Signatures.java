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
 * <p>128 components of 8 bits (128 bytes) estimate Jaccard similarity within about ±0.04, enough to
 * separate copies (0.7 and above) from different articles about the same event (typically below
 * 0.3). 8 bands of 3 components make an article with similarity 0.7 a candidate with probability
 * 0.97, 0.5 with 0.66 and 0.2 with 0.06; candidates are then checked on the full signature.
 */
public final class Signatures {

  static final int SHINGLE_WORDS = 3;
  static final int COMPONENTS = 128;
  static final int BITS_PER_COMPONENT = 8;

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
   * Shingles are hashed from per-token hashes, without building strings.
   */
  public Analysis analyze(String text) {
    // Each word hashed twice: its spelling key for shingles, as written for the exact key.
    long[][] hashes = {new long[64]};
    int[] n = {0};
    // The exact key: a polynomial over the words' 64-bit hashes (already well mixed), finished
    // by a mixer; cheaper than streaming every word hash through a general hash function.
    long[] sequence = {0};
    TextNormalizer.forEachWord(
        text,
        (key, plain) -> {
          if (n[0] == hashes[0].length) {
            hashes[0] = java.util.Arrays.copyOf(hashes[0], n[0] * 2);
          }
          hashes[0][n[0]++] = key.hash64();
          sequence[0] = sequence[0] * 0x9E3779B97F4A7C15L + plain.hash64();
        });
    long[] tokenHashes = java.util.Arrays.copyOf(hashes[0], n[0]);
    int count = Math.max(0, tokenHashes.length - SHINGLE_WORDS + 1);
    long[] shingles = new long[count];
    for (int i = 0; i < count; i++) {
      shingles[i] =
          HASHER.hashLongLongLongToLong(tokenHashes[i], tokenHashes[i + 1], tokenHashes[i + 2]);
    }
    java.util.Arrays.sort(shingles);
    int distinct = 0;
    for (int i = 0; i < shingles.length; i++) {
      if (i == 0 || shingles[i] != shingles[i - 1]) {
        shingles[distinct++] = shingles[i];
      }
    }
    long textKey = HASHER.hashLongLongToLong(sequence[0], n[0]);
    if (distinct < MIN_SHINGLES) {
      return new Analysis(new Fingerprint(new byte[0], 0L, distinct), textKey);
    }
    ElementHashProvider elements =
        ElementHashProvider.ofValues(java.util.Arrays.copyOf(shingles, distinct));
    byte[] sim = simHasher.compute(elements);
    return new Analysis(
        new Fingerprint(
            hasher.compute(elements), java.nio.ByteBuffer.wrap(sim).getLong(), distinct),
        textKey);
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
