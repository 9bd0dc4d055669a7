package io.newsmon.pipeline.clean;

import java.util.Objects;

/**
 * What the cleaner needs of a raw article.
 *
 * @param payload the bytes as published
 * @param contentType MIME type (parameters such as charset allowed)
 * @param charset declared character set, or null
 * @param url where it came from, or null
 * @param titleHint the headline as the producer knows it (a feed entry's title), used when the
 *     document names none; null when there is none
 */
public record RawDocument(
    byte[] payload, String contentType, String charset, String url, String titleHint) {
  public RawDocument {
    Objects.requireNonNull(payload, "payload");
    Objects.requireNonNull(contentType, "contentType");
  }

  public RawDocument(byte[] payload, String contentType, String charset, String url) {
    this(payload, contentType, charset, url, null);
  }
}
