package io.newsmon.pipeline.clean;

import io.newsmon.pipeline.clean.ArticleCleaner.Format;
import io.newsmon.pipeline.clean.RejectedArticleException.Reason;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Pattern;

/** What a payload is: the content type says it, else the first bytes do. */
final class Formats {

  private static final Pattern HTML_START =
      Pattern.compile(
          "(?is)^\\s*(<!--.*?-->\\s*)*<(!doctype\\s+html|html|head|body|article|div|p|meta|title)\\b");

  private Formats() {}

  static Format detect(String contentType, byte[] payload) {
    String type = contentType.toLowerCase(Locale.ROOT).split(";")[0].strip();
    return switch (type) {
      case "text/html", "application/xhtml+xml" -> Format.HTML;
      case "text/markdown", "text/x-markdown" -> Format.MARKDOWN;
      case "application/json", "application/ld+json", "text/json" -> Format.JSON;
      case "text/plain", "", "application/octet-stream", "binary/octet-stream" -> sniff(payload);
      default -> {
        if (type.startsWith("text/")) {
          yield sniff(payload);
        }
        throw new RejectedArticleException(
            Reason.UNSUPPORTED_CONTENT_TYPE,
            "content type '" + contentType + "' is not HTML, Markdown, plain text or JSON");
      }
    };
  }

  /** Guesses from the first bytes, read as ASCII: every supported encoding agrees there. */
  static Format sniff(byte[] payload) {
    int start = 0;
    if (payload.length >= 3 && (payload[0] & 0xFF) == 0xEF && (payload[1] & 0xFF) == 0xBB) {
      start = 3;
    }
    String head =
        new String(
            payload, start, Math.min(payload.length - start, 1024), StandardCharsets.ISO_8859_1);
    if (HTML_START.matcher(head).find()) {
      return Format.HTML;
    }
    String trimmed = head.stripLeading();
    if (trimmed.startsWith("{") && trimmed.contains("\"")) {
      return Format.JSON;
    }
    return Format.PLAIN;
  }
}
