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
 */
final class LanguageGuesser {

  /** Below this many letters an answer would be a guess. */
  private static final int MIN_LETTERS = 40;

  private static final double MIN_CONFIDENCE = 0.5;

  /** The detector reads this much; more text adds time, not accuracy. */
  private static final int SAMPLE_CHARS = 4000;

  private static final Map<String, String> ISO3_TO_ISO1 = iso3ToIso1();

  private final LanguageDetectorME detector = new LanguageDetectorME(Model.INSTANCE);

  /** ISO 639-1 code of {@code text}'s language, or null. */
  String guess(String text) {
    if (text.codePoints().filter(Character::isLetter).limit(MIN_LETTERS).count() < MIN_LETTERS) {
      return null;
    }
    String sample = text.length() > SAMPLE_CHARS ? text.substring(0, SAMPLE_CHARS) : text;
    Language best = detector.predictLanguage(sample);
    if (best == null || best.getConfidence() < MIN_CONFIDENCE) {
      return null;
    }
    return ISO3_TO_ISO1.getOrDefault(best.getLang(), null);
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
