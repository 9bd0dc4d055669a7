package io.newsmon.pipeline.dedup;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * What the index keeps per article: its cluster, when it was seen and its MinHash signature.
 *
 * @param clusterId the story cluster (articleId of the cluster's first article)
 * @param seenAtMillis record timestamp when it was processed
 * @param signature MinHash signature, possibly empty for texts too short to sign
 */
public record SeenArticle(String clusterId, long seenAtMillis, byte[] signature) {

  private static final byte FORMAT = 1;

  public SeenArticle {
    Objects.requireNonNull(clusterId, "clusterId");
    Objects.requireNonNull(signature, "signature");
  }

  /** Compact binary form for state stores: format byte, cluster id, time, signature. */
  public byte[] toBytes() {
    byte[] cluster = clusterId.getBytes(StandardCharsets.UTF_8);
    return ByteBuffer.allocate(1 + 2 + cluster.length + 8 + signature.length)
        .put(FORMAT)
        .putShort((short) cluster.length)
        .put(cluster)
        .putLong(seenAtMillis)
        .put(signature)
        .array();
  }

  public static SeenArticle fromBytes(byte[] bytes) {
    ByteBuffer in = ByteBuffer.wrap(bytes);
    byte format = in.get();
    if (format != FORMAT) {
      throw new IllegalArgumentException("unknown SeenArticle format " + format);
    }
    byte[] cluster = new byte[in.getShort()];
    in.get(cluster);
    long seenAt = in.getLong();
    byte[] signature = new byte[in.remaining()];
    in.get(signature);
    return new SeenArticle(new String(cluster, StandardCharsets.UTF_8), seenAt, signature);
  }
}
