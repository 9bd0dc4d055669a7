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
    void word(Word spellingKey, Word plain);
  }

  /** Spelling keys of the words of {@code text}, in order. */
  public static List<String> tokens(String text) {
    List<String> tokens = new ArrayList<>();
    forEachWord(text, (key, plain) -> tokens.add(key.toString()));
    return tokens;
  }

  /**
   * Visits the words of {@code text} in one pass, without allocating per word: this sits on the
   * deduplication hot path. ASCII letters and digits take a branch of their own (most news text is
   * mostly ASCII); the Unicode decomposition that strips accents runs only when the text has
   * non-ASCII characters.
   */
  public static void forEachWord(String text, WordVisitor visitor) {
    String s = withoutAccents(text);
    Word key = new Word();
    Word plain = new Word();
    int previous = -1;
    int length = s.length();
    for (int i = 0; i < length; ) {
      char ch = s.charAt(i);
      int c; // the character lower-cased when it belongs to a word, else 0
      if (ch < 0x80) {
        c = ASCII_WORD_CHARS[ch];
        i++;
      } else {
        int codePoint = s.codePointAt(i);
        i += Character.charCount(codePoint);
        c = Character.isLetterOrDigit(codePoint) ? Character.toLowerCase(codePoint) : 0;
      }
      if (c != 0) {
        plain.append(c);
        int k = c == 'y' ? 'i' : c;
        if (k != previous) {
          key.append(k);
        }
        previous = k;
      } else {
        if (plain.length > 0) {
          visitor.word(key, plain);
          key.clear();
          plain.clear();
        }
        previous = -1;
      }
    }
    if (plain.length > 0) {
      visitor.word(key, plain);
    }
  }

  /** For each ASCII character: itself lower-cased if it is a letter or digit, else 0. */
  private static final byte[] ASCII_WORD_CHARS = new byte[128];

  static {
    for (char c = 'a'; c <= 'z'; c++) {
      ASCII_WORD_CHARS[c] = (byte) c;
      ASCII_WORD_CHARS[Character.toUpperCase(c)] = (byte) c;
    }
    for (char c = '0'; c <= '9'; c++) {
      ASCII_WORD_CHARS[c] = (byte) c;
    }
  }

  /**
   * A word as {@link #forEachWord} hands it over: a reused buffer (copy it with {@link #toString()}
   * to keep it) with a 64-bit hash computed while the word was read, so hot paths need not hash the
   * characters a second time. The hash is FNV-1a over the UTF-16 units, finished by the MurmurHash3
   * 64-bit mixer: FNV alone mixes its last characters poorly.
   */
  public static final class Word implements CharSequence {
    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;

    private char[] chars = new char[32];
    private int length;
    private long fnv = FNV_OFFSET;

    void append(int codePoint) {
      if (codePoint < Character.MIN_SUPPLEMENTARY_CODE_POINT && length < chars.length) {
        // The hot path, small enough to be inlined: one char, no growth.
        chars[length++] = (char) codePoint;
        fnv = (fnv ^ codePoint) * FNV_PRIME;
      } else {
        appendSlowly(codePoint);
      }
    }

    private void appendSlowly(int codePoint) {
      if (length + 2 > chars.length) {
        chars = java.util.Arrays.copyOf(chars, chars.length * 2);
      }
      if (codePoint < Character.MIN_SUPPLEMENTARY_CODE_POINT) {
        append(codePoint); // there is room now
      } else {
        length += Character.toChars(codePoint, chars, length);
        fnv = (fnv ^ Character.highSurrogate(codePoint)) * FNV_PRIME;
        fnv = (fnv ^ Character.lowSurrogate(codePoint)) * FNV_PRIME;
      }
    }

    void clear() {
      length = 0;
      fnv = FNV_OFFSET;
    }

    /** 64-bit hash of the word's characters: equal words, equal hashes. */
    public long hash64() {
      long h = fnv;
      h ^= h >>> 33;
      h *= 0xff51afd7ed558ccdL;
      h ^= h >>> 33;
      h *= 0xc4ceb9fe1a85ec53L;
      h ^= h >>> 33;
      return h;
    }

    @Override
    public int length() {
      return length;
    }

    @Override
    public char charAt(int index) {
      if (index >= length) {
        throw new IndexOutOfBoundsException(index);
      }
      return chars[index];
    }

    @Override
    public CharSequence subSequence(int start, int end) {
      return toString().substring(start, end);
    }

    @Override
    public String toString() {
      return new String(chars, 0, length);
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
