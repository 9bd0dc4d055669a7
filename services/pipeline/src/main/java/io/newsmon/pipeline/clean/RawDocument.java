package io.newsmon.pipeline.clean;

import java.util.Objects;

/**
 * What the cleaner needs of a raw article.
 *
 * @param payload the bytes as published
 * @param contentType MIME type (parameters such as charset allowed)
 * @param charset declared character set, or null
 * @param url where it came from, or null
 */
public record RawDocument(byte[] payload, String contentType, String charset, String url) {
  public RawDocument {
    Objects.requireNonNull(payload, "payload");
    Objects.requireNonNull(contentType, "contentType");
  }
}
