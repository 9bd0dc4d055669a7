package io.newsmon.pipeline.clean;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import opennlp.tools.langdetect.Language;
import opennlp.tools.langdetect.LanguageDetectorME;
import opennlp.tools.langdetect.LanguageDetectorModel;

/**
 * The language of an article, by Apache OpenNLP's language detector and its 103-language model
 * ({@code langdetect-183.bin}, from Maven Central). Answers ISO 639-1 codes, or null when the text
 * is too short or the detector is unsure.
 *
 * <p>The model costs about 0.4 ms per call plus 0.8 µs per character, which made it the largest
 * single cost of the whole pipeline (38 % of its CPU in the end-to-end benchmark's profile). Most
 * of what a monitoring system reads is English, and English text announces itself: a quarter or
 * more of its words are a few dozen function words (news pages: 23–33 %; other languages on the
 * same set: at most 6 %). Text that plainly passes that test is answered {@code en} without the
 * model; everything else still goes to it. On the 91 pages of the extraction benchmark the answers
 * are the same as the model's alone.
 */
final class LanguageGuesser {

  /** Below this many letters an answer would be a guess. */
  private static final int MIN_LETTERS = 40;

  private static final double MIN_CONFIDENCE = 0.5;

  /**
   * The detector reads this much; more text adds time, not accuracy (on the extraction benchmark's
   * pages 1,000 characters gave the same answers as 4,000).
   */
  private static final int SAMPLE_CHARS = 2000;

  /** Words the English test reads. */
  private static final int ENGLISH_SAMPLE_WORDS = 300;

  /**
   * The most frequent English function words: none of them is a frequent word of another language
   * written in Latin letters (no "a", "de", "in", "die", "en", "la", "is" — shared with Dutch,
   * German, French, Spanish, Italian or Portuguese).
   */
  private static final java.util.Set<String> ENGLISH_FUNCTION_WORDS =
      java.util.Set.of(
          "the", "of", "and", "to", "that", "for", "with", "was", "were", "said", "his", "her",
          "its", "their", "they", "this", "which", "from", "have", "has", "had", "been", "would",
          "will", "who", "not", "but", "are", "by", "on", "at", "it", "as", "an", "be", "we", "he",
          "she", "after", "about", "more", "than", "there", "when", "what", "also");

  private static final Map<String, String> ISO3_TO_ISO1 = iso3ToIso1();

  private final LanguageDetectorME detector = new LanguageDetectorME(Model.INSTANCE);

  /** ISO 639-1 code of {@code text}'s language, or null. */
  String guess(String text) {
    if (text.codePoints().filter(Character::isLetter).limit(MIN_LETTERS).count() < MIN_LETTERS) {
      return null;
    }
    if (plainlyEnglish(text)) {
      return "en";
    }
    return guessWithModel(text.length() > SAMPLE_CHARS ? text.substring(0, SAMPLE_CHARS) : text);
  }

  /** The model's answer alone. */
  String guessWithModel(String sample) {
    Language best = detector.predictLanguage(sample);
    if (best == null || best.getConfidence() < MIN_CONFIDENCE) {
      return null;
    }
    return ISO3_TO_ISO1.getOrDefault(best.getLang(), null);
  }

  /**
   * Whether the first words of {@code text} are so full of English function words, and so free of
   * letters outside ASCII, that no other language could have written them.
   */
  static boolean plainlyEnglish(String text) {
    int words = 0;
    int function = 0;
    int the = 0;
    int letters = 0;
    int foreignLetters = 0;
    StringBuilder word = new StringBuilder(16);
    for (int i = 0; i <= text.length() && words < ENGLISH_SAMPLE_WORDS; i++) {
      char c = i < text.length() ? text.charAt(i) : ' ';
      if (c < 128 ? (c | 0x20) >= 'a' && (c | 0x20) <= 'z' : Character.isLetter(c)) {
        letters++;
        if (c >= 128) {
          foreignLetters++;
        }
        word.append((char) (c < 128 ? c | 0x20 : c));
      } else if (c != '\'' && word.length() > 0) {
        words++;
        String w = word.toString();
        if (ENGLISH_FUNCTION_WORDS.contains(w)) {
          function++;
          if (w.equals("the")) {
            the++;
          }
        }
        word.setLength(0);
      }
    }
    return words >= 60
        && foreignLetters * 100 <= letters
        && function * 100 >= words * 20
        && the * 1000 >= words * 15;
  }

  private static Map<String, String> iso3ToIso1() {
    Map<String, String> map = new HashMap<>();
    for (String iso1 : Locale.getISOLanguages()) {
      try {
        map.put(Locale.of(iso1).getISO3Language(), iso1);
      } catch (java.util.MissingResourceException e) {
        // a language without a three-letter code
      }
    }
    // The model names some macro-languages by an individual language's code.
    map.put("cmn", "zh");
    map.put("nob", "nb");
    map.put("nno", "nn");
    map.put("pes", "fa");
    map.put("zlm", "ms");
    map.put("ekk", "et");
    map.put("lvs", "lv");
    map.put("azj", "az");
    map.put("uzn", "uz");
    map.put("swh", "sw");
    map.put("khk", "mn");
    map.put("npi", "ne");
    map.put("gug", "gn");
    map.put("quz", "qu");
    return Map.copyOf(map);
  }

  /** The model, loaded once per JVM on first use (about 10 MB). */
  private static final class Model {
    static final LanguageDetectorModel INSTANCE = load();

    private static LanguageDetectorModel load() {
      try (InputStream in =
          LanguageGuesser.class.getClassLoader().getResourceAsStream("langdetect-183.bin")) {
        if (in == null) {
          throw new IllegalStateException(
              "langdetect-183.bin missing: opennlp-models-langdetect is not on the classpath");
        }
        return new LanguageDetectorModel(in);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot load the language model", e);
      }
    }
  }
}
