package io.newsmon.pipeline.clean;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Paragraph-level boilerplate rules that hold across news sites: calls to subscribe, donate or
 * follow, "related"/"read more" teasers, lone credits and button labels, and the appeal blocks that
 * sites append after the article.
 *
 * <p>Two mechanisms: a single paragraph is dropped when it is a known boilerplate phrase or too
 * short to be prose; and in the last part of the text, the first boilerplate paragraph that is
 * followed by more boilerplate starts a tail that is cut whole, because appeal blocks mix marker
 * paragraphs with ordinary-looking sentences ("We are facing unprecedented challenges").
 */
final class Boilerplate {

  private static final Pattern MARKER =
      Pattern.compile(
          "(?i)\\b(sign up|subscribe|subscription|subscribers|newsletter|support (us|the|our|independent)"
              + "|donat(e|ion)|contribut(e|ion) (today|now)|a message from|privacy policy|cookie"
              + "|all rights reserved|follow us|share this|read more|related (article|story|stories|content)"
              + "|most read|advertisement|remind me later|not ready to support)\\b");
  private static final Pattern DOMAIN_CREDIT = Pattern.compile("(?i)^[\\w.-]+\\.[a-z]{2,}$");
  private static final Pattern ORIGINAL_URL = Pattern.compile("(?i)^(original url|source):?\\s*$");

  private Boilerplate() {}

  static boolean isMarker(String paragraph) {
    return MARKER.matcher(paragraph).find() && paragraph.length() < 600;
  }

  /** Paragraphs without boilerplate, in order. */
  static List<String> strip(List<String> paragraphs) {
    int tail = tailStart(paragraphs);
    List<String> body = tail < 0 ? paragraphs : paragraphs.subList(0, tail);
    List<String> kept = new ArrayList<>();
    for (String p : body) {
      if (!isNoise(p)) {
        kept.add(p);
      }
    }
    return kept;
  }

  private static boolean isNoise(String p) {
    String t = p.strip();
    if (t.isEmpty()
        || isMarker(t)
        || DOMAIN_CREDIT.matcher(t).matches()
        || ORIGINAL_URL.matcher(t).matches()) {
      return true;
    }
    // Button and menu labels: one or two words without sentence punctuation.
    String[] words = t.split("\\s+");
    return words.length <= 2 && !t.matches(".*[.!?\"”:]$");
  }

  /**
   * Index where a trailing appeal block starts, or -1: the first marker paragraph that starts in
   * the last 40 % of the words and is followed by another marker.
   */
  static int tailStart(List<String> paragraphs) {
    int total = 0;
    for (String p : paragraphs) {
      total += words(p);
    }
    int seen = 0;
    for (int i = 0; i < paragraphs.size(); i++) {
      String p = paragraphs.get(i);
      if (seen >= total * 0.6 && isMarker(p)) {
        for (int j = i + 1; j < paragraphs.size(); j++) {
          if (isMarker(paragraphs.get(j))) {
            return i;
          }
        }
      }
      seen += words(p);
    }
    return -1;
  }

  static int words(String p) {
    String t = p.strip();
    return t.isEmpty() ? 0 : t.split("\\s+").length;
  }
}
