package io.newsmon.pipeline.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsmon.pipeline.ExtractionDevSet;
import io.newsmon.pipeline.clean.ArticleCleaner;
import io.newsmon.pipeline.clean.RawDocument;
import io.newsmon.pipeline.clean.RejectedArticleException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Precision and recall of deduplication on duplicate sets built from real text: the 91 pages of
 * {@code ../shared/data/extraction-dev} (skipped where absent), each as four copies that a
 * monitoring system meets in practice:
 *
 * <ol>
 *   <li>newsmon's own extraction of the HTML page;
 *   <li>the benchmark's hand-made extraction of the same page (other boundaries and boilerplate);
 *   <li>that extraction re-typeset by another outlet: straight quotes and hyphens, a "Related
 *       article" line in the middle, a newsletter box at the end;
 *   <li>an update: newsmon's extraction with one paragraph edited and a new paragraph added.
 * </ol>
 *
 * <p>Copies of one page must form one cluster; different pages must not, including the pairs in the
 * set that report the same event (two stories on the same guilty plea, two Stadia reviews, two
 * press releases of one company) and pages into which one long common quote was inserted. Pairwise
 * precision and recall are printed and asserted.
 */
class DedupQualityTest {

  private static final String QUOTE =
      "\"We will not accept any attempt to change the status quo by force, and we call on all parties"
          + " to exercise restraint, to return to the negotiating table and to respect the agreements"
          + " they signed,\" the foreign ministry spokesperson told reporters at the regular briefing"
          + " on Tuesday, adding that the situation remained under close watch.";

  @Test
  void copiesAreMergedAndDifferentStoriesAreNot() throws IOException {
    ExtractionDevSet dev = ExtractionDevSet.requireOrSkip();
    ArticleCleaner cleaner = new ArticleCleaner();
    Random random = new Random(42);

    List<String[]> variants = new ArrayList<>(); // [page, copy, text]
    List<String> pages = new ArrayList<>();
    for (String id : dev.gold().keySet()) {
      String ours;
      try {
        ours = cleaner.clean(new RawDocument(dev.html(id), "text/html", null, null)).text();
      } catch (RejectedArticleException e) {
        continue;
      }
      String theirs = dev.articleBody(id);
      pages.add(id);
      variants.add(new String[] {id, "ours", ours});
      variants.add(new String[] {id, "gold", theirs});
      variants.add(new String[] {id, "retypeset", retypeset(theirs)});
      variants.add(new String[] {id, "update", update(ours, random)});
    }
    // Different stories sharing one long quote: the quote must not merge them.
    for (int i = 0; i + 1 < 20 && i + 1 < pages.size(); i += 2) {
      for (String[] v : variants) {
        if (v[0].equals(pages.get(i)) && v[1].equals("ours")) {
          v[2] = v[2] + "\n\n" + QUOTE;
        }
      }
    }
    // Arrival order: every first copy, then every second copy, and so on, as a stream would.
    List<String[]> order = new ArrayList<>();
    for (String copy : List.of("ours", "gold", "retypeset", "update")) {
      variants.stream().filter(v -> v[1].equals(copy)).forEach(order::add);
    }

    Deduplicator dedup =
        new Deduplicator(
            new InMemoryDedupIndex(),
            new io.newsmon.pipeline.PipelineConfig(Map.of())
                .getDouble(io.newsmon.pipeline.PipelineConfig.DEDUP_THRESHOLD));
    Map<String, String> cluster = new HashMap<>();
    Map<String, String> page = new HashMap<>();
    Map<String, String> cleanedText = new HashMap<>();
    int n = 0;
    for (String[] v : order) {
      String id = v[0] + "/" + v[1];
      // Every copy goes through the clean stage first, as in the pipeline.
      String text;
      try {
        text =
            cleaner
                .clean(
                    new RawDocument(
                        v[2].getBytes(java.nio.charset.StandardCharsets.UTF_8),
                        "text/plain",
                        null,
                        null))
                .text();
      } catch (RejectedArticleException e) {
        text = v[2];
      }
      cleanedText.put(id, text);
      cluster.put(id, dedup.decide(id, null, text, n++).clusterId());
      page.put(id, v[0]);
    }

    long truePairs = 0;
    long predictedPairs = 0;
    long correct = 0;
    List<String> ids = new ArrayList<>(cluster.keySet());
    List<String> wrongMerges = new ArrayList<>();
    for (int i = 0; i < ids.size(); i++) {
      for (int j = i + 1; j < ids.size(); j++) {
        boolean same = page.get(ids.get(i)).equals(page.get(ids.get(j)));
        boolean merged = cluster.get(ids.get(i)).equals(cluster.get(ids.get(j)));
        truePairs += same ? 1 : 0;
        predictedPairs += merged ? 1 : 0;
        correct += same && merged ? 1 : 0;
        if (merged && !same) {
          wrongMerges.add(ids.get(i) + " ~ " + ids.get(j));
        }
      }
    }
    double precision = predictedPairs == 0 ? 1 : correct / (double) predictedPairs;
    double recall = correct / (double) truePairs;
    System.out.printf(
        "dedup on %d copies of %d pages: pairwise precision %.4f (%d of %d merges right), recall %.4f (%d of %d pairs)%n",
        order.size(), pages.size(), precision, correct, predictedPairs, recall, correct, truePairs);
    wrongMerges.stream().limit(20).forEach(w -> System.out.println("  wrong merge: " + w));
    Map<String, Integer> missedByCopy = new java.util.TreeMap<>();
    for (String id : ids) {
      String first = page.get(id) + "/ours";
      if (!id.endsWith("/ours")
          && cluster.containsKey(first)
          && !cluster.get(id).equals(cluster.get(first))) {
        missedByCopy.merge(id.substring(id.indexOf('/') + 1), 1, Integer::sum);
      }
    }
    System.out.println(
        "  copies not merged with newsmon's own extraction, by kind: " + missedByCopy);
    Signatures sig = new Signatures();
    for (String id : ids) {
      String first = page.get(id) + "/ours";
      if (!id.endsWith("/ours")
          && cluster.containsKey(first)
          && !cluster.get(id).equals(cluster.get(first))) {
        Fingerprint a = sig.fingerprint(cleanedText.get(id));
        Fingerprint b = sig.fingerprint(cleanedText.get(first));
        double j = Signatures.similarity(a.minHash(), b.minHash());
        System.out.printf(
            "  missed %s: jaccard %.2f containment %.2f simhash %.2f shingles %d/%d%n",
            id,
            j,
            Deduplicator.containment(a.shingles(), b.shingles(), j),
            Signatures.simHashSimilarity(a.simHash(), b.simHash()),
            a.shingles(),
            b.shingles());
      }
    }
    // The margin: how similar do different stories get?
    Signatures signatures = new Signatures();
    List<String[]> firsts = order.stream().filter(v -> v[1].equals("ours")).toList();
    List<Fingerprint> prints = firsts.stream().map(v -> signatures.fingerprint(v[2])).toList();
    List<String> closest = new ArrayList<>();
    for (int i = 0; i < prints.size(); i++) {
      for (int j = i + 1; j < prints.size(); j++) {
        if (prints.get(i).isSigned() && prints.get(j).isSigned()) {
          double jac = Signatures.similarity(prints.get(i).minHash(), prints.get(j).minHash());
          closest.add(
              String.format(
                  "%.3f %s ~ %s",
                  jac, firsts.get(i)[0].substring(0, 8), firsts.get(j)[0].substring(0, 8)));
        }
      }
    }
    closest.sort(java.util.Comparator.reverseOrder());
    System.out.println(
        "  most similar different stories (estimated Jaccard): " + closest.subList(0, 5));
    assertThat(precision).as("merging different stories hides news").isGreaterThanOrEqualTo(0.999);
    assertThat(recall).isGreaterThanOrEqualTo(0.95);
  }

  /** Another outlet's typesetting: straight quotes, hyphens, a teaser line, a newsletter box. */
  static String retypeset(String text) {
    String[] paragraphs = text.split("\n+");
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < paragraphs.length; i++) {
      if (i == paragraphs.length / 2) {
        out.append("Related article: Markets rally as investors weigh the outlook\n\n");
      }
      out.append(
              paragraphs[i]
                  .replace('\u201C', '"')
                  .replace('\u201D', '"')
                  .replace('\u2019', '\'')
                  .replace('\u2014', '-'))
          .append("\n\n");
    }
    out.append("Sign up for our free weekly newsletter\n\nSubscribers agree to the Privacy Policy");
    return out.toString();
  }

  /** An update: one paragraph reworded at the end, one paragraph added. */
  static String update(String text, Random random) {
    List<String> paragraphs = new ArrayList<>(List.of(text.split("\n\n")));
    int edited = paragraphs.size() > 1 ? 1 + random.nextInt(paragraphs.size() - 1) : 0;
    String p = paragraphs.get(edited);
    paragraphs.set(
        edited, p.substring(0, Math.max(0, p.length() * 2 / 3)) + " officials said later.");
    paragraphs.add(
        "This story has been updated with additional reporting after officials confirmed the details on Wednesday.");
    return String.join("\n\n", paragraphs);
  }
}
