package io.newsmon.topics.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.junit.jupiter.api.Test;

class TopicAnalyzerTest {

  @Test
  void indexesTheStemAndTheWordAsWrittenOnceEachAtOnePosition() throws IOException {
    assertThat(tokens("Russia's troops at the borders, border mobilization"))
        .containsExactly(
            "russia@1",
            "troops@1",
            "troop@0",
            "borders@3",
            "border@0",
            "border@1",
            "mobilization@1",
            "mobil@0");
  }

  private static List<String> tokens(String text) throws IOException {
    List<String> out = new ArrayList<>();
    try (TopicAnalyzer analyzer = new TopicAnalyzer();
        TokenStream ts = analyzer.tokenStream("text", text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      PositionIncrementAttribute inc = ts.addAttribute(PositionIncrementAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        out.add(term + "@" + inc.getPositionIncrement());
      }
      ts.end();
    }
    return out;
  }
}
