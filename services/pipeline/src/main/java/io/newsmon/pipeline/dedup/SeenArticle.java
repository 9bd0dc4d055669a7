package io.newsmon.pipeline.dedup;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * What the index keeps per article: its id, its cluster, when it was seen and its fingerprint. The
 * cluster is stored only when it differs from the id (a copy), which most articles are not.
 *
 * @param articleId the article
 * @param clusterId the story cluster (articleId of the cluster's first article)
 * @param seenAtMillis record timestamp when it was processed
 * @param fingerprint the text's MinHash, SimHash and shingle count
 */
public record SeenArticle(
    String articleId, String clusterId, long seenAtMillis, Fingerprint fingerprint) {

  /**
   * Format 4: word hashes computed while tokenizing. Format 3 fingerprints used other word hashes,
   * so they are read without their MinHash: such articles still hold their cluster and id, but no
   * new article is compared with them (they leave the window within its retention).
   */
  private static final byte FORMAT = 4;

  private static final byte FORMAT_OTHER_WORD_HASHES = 3;

  public SeenArticle {
    Objects.requireNonNull(articleId, "articleId");
    Objects.requireNonNull(clusterId, "clusterId");
    Objects.requireNonNull(fingerprint, "fingerprint");
  }

  /** Compact binary form for state stores: format, cluster id, time, shingles, SimHash, MinHash. */
  public byte[] toBytes() {
    byte[] id = articleId.getBytes(StandardCharsets.UTF_8);
    byte[] cluster =
        clusterId.equals(articleId) ? new byte[0] : clusterId.getBytes(StandardCharsets.UTF_8);
    byte[] minHash = fingerprint.minHash();
    return ByteBuffer.allocate(1 + 2 + id.length + 2 + cluster.length + 8 + 4 + 8 + minHash.length)
        .put(FORMAT)
        .putShort((short) id.length)
        .put(id)
        .putShort((short) cluster.length)
        .put(cluster)
        .putLong(seenAtMillis)
        .putInt(fingerprint.shingles())
        .putLong(fingerprint.simHash())
        .put(minHash)
        .array();
  }

  public static SeenArticle fromBytes(byte[] bytes) {
    ByteBuffer in = ByteBuffer.wrap(bytes);
    byte format = in.get();
    if (format != FORMAT && format != FORMAT_OTHER_WORD_HASHES) {
      throw new IllegalArgumentException("unknown SeenArticle format " + format);
    }
    byte[] id = new byte[in.getShort()];
    in.get(id);
    byte[] cluster = new byte[in.getShort()];
    in.get(cluster);
    long seenAt = in.getLong();
    int shingles = in.getInt();
    long simHash = in.getLong();
    byte[] minHash = new byte[in.remaining()];
    in.get(minHash);
    String articleId = new String(id, StandardCharsets.UTF_8);
    return new SeenArticle(
        articleId,
        cluster.length == 0 ? articleId : new String(cluster, StandardCharsets.UTF_8),
        seenAt,
        format == FORMAT
            ? new Fingerprint(minHash, simHash, shingles)
            : new Fingerprint(new byte[0], 0L, shingles));
  }
}
