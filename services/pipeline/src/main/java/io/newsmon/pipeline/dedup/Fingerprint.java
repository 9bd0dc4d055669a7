package io.newsmon.pipeline.dedup;

import java.util.Objects;

/**
 * What deduplication remembers of a text.
 *
 * @param minHash SuperMinHash signature of the word 3-shingles: estimates Jaccard similarity and
 *     feeds the LSH buckets; empty for texts too short to sign
 * @param simHash 64-bit SimHash of the same shingles: an independent second estimate that verifies
 *     a MinHash match before two articles are merged
 * @param shingles number of distinct shingles: with the Jaccard estimate it gives the overlap, and
 *     so how much of a shorter text a longer one contains
 */
public record Fingerprint(byte[] minHash, long simHash, int shingles) {

  public Fingerprint {
    Objects.requireNonNull(minHash, "minHash");
    if (shingles < 0) {
      throw new IllegalArgumentException("shingles must be >= 0");
    }
  }

  public boolean isSigned() {
    return minHash.length > 0;
  }
}
