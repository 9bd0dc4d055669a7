package io.newsmon.common;

import java.nio.charset.StandardCharsets;

/**
 * Article ids as producers choose them: stable, so publishing the same article again (a restarted
 * poller, a retried HTTP request, a file published twice) yields the same id, and the dedup stage
 * calls the second a copy of the first.
 */
public final class ArticleIds {

  private ArticleIds() {}

  /** For an article known by its URL: the source and the URL (as the source names it). */
  public static String ofLink(String sourceId, String url) {
    return "art_"
        + Hashes.sha256HexPrefix((sourceId + "\n" + url).getBytes(StandardCharsets.UTF_8), 12);
  }

  /** For an article without a URL: its bytes. */
  public static String ofPayload(byte[] payload) {
    return "art_" + Hashes.sha256HexPrefix(payload, 12);
  }
}
