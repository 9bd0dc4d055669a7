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

  /**
   * Spelling keys of the words of {@code text}, in order. One pass over the text; the Unicode
   * decomposition that strips accents runs only when the text has non-ASCII characters, because
   * this sits on the deduplication hot path.
   */
  public static List<String> tokens(String text) {
    String s = withoutAccents(text);
    List<String> tokens = new ArrayList<>();
    StringBuilder token = new StringBuilder(16);
    int previous = -1;
    for (int i = 0; i < s.length(); ) {
      int c = s.codePointAt(i);
      i += Character.charCount(c);
      if (Character.isLetterOrDigit(c)) {
        c = Character.toLowerCase(c);
        if (c == 'y') {
          c = 'i';
        }
        if (c != previous) {
          token.appendCodePoint(c);
        }
        previous = c;
      } else if (!token.isEmpty()) {
        tokens.add(token.toString());
        token.setLength(0);
        previous = -1;
      } else {
        previous = -1;
      }
    }
    if (!token.isEmpty()) {
      tokens.add(token.toString());
    }
    return tokens;
  }

  /**
   * {@code consumer} receives the text's words lower-cased with accents removed, nothing else
   * folded: the identity of "the same normalised text".
   */
  public static void forEachPlainWord(String text, java.util.function.Consumer<String> consumer) {
    String s = withoutAccents(text);
    StringBuilder word = new StringBuilder(16);
    for (int i = 0; i < s.length(); ) {
      int c = s.codePointAt(i);
      i += Character.charCount(c);
      if (Character.isLetterOrDigit(c)) {
        word.appendCodePoint(Character.toLowerCase(c));
      } else if (!word.isEmpty()) {
        consumer.accept(word.toString());
        word.setLength(0);
      }
    }
    if (!word.isEmpty()) {
      consumer.accept(word.toString());
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

  static String spellingKey(String word) {
    StringBuilder key = new StringBuilder(word.length());
    char previous = 0;
    for (int i = 0; i < word.length(); i++) {
      char c = word.charAt(i) == 'y' ? 'i' : word.charAt(i);
      if (c != previous) {
        key.append(c);
      }
      previous = c;
    }
    return key.toString();
  }
}
