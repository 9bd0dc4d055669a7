package io.newsmon.pipeline.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TextNormalizerTest {

  /** Spelling-key and plain hashes of each word, from the buffered path. */
  private static List<long[]> viaWords(String text) {
    List<long[]> hashes = new ArrayList<>();
    TextNormalizer.forEachWord(
        text, (key, plain) -> hashes.add(new long[] {key.hash64(), plain.hash64()}));
    return hashes;
  }

  /** The same from the hash-only path, which reads ASCII text as bytes. */
  private static List<long[]> viaHashes(String text) {
    List<long[]> hashes = new ArrayList<>();
    TextNormalizer.forEachWordHash(text, (key, plain) -> hashes.add(new long[] {key, plain}));
    return hashes;
  }

  @Test
  void spellingKeysFoldTransliterationVariants() {
    assertThat(TextNormalizer.tokens("Andriy Zelenskyy in Kyiv"))
        .containsExactly("andri", "zelenski", "in", "kiv");
    assertThat(TextNormalizer.tokens("Andrii Zelenskiy in Kyiv"))
        .containsExactly("andri", "zelenski", "in", "kiv");
  }

  @Test
  void accentsCaseAndPunctuationDoNotMakeOtherWords() {
    assertThat(TextNormalizer.tokens("Café «Ménage», São-Paulo!"))
        .containsExactly("cafe", "menage", "sao", "paulo");
  }

  @Test
  void asciiFastPathHashesEqualTheBufferedPath() {
    String ascii =
        "Russia moved 10,000 troops to the border, officials said. Kyiv's army (2024) yy";
    assertThat(viaHashes(ascii))
        .usingRecursiveFieldByFieldElementComparator()
        .isEqualTo(viaWords(ascii));
    assertThat(viaHashes(ascii)).hasSize(15);
  }

  @Test
  void anAsciiWordHashesTheSameInAsciiAndInNonAsciiText() {
    // One curly quote sends the second text down the Unicode path; its words must not change.
    List<long[]> plain = viaHashes("Troops massed near the border");
    List<long[]> curly = viaHashes("Troops massed near the \u201Cborder\u201D");
    assertThat(curly).usingRecursiveFieldByFieldElementComparator().isEqualTo(plain);
  }

  @Test
  void wordHashIsTheHashOfTheWordsCharacters() {
    List<long[]> words = viaHashes("Grain Kharkiv a abcd abcde \uD835\uDC00x");
    assertThat(words.get(0)[1]).isEqualTo(TextNormalizer.wordHash("grain"));
    assertThat(words.get(1)[1]).isEqualTo(TextNormalizer.wordHash("kharkiv"));
    assertThat(words.get(2)[1]).isEqualTo(TextNormalizer.wordHash("a"));
    assertThat(words.get(3)[1]).isEqualTo(TextNormalizer.wordHash("abcd"));
    assertThat(words.get(4)[1]).isEqualTo(TextNormalizer.wordHash("abcde"));
    assertThat(words.get(4)[1]).isNotEqualTo(words.get(3)[1]);
  }

  @Test
  void wordHashesSpreadOverAllBits() {
    // Words differing in one letter, or by a prefix, differ in about half their bits.
    long a = TextNormalizer.wordHash("border");
    assertThat(Long.bitCount(a ^ TextNormalizer.wordHash("bordes"))).isBetween(16, 48);
    assertThat(Long.bitCount(a ^ TextNormalizer.wordHash("borde"))).isBetween(16, 48);
    assertThat(Long.bitCount(a ^ TextNormalizer.wordHash("borderborder"))).isBetween(16, 48);
  }

  @Test
  void lettersOutsideTheBasicPlaneStayInTheirWord() {
    // U+1D400 MATHEMATICAL BOLD CAPITAL A is a letter: "𝐀x" is one word of three units.
    List<String> words = new ArrayList<>();
    TextNormalizer.forEachWord("\uD835\uDC00x y", (key, plain) -> words.add(plain.toString()));
    assertThat(words).hasSize(2);
    assertThat(viaHashes("\uD835\uDC00x y").get(0)[1])
        .isEqualTo(TextNormalizer.wordHash(words.get(0)));
  }

  @Test
  void displayIsWhatTheTwoRegularExpressionsItReplacedGave() {
    java.util.regex.Pattern invisible =
        java.util.regex.Pattern.compile("[\\u00AD\\u200B\\u200C\\u200D\\u2060\\uFEFF]");
    java.util.regex.Pattern spaces =
        java.util.regex.Pattern.compile("[\\s\\u00A0\\u2000-\\u200A\\u202F\\u205F\\u3000]+");
    char[] alphabet = {
      'a', 'B', ' ', '\t', '\n', '\r', '\u000B', '\f', '\u00A0', '\u2003', '\u202F', '\u3000',
      '\u00AD', '\u200B', '\u200D', '\u2060', '\uFEFF', '\u2028', '\u0085', 'e', '\u0301', '\u00E9'
    };
    java.util.SplittableRandom random = new java.util.SplittableRandom(42);
    for (int n = 0; n < 20_000; n++) {
      StringBuilder text = new StringBuilder();
      for (int i = random.nextInt(12); i > 0; i--) {
        text.append(alphabet[random.nextInt(alphabet.length)]);
      }
      String nfc = java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFC);
      String expected =
          spaces.matcher(invisible.matcher(nfc).replaceAll("")).replaceAll(" ").strip();
      assertThat(TextNormalizer.display(text.toString())).as(text.toString()).isEqualTo(expected);
    }
  }

  @Test
  void normalizeIsWhatTheRegularExpressionsItReplacedGave() {
    java.util.regex.Pattern marks = java.util.regex.Pattern.compile("\\p{M}+");
    java.util.regex.Pattern spaces = java.util.regex.Pattern.compile("\\s+");
    char[] alphabet = {
      'a', 'B', 'Z', ' ', '\t', '\n', '\r', '\u000B', '\f', '\u00A0', '\u2003', '\u2028', '\u2018',
      '\u2019', '\u201A', '\u2032', '\u201C', '\u201D', '\u201E', '\u00AB', '\u00BB', '\u2013',
      '\u2014', '\u2212', 'e', '\u0301', '\u00E9', '\u0130', '\u03A3', '\uFB01', '\u20DD', '\u0903',
      '\uD834', '\uDD65', '\u00C5', '.'
    };
    java.util.SplittableRandom random = new java.util.SplittableRandom(7);
    for (int n = 0; n < 20_000; n++) {
      StringBuilder text = new StringBuilder();
      for (int i = random.nextInt(14); i > 0; i--) {
        text.append(alphabet[random.nextInt(alphabet.length)]);
      }
      String s = java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFKD);
      s = marks.matcher(s).replaceAll("");
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
      String expected =
          spaces.matcher(s.toLowerCase(java.util.Locale.ROOT)).replaceAll(" ").strip();
      assertThat(TextNormalizer.normalize(text.toString())).as(text.toString()).isEqualTo(expected);
    }
  }
}
