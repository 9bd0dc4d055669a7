package io.newsmon.pipeline.dedup;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * An article as the dedup store keeps it: what was seen, and the exact keys (article id, canonical
 * URL, text) recorded under its sequence number, so they can be freed with it when it leaves the
 * window without a separate expiry index.
 *
 * @param article what deduplication remembers of the article
 * @param exactKeys the keys that point to this article in the key store
 */
record StoredArticle(SeenArticle article, long[] exactKeys) {

  /**
   * Format 6: 16-bit MinHash components of the current word and shingle hashes, and the exact keys.
   * Format 5 (the same layout with the word hashes before session 4) and formats 3 and 4 (older
   * word hashes, 8-bit components, no keys) are read without their MinHash: such articles keep
   * their cluster, id and keys, but no new article is compared with them, and they leave the window
   * within its retention.
   */
  private static final byte FORMAT = 6;

  /** The first format that stores the exact keys. */
  private static final byte FIRST_FORMAT_WITH_KEYS = 5;

  private static final int OLDEST_READABLE_FORMAT = 3;

  StoredArticle {
    Objects.requireNonNull(article, "article");
    Objects.requireNonNull(exactKeys, "exactKeys");
  }

  /** Format, keys, id, cluster (empty when it is the id), time, shingles, SimHash, MinHash. */
  byte[] toBytes() {
    byte[] id = article.articleId().getBytes(StandardCharsets.UTF_8);
    byte[] cluster =
        article.clusterId().equals(article.articleId())
            ? new byte[0]
            : article.clusterId().getBytes(StandardCharsets.UTF_8);
    Fingerprint fingerprint = article.fingerprint();
    byte[] minHash = fingerprint.minHash();
    ByteBuffer out =
        ByteBuffer.allocate(
            1
                + 1
                + exactKeys.length * Long.BYTES
                + 2
                + id.length
                + 2
                + cluster.length
                + 8
                + 4
                + 8
                + minHash.length);
    out.put(FORMAT).put((byte) exactKeys.length);
    for (long key : exactKeys) {
      out.putLong(key);
    }
    return out.putShort((short) id.length)
        .put(id)
        .putShort((short) cluster.length)
        .put(cluster)
        .putLong(article.seenAtMillis())
        .putInt(fingerprint.shingles())
        .putLong(fingerprint.simHash())
        .put(minHash)
        .array();
  }

  static StoredArticle fromBytes(byte[] bytes) {
    ByteBuffer in = ByteBuffer.wrap(bytes);
    byte format = in.get();
    if (format < OLDEST_READABLE_FORMAT || format > FORMAT) {
      throw new IllegalArgumentException("unknown stored article format " + format);
    }
    long[] keys = new long[format >= FIRST_FORMAT_WITH_KEYS ? in.get() : 0];
    for (int i = 0; i < keys.length; i++) {
      keys[i] = in.getLong();
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
    return new StoredArticle(
        new SeenArticle(
            articleId,
            cluster.length == 0 ? articleId : new String(cluster, StandardCharsets.UTF_8),
            seenAt,
            format == FORMAT
                ? new Fingerprint(minHash, simHash, shingles)
                : new Fingerprint(new byte[0], 0L, shingles)),
        keys);
  }
}
