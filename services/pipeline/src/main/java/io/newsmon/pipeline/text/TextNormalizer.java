package io.newsmon.pipeline.text;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

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

  private TextNormalizer() {}

  /**
   * Text as it is shown: Unicode NFC, no zero-width characters or soft hyphens, single spaces.
   * Quotes and dashes are kept as the author typed them; {@link #normalize} folds them for
   * comparison.
   */
  public static String display(String text) {
    String s = Normalizer.normalize(text, Normalizer.Form.NFC);
    // One pass instead of two regular expressions: every cleaned article goes through here, and
    // the character-class unions cost more than the rest of cleaning scraped text.
    StringBuilder out = new StringBuilder(s.length());
    boolean inSpace = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (isInvisible(c)) {
        continue;
      }
      if (isDisplaySpace(c)) {
        if (!inSpace) {
          out.append(' ');
          inSpace = true;
        }
      } else {
        out.append(c);
        inSpace = false;
      }
    }
    return out.toString().strip();
  }

  /** Soft hyphen, zero-width space and joiners, word joiner, byte order mark. */
  private static boolean isInvisible(char c) {
    return c == '\u00AD' || (c >= '\u200B' && c <= '\u200D') || c == '\u2060' || c == '\uFEFF';
  }

  /** ASCII white space, no-break and typographic spaces, the ideographic space. */
  private static boolean isDisplaySpace(char c) {
    if (c < 0x80) {
      return c == ' ' || (c >= '\t' && c <= '\r');
    }
    return c == '\u00A0'
        || (c >= '\u2000' && c <= '\u200A')
        || c == '\u202F'
        || c == '\u205F'
        || c == '\u3000';
  }

  /** Lower-case, accent-free text with uniform quotes, dashes and single spaces. */
  public static String normalize(String text) {
    // Every article is hashed through here: one pass instead of two regular expressions, and no
    // decomposition at all for ASCII text, where it changes nothing.
    String s = withoutAccents(text);
    StringBuilder out = new StringBuilder(s.length());
    boolean inSpace = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == ' ' || (c >= '\t' && c <= '\r')) {
        if (!inSpace) {
          out.append(' ');
          inSpace = true;
        }
        continue;
      }
      inSpace = false;
      out.append(uniformPunctuation(c));
    }
    return out.toString().toLowerCase(Locale.ROOT).strip();
  }

  private static char uniformPunctuation(char c) {
    return switch (c) {
      case '\u2018', '\u2019', '\u201A', '\u2032' -> '\'';
      case '\u201C', '\u201D', '\u201E', '\u00AB', '\u00BB' -> '"';
      case '\u2013', '\u2014', '\u2212' -> '-';
      default -> c;
    };
  }

  private static boolean isAscii(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) >= 0x80) {
        return false;
      }
    }
    return true;
  }

  /** {@code s} without combining marks (Unicode category M), as {@code \\p{M}} matches them. */
  static String withoutMarks(String s) {
    StringBuilder out = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); ) {
      int codePoint = s.codePointAt(i);
      i += Character.charCount(codePoint);
      int type = Character.getType(codePoint);
      if (type != Character.NON_SPACING_MARK
          && type != Character.ENCLOSING_MARK
          && type != Character.COMBINING_SPACING_MARK) {
        out.appendCodePoint(codePoint);
      }
    }
    return out.toString();
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
   * characters a second time. The hash is {@link #wordHash}'s, which {@link #forEachWordHash}
   * computes without a buffer.
   */
  public static final class Word implements CharSequence {
    private char[] chars = new char[32];
    private int length;
    private long state = WORD_HASH_SEED;
    private long block;

    void append(int codePoint) {
      if (codePoint < Character.MIN_SUPPLEMENTARY_CODE_POINT && length < chars.length) {
        // The hot path, small enough to be inlined: one char, no growth.
        chars[length++] = (char) codePoint;
        hashUnit(codePoint);
      } else {
        appendSlowly(codePoint);
      }
    }

    private void hashUnit(int unit) {
      block = block << 16 | unit;
      if ((length & 3) == 0) {
        state = absorb(state, block);
        block = 0;
      }
    }

    private void appendSlowly(int codePoint) {
      if (length + 2 > chars.length) {
        chars = java.util.Arrays.copyOf(chars, chars.length * 2);
      }
      if (codePoint < Character.MIN_SUPPLEMENTARY_CODE_POINT) {
        append(codePoint); // there is room now
      } else {
        chars[length++] = Character.highSurrogate(codePoint);
        hashUnit(Character.highSurrogate(codePoint));
        chars[length++] = Character.lowSurrogate(codePoint);
        hashUnit(Character.lowSurrogate(codePoint));
      }
    }

    void clear() {
      length = 0;
      state = WORD_HASH_SEED;
      block = 0;
    }

    /** 64-bit hash of the word's characters: equal words, equal hashes. */
    public long hash64() {
      return finish(state, block, length);
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

  /** Receives the hashes of each word of a text (see {@link #forEachWordHash}). */
  @FunctionalInterface
  public interface WordHashVisitor {
    /**
     * @param spellingKey {@link #wordHash} of the word's spelling key
     * @param plain {@link #wordHash} of the word lower-cased with accents removed
     */
    void word(long spellingKey, long plain);
  }

  /**
   * Visits the hashes of the words {@link #forEachWord} would visit, equal to theirs, without
   * filling word buffers: the deduplication hot path. Text that is all ASCII (most news text in
   * Latin script with straight quotes) is read as bytes, where a table classifies each character
   * and nothing needs decomposing; other text goes through {@link #forEachWord}.
   */
  public static void forEachWordHash(String text, WordHashVisitor visitor) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    if (bytes.length != text.length()) {
      // Some character took more than one byte, so it is not ASCII. (A lone surrogate becomes
      // one '?': both separate words, so the fast path would give the same words.)
      forEachWord(text, (key, plain) -> visitor.word(key.hash64(), plain.hash64()));
      return;
    }
    long plainState = WORD_HASH_SEED;
    long plainBlock = 0;
    int plainLength = 0;
    long keyState = WORD_HASH_SEED;
    long keyBlock = 0;
    int keyLength = 0;
    int previous = -1;
    for (byte b : bytes) {
      int c = ASCII_WORD_CHARS[b]; // b >= 0: the text is ASCII
      if (c != 0) {
        plainBlock = plainBlock << 16 | c;
        if ((++plainLength & 3) == 0) {
          plainState = absorb(plainState, plainBlock);
          plainBlock = 0;
        }
        int k = c == 'y' ? 'i' : c;
        if (k != previous) {
          keyBlock = keyBlock << 16 | k;
          if ((++keyLength & 3) == 0) {
            keyState = absorb(keyState, keyBlock);
            keyBlock = 0;
          }
          previous = k;
        }
      } else if (plainLength > 0) {
        visitor.word(
            finish(keyState, keyBlock, keyLength), finish(plainState, plainBlock, plainLength));
        plainState = WORD_HASH_SEED;
        plainBlock = 0;
        plainLength = 0;
        keyState = WORD_HASH_SEED;
        keyBlock = 0;
        keyLength = 0;
        previous = -1;
      }
    }
    if (plainLength > 0) {
      visitor.word(
          finish(keyState, keyBlock, keyLength), finish(plainState, plainBlock, plainLength));
    }
  }

  /**
   * 64-bit hash of a word's UTF-16 units, as {@link Word#hash64()} and {@link #forEachWordHash}.
   */
  public static long wordHash(CharSequence word) {
    Word buffer = new Word();
    for (int i = 0; i < word.length(); i++) {
      buffer.append(word.charAt(i)); // one unit at a time: a surrogate pair stays two units
    }
    return buffer.hash64();
  }

  /*
   * The word hash: UTF-16 units packed four to a 64-bit block, each block absorbed by a multiply
   * and a shift (a bijection of the state for each block), the rest and the length absorbed at the
   * end, then the MurmurHash3 64-bit finaliser. A multiply per four characters instead of FNV-1a's
   * one per character: the tokenizer is most of the cost of fingerprinting a text.
   */
  private static final long WORD_HASH_SEED = 0x9E3779B97F4A7C15L;

  private static long absorb(long state, long block) {
    long h = (state ^ block) * 0xbf58476d1ce4e5b9L;
    return h ^ (h >>> 31);
  }

  private static long finish(long state, long block, int length) {
    long h = absorb(state, block) ^ length;
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    h *= 0xc4ceb9fe1a85ec53L;
    h ^= h >>> 33;
    return h;
  }

  /** {@code text} with accents and other combining marks removed (ASCII text as it is). */
  public static String withoutAccents(String text) {
    return isAscii(text) ? text : withoutMarks(Normalizer.normalize(text, Normalizer.Form.NFKD));
  }
}
