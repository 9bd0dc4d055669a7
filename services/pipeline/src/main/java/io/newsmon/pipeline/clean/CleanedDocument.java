package io.newsmon.pipeline.clean;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The cleaner's result.
 *
 * @param title headline
 * @param paragraphs main text, one entry per paragraph, boilerplate removed
 * @param url source URL, from the record or found in the document, or null
 * @param canonicalUrl {@code url} normalised for identity, or null
 * @param publishedAt publication time found in the document, or null
 * @param language ISO 639-1 code, or null when unsure
 * @param author byline, or null
 * @param siteName publication name, or null
 */
public record CleanedDocument(
    String title,
    List<String> paragraphs,
    String url,
    String canonicalUrl,
    Instant publishedAt,
    String language,
    String author,
    String siteName) {

  public CleanedDocument {
    Objects.requireNonNull(title, "title");
    paragraphs = List.copyOf(paragraphs);
  }

  public String text() {
    return String.join("\n\n", paragraphs);
  }

  /** Runs of characters between ASCII white space, counted without splitting every paragraph. */
  public int wordCount() {
    int words = 0;
    for (String p : paragraphs) {
      if (p.isBlank()) {
        continue;
      }
      // What p.trim().split("\\s+").length gave: trim() leaves no white space at either end, so
      // that is the number of runs between white space, or one when nothing was left.
      String t = p.trim();
      int runs = 0;
      boolean inWord = false;
      for (int i = 0; i < t.length(); i++) {
        char c = t.charAt(i);
        boolean space = c == ' ' || (c >= '\t' && c <= '\r');
        if (!space && !inWord) {
          runs++;
        }
        inWord = !space;
      }
      words += Math.max(1, runs);
    }
    return words;
  }
}
