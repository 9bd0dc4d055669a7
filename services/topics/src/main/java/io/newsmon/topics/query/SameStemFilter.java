package io.newsmon.topics.query;

import java.io.IOException;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/**
 * Drops the stemmed copy of a word when stemming left it as it was, so {@code KeywordRepeatFilter}
 * plus a stemmer yields one token for "border" and two for "borders" ("borders", "border").
 *
 * <p>Lucene's {@code RemoveDuplicatesTokenFilter} does this for any number of tokens at a position
 * with a set per position; it took 15 % of matching time. After a keyword repeat there are exactly
 * two tokens per position, so comparing each token with the one before it is enough.
 */
final class SameStemFilter extends TokenFilter {

  private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
  private final PositionIncrementAttribute position =
      addAttribute(PositionIncrementAttribute.class);
  private char[] previous = new char[32];
  private int previousLength = -1;

  SameStemFilter(TokenStream input) {
    super(input);
  }

  @Override
  public boolean incrementToken() throws IOException {
    while (input.incrementToken()) {
      int length = term.length();
      if (position.getPositionIncrement() == 0 && sameAsPrevious(length)) {
        continue;
      }
      if (previous.length < length) {
        previous = new char[Math.max(length, previous.length * 2)];
      }
      System.arraycopy(term.buffer(), 0, previous, 0, length);
      previousLength = length;
      return true;
    }
    return false;
  }

  private boolean sameAsPrevious(int length) {
    if (length != previousLength) {
      return false;
    }
    char[] buffer = term.buffer();
    for (int i = 0; i < length; i++) {
      if (buffer[i] != previous[i]) {
        return false;
      }
    }
    return true;
  }

  @Override
  public void reset() throws IOException {
    super.reset();
    previousLength = -1;
  }
}
