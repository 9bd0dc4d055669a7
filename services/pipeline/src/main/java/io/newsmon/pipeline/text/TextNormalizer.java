package io.newsmon.pipeline.text;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Normalises article text for comparison.
 *
 * <p>{@link #normalize} folds what outlets vary without changing the story: Unicode forms, accents,
 * quote and dash characters, case and white space. {@link #tokens} further reduces each word to a
 * spelling key that makes common transliteration variants equal ("Andriy"/"Andrii",
 * "Zelenskyy"/"Zelenskiy", "Kyiv"/"Kiyv"): {@code y} becomes {@code i} and doubled letters
 * collapse. The key is only ever compared with other keys, never shown.
 */
public final class TextNormalizer {

  private static final Pattern MARKS = Pattern.compile("\\p{M}+");
  private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");
  private static final Pattern SPACES = Pattern.compile("\\s+");

  private static final Pattern INVISIBLE =
      Pattern.compile("[\\u00AD\\u200B\\u200C\\u200D\\u2060\\uFEFF]");
  private static final Pattern DISPLAY_SPACES =
      Pattern.compile("[\\s\\u00A0\\u2000-\\u200A\\u202F\\u205F\\u3000]+");

  private TextNormalizer() {}

  /**
   * Text as it is shown: Unicode NFC, no zero-width characters or soft hyphens, single spaces.
   * Quotes and dashes are kept as the author typed them; {@link #normalize} folds them for
   * comparison.
   */
  public static String display(String text) {
    String s = Normalizer.normalize(text, Normalizer.Form.NFC);
    s = INVISIBLE.matcher(s).replaceAll("");
    return DISPLAY_SPACES.matcher(s).replaceAll(" ").strip();
  }

  /** Lower-case, accent-free text with uniform quotes, dashes and single spaces. */
  public static String normalize(String text) {
    String s = Normalizer.normalize(text, Normalizer.Form.NFKD);
    s = MARKS.matcher(s).replaceAll("");
    s =
        s.replace('\u2018', '\'')
            .replace('\u2019', '\'')
            .replace('\u201A', '\'')
            .replace('\u2032', '\'')
            .replace('\u201C', '"')
            .replace('\u201D', '"')
            .replace('\u201E', '"')
            .replace('\u00AB', '"')
            .replace('\u00BB', '"')
            .replace('\u2013', '-')
            .replace('\u2014', '-')
            .replace('\u2212', '-');
    return SPACES.matcher(s.toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
  }

  /** Receives each word of a text; the buffers are reused, copy them to keep them. */
  @FunctionalInterface
  public interface WordVisitor {
    /**
     * @param spellingKey the word lower-cased, accents removed, {@code y} read as {@code i},
     *     doubled letters collapsed
     * @param plain the word lower-cased with accents removed, nothing else folded
     */
    void word(CharSequence spellingKey, CharSequence plain);
  }

  /** Spelling keys of the words of {@code text}, in order. */
  public static List<String> tokens(String text) {
    List<String> tokens = new ArrayList<>();
    forEachWord(text, (key, plain) -> tokens.add(key.toString()));
    return tokens;
  }

  /**
   * Visits the words of {@code text} in one pass, without allocating per word: this sits on the
   * deduplication hot path. The Unicode decomposition that strips accents runs only when the text
   * has non-ASCII characters.
   */
  public static void forEachWord(String text, WordVisitor visitor) {
    String s = withoutAccents(text);
    StringBuilder key = new StringBuilder(24);
    StringBuilder plain = new StringBuilder(24);
    int previous = -1;
    for (int i = 0; i <= s.length(); ) {
      int c = i < s.length() ? s.codePointAt(i) : ' ';
      i += i < s.length() ? Character.charCount(c) : 1;
      if (Character.isLetterOrDigit(c)) {
        int lower = Character.toLowerCase(c);
        plain.appendCodePoint(lower);
        int k = lower == 'y' ? 'i' : lower;
        if (k != previous) {
          key.appendCodePoint(k);
        }
        previous = k;
      } else {
        if (!plain.isEmpty()) {
          visitor.word(key, plain);
          key.setLength(0);
          plain.setLength(0);
        }
        previous = -1;
      }
    }
  }

  /** {@code text} with accents and other combining marks removed (ASCII text as it is). */
  public static String withoutAccents(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) >= 0x80) {
        return MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFKD)).replaceAll("");
      }
    }
    return text; // ASCII: nothing to decompose
  }
}
