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

  static final Pattern MARKER =
      Pattern.compile(
          "(?i)\\b(sign up|subscribe|subscription|subscribers|newsletter|support (us|the|our|independent)"
              + "|donat(e|ion)|contribut(e|ion) (today|now)|a message from|privacy policy|cookie"
              + "|all rights reserved|follow us|share this|read more|related (article|story|stories|content)"
              + "|most read|most popular|related links?|related roundup|advertisement|remind me later"
              + "|you may also like|more from|more (great |top |latest )?[\\w ]{0,20}stories|loading content"
              + "|tell us what you think|to your inbox|in your inbox|delivered to your"
              + "|(our |the )?latest (stories|news|articles)|click here|share (it|this)( story| article)?"
              + " with|like this (story|article)"
              + "|not ready to support)\\b");
  private static final Pattern BYLINE =
      Pattern.compile(
          "^(?i:by|written by|reporting by|words by)\\s+\\p{Lu}[\\p{L}.'’-]*(\\s+(?i:and\\s+)?\\p{Lu}[\\p{L}.'’-]*){0,4}"
              + "(\\s*[,|·•-].*)?$");
  private static final Pattern ISO_DATE_TIME =
      Pattern.compile("\\b\\d{4}-\\d{2}-\\d{2}([ T]\\d{2}:\\d{2}(:\\d{2})?)?\\b");
  private static final Pattern DATE_WORDS =
      Pattern.compile(
          "(?i)\\b(jan(uary)?|feb(ruary)?|mar(ch)?|apr(il)?|may|june?|july?|aug(ust)?|sep(t(ember)?)?"
              + "|oct(ober)?|nov(ember)?|dec(ember)?|mon(day)?|tue(sday)?|wed(nesday)?|thu(rsday)?"
              + "|fri(day)?|sat(urday)?|sun(day)?|published|updated|posted|last|first|on|at|am|pm"
              + "|[a-z]{2,4}t|utc|gmt|ago|an?|hours?|minutes?|days?|weeks?|yesterday|today|by)\\b"
              + "|\\d+(st|nd|rd|th)?|[:,.|·•/@()\\-–—]");
  private static final Pattern DOMAIN_CREDIT = Pattern.compile("(?i)^[\\w.-]+\\.[a-z]{2,}$");
  private static final Pattern ORIGINAL_URL = Pattern.compile("(?i)^(original url|source):?\\s*$");

  private Boilerplate() {}

  /**
   * A dateline such as "Published Nov 18, 2019 @17:19 PM · Updated: an hour ago": short, with a
   * number, and nothing left once date and time words are removed.
   */
  static boolean isDateline(String paragraph) {
    String t = paragraph.strip();
    if (words(t) <= 6 && ISO_DATE_TIME.matcher(t).find()) {
      return true; // "Jane Doe 2019-11-20 14:35:08" in teaser lists
    }
    return words(t) <= 14
        && t.chars().anyMatch(Character::isDigit)
        && DATE_WORDS.matcher(t).replaceAll(" ").isBlank();
  }

  /** "By Phil Helsel", "By Jane Doe and John Roe, Reuters": a byline, not text. */
  static boolean isByline(String paragraph) {
    String t = paragraph.strip();
    return words(t) <= 10 && BYLINE.matcher(t).matches();
  }

  /** A short line that is a call to action or a teaser ("Sign up for our newsletter"). */
  static boolean isMarker(String paragraph) {
    return words(paragraph) <= 30 && matchesMarker(paragraph);
  }

  /** Any paragraph that speaks of subscribing, donating, newsletters and the like. */
  private static boolean mentionsMarker(String paragraph) {
    return paragraph.length() < 600 && matchesMarker(paragraph);
  }

  /**
   * Literal words every {@link #MARKER} match contains, lower-case. Most paragraphs contain none of
   * them, and looking for literals is an order of magnitude cheaper than trying the expression's
   * alternatives at every character (the end-to-end profile had it among the clean stage's top
   * costs).
   */
  private static final String[] MARKER_WORDS = {
    "sign up",
    "subscri",
    "newsletter",
    "support ",
    "donat",
    "contribut",
    "a message from",
    "privacy policy",
    "cookie",
    "all rights reserved",
    "follow us",
    "share ",
    "read more",
    "related ",
    "most read",
    "most popular",
    "advertisement",
    "remind me later",
    "you may also like",
    "more ",
    "loading content",
    "tell us what you think",
    "inbox",
    "delivered to your",
    "latest ",
    "click here",
    "like this",
    "not ready to support"
  };

  static boolean matchesMarker(String paragraph) {
    String lower = paragraph.toLowerCase(java.util.Locale.ROOT);
    for (String word : MARKER_WORDS) {
      if (lower.contains(word)) {
        return MARKER.matcher(paragraph).find();
      }
    }
    return false;
  }

  /** Paragraphs without boilerplate, in order. */
  static List<String> strip(List<String> paragraphs) {
    Verdicts verdicts = new Verdicts(paragraphs);
    int tail = tailStart(verdicts);
    int end = tail < 0 ? paragraphs.size() : tail;
    List<String> kept = new ArrayList<>();
    for (int i = 0; i < end; i++) {
      if (!verdicts.noise(i)) {
        kept.add(paragraphs.get(i));
      }
    }
    return kept;
  }

  private static final Pattern SENTENCE_END = Pattern.compile(".*[.!?\"”:。！？]$");

  private static boolean isNoise(String p) {
    String t = p.strip();
    if (t.isEmpty()
        || isMarker(t)
        || isDateline(t)
        || isByline(t)
        || DOMAIN_CREDIT.matcher(t).matches()
        || ORIGINAL_URL.matcher(t).matches()) {
      return true;
    }
    // Button and menu labels: one or two short words without sentence punctuation.
    return words(t) <= 2 && t.length() < 30 && !SENTENCE_END.matcher(t).matches();
  }

  /**
   * Index where a trailing appeal block starts, or -1: the first short call to action, after at
   * least 80 words of text, such that at least 60 % of the words from there on are boilerplate or
   * appeal. A newsletter box in mid-article followed by more article does not qualify; a newsletter
   * box followed by a donation appeal ("We, the journalists of ..., need your help") does.
   */
  static int tailStart(List<String> paragraphs) {
    return tailStart(new Verdicts(paragraphs));
  }

  private static int tailStart(Verdicts verdicts) {
    int seen = 0;
    for (int i = 0; i < verdicts.size(); i++) {
      if (seen >= 80 && verdicts.marker(i)) {
        int boilerplate = 0;
        int all = 0;
        for (int j = i; j < verdicts.size(); j++) {
          int w = Math.max(1, verdicts.words(j));
          all += w;
          if (verdicts.tailBoilerplate(j)) {
            boilerplate += w;
          }
        }
        if (boilerplate * 10 >= all * 6 || onlyShortLinesFollow(verdicts, i)) {
          return i;
        }
      }
      seen += verdicts.words(i);
    }
    return -1;
  }

  /**
   * What the rules say of each paragraph, each worked out at most once: {@link #tailStart} asks
   * about every paragraph after each call to action it meets, then {@link #strip} about the body
   * again, and on pages with many "share"/"more"/"related" lines the repeats were most of the clean
   * stage's boilerplate time (end-to-end profile, docs/benchmarks.md).
   */
  private static final class Verdicts {
    private static final byte UNKNOWN = 0;
    private static final byte NO = 1;
    private static final byte YES = 2;

    private final List<String> paragraphs;
    private final int[] words;
    private final byte[] marker;
    private final byte[] noise;
    private final byte[] tailBoilerplate;

    Verdicts(List<String> paragraphs) {
      this.paragraphs = paragraphs;
      int n = paragraphs.size();
      this.words = new int[n];
      java.util.Arrays.fill(words, -1);
      this.marker = new byte[n];
      this.noise = new byte[n];
      this.tailBoilerplate = new byte[n];
    }

    int size() {
      return paragraphs.size();
    }

    int words(int i) {
      if (words[i] < 0) {
        words[i] = Boilerplate.words(paragraphs.get(i));
      }
      return words[i];
    }

    boolean marker(int i) {
      if (marker[i] == UNKNOWN) {
        marker[i] = isMarker(paragraphs.get(i)) ? YES : NO;
      }
      return marker[i] == YES;
    }

    boolean noise(int i) {
      if (noise[i] == UNKNOWN) {
        noise[i] = isNoise(paragraphs.get(i)) ? YES : NO;
      }
      return noise[i] == YES;
    }

    /** Counts against the text after a call to action: marker talk, noise or an appeal. */
    boolean tailBoilerplate(int i) {
      if (tailBoilerplate[i] == UNKNOWN) {
        String p = paragraphs.get(i);
        tailBoilerplate[i] = mentionsMarker(p) || noise(i) || isAppeal(p) ? YES : NO;
      }
      return tailBoilerplate[i] == YES;
    }
  }

  /** After a "Latest stories" or "Related" heading, nothing but teaser-length lines. */
  private static boolean onlyShortLinesFollow(Verdicts verdicts, int heading) {
    if (heading == verdicts.size() - 1) {
      return true;
    }
    for (int j = heading + 1; j < verdicts.size(); j++) {
      if (verdicts.words(j) > 30) {
        return false;
      }
    }
    return true;
  }

  /** Addressed to the reader: "we", "our", "you" make up a noticeable share of the words. */
  static boolean isAppeal(String paragraph) {
    // Counts the tokens split("[^\\p{L}']+") gave, without the split: the boilerplate check runs
    // on every paragraph after a call to action. A string starting with a delimiter had an empty
    // first token, and that token counted.
    String lower = paragraph.toLowerCase(java.util.Locale.ROOT);
    int tokens = 0;
    int personal = 0;
    int start = -1;
    for (int i = 0; i <= lower.length(); ) {
      int codePoint = i < lower.length() ? lower.codePointAt(i) : ' ';
      boolean inToken = i < lower.length() && (codePoint == '\'' || Character.isLetter(codePoint));
      if (inToken && start < 0) {
        start = i;
      } else if (!inToken && start >= 0) {
        tokens++;
        if (i - start <= LONGEST_APPEAL_WORD && APPEAL_WORDS.contains(lower.substring(start, i))) {
          personal++;
        }
        start = -1;
      }
      i += i < lower.length() ? Character.charCount(codePoint) : 1;
    }
    if (tokens > 0 && !lower.isEmpty()) {
      int first = lower.codePointAt(0);
      if (first != '\'' && !Character.isLetter(first)) {
        tokens++;
      }
    }
    return tokens >= 8 && personal * 100 >= tokens * 7;
  }

  private static final int LONGEST_APPEAL_WORD = 6;

  private static final java.util.Set<String> APPEAL_WORDS =
      java.util.Set.of(
          "we", "our", "us", "ours", "you", "your", "yours", "you're", "we're", "we've", "you've",
          "we’re", "you’re");

  /**
   * Words of {@code p} split at ASCII white space, as {@code p.strip().split("\\s+")} counts them
   * but without a regular expression or an array: every rule asks it of every paragraph.
   */
  static int words(String p) {
    String t = p.strip();
    int count = 0;
    boolean inWord = false;
    for (int i = 0; i < t.length(); i++) {
      char c = t.charAt(i);
      boolean space = c == ' ' || (c >= '\t' && c <= '\r');
      if (!space && !inWord) {
        count++;
      }
      inWord = !space;
    }
    return count;
  }
}
