package io.newsmon.pipeline.clean;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsmon.pipeline.ExtractionDevSet;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The quality gate on the 91 real pages of the public article-extraction benchmark in {@code
 * ../shared/data/extraction-dev} (skipped where that folder is absent). The metric is the
 * benchmark's own, as in {@code ../shared/tools/score_extraction.py}: per-document 4-word shingle
 * counts, macro-averaged precision and recall.
 */
class ExtractionQualityTest {

  private static final Pattern TOKEN = Pattern.compile("\\w+", Pattern.UNICODE_CHARACTER_CLASS);

  @Test
  void f1OnTheDevelopmentPagesIsAtLeast097() throws IOException {
    ExtractionDevSet dev = ExtractionDevSet.requireOrSkip();
    ArticleCleaner cleaner = new ArticleCleaner();
    List<Double> precisions = new ArrayList<>();
    List<Double> recalls = new ArrayList<>();
    for (String id : dev.gold().keySet()) {
      String predicted;
      try {
        predicted = cleaner.clean(new RawDocument(dev.html(id), "text/html", null, null)).text();
      } catch (RejectedArticleException e) {
        predicted = "";
      }
      double[] c = counts(dev.articleBody(id), predicted);
      double tp = c[0];
      double fp = c[1];
      double fn = c[2];
      if (tp + fp > 0) {
        precisions.add(fp == 0 && fn == 0 ? 1.0 : tp / (tp + fp));
      }
      if (tp + fn > 0) {
        recalls.add(fp == 0 && fn == 0 ? 1.0 : tp / (tp + fn));
      }
    }
    double p = precisions.stream().mapToDouble(Double::doubleValue).average().orElse(0);
    double r = recalls.stream().mapToDouble(Double::doubleValue).average().orElse(0);
    double f1 = 2 * p * r / (p + r);
    System.out.printf(
        "extraction dev set: F1 %.3f P %.3f R %.3f over %d pages%n", f1, p, r, dev.gold().size());
    assertThat(f1).isGreaterThanOrEqualTo(0.97);
  }

  /** True positives, false positives, false negatives of 4-shingles, normalised per document. */
  private static double[] counts(String truth, String predicted) {
    Map<List<String>, Integer> a = shingles(truth);
    Map<List<String>, Integer> b = shingles(predicted);
    double tp = 0;
    double fp = 0;
    double fn = 0;
    Map<List<String>, Integer> all = new HashMap<>(a);
    b.forEach(all::putIfAbsent);
    for (List<String> k : all.keySet()) {
      int x = a.getOrDefault(k, 0);
      int y = b.getOrDefault(k, 0);
      tp += Math.min(x, y);
      fp += Math.max(0, y - x);
      fn += Math.max(0, x - y);
    }
    double s = tp + fp + fn;
    return s == 0 ? new double[] {0, 0, 0} : new double[] {tp / s, fp / s, fn / s};
  }

  private static Map<List<String>, Integer> shingles(String text) {
    List<String> tokens = new ArrayList<>();
    Matcher m = TOKEN.matcher(text == null ? "" : text);
    while (m.find()) {
      tokens.add(m.group());
    }
    Map<List<String>, Integer> counts = new HashMap<>();
    for (int i = 0; i < Math.max(1, tokens.size() - 3); i++) {
      List<String> shingle = tokens.subList(i, Math.min(tokens.size(), i + 4));
      if (!shingle.isEmpty()) {
        counts.merge(List.copyOf(shingle), 1, Integer::sum);
      }
    }
    return counts;
  }
}
