package io.newsmon.cli;

import io.newsmon.topics.TopicDefinition;
import io.newsmon.topics.match.ArticleText;
import io.newsmon.topics.match.TopicMonitor;
import io.newsmon.topics.places.Gazetteer;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./newsmon bench flag}: articles per second of the topic monitor on one thread with N
 * stored queries, and the heap each query costs.
 *
 * <p>Queries have the shape media-monitoring queries have: a few names or rare words (an
 * organisation, a person, a product, as words or phrases) combined with context words and an
 * exclusion, for example {@code ("w123 w456" OR w789) AND (w12 OR w40) AND NOT w77}, some with
 * {@code NEAR/n}. Articles are 400 words drawn from a 200,000-word vocabulary with a Zipf-like
 * frequency, the way names and rare words are spread over real news; words are made up so that
 * every run is the same.
 */
@Command(
    name = "flag",
    description =
        "Articles/s of the topic monitor on one thread with N stored queries; heap per query.")
final class FlagBench implements Callable<Integer> {

  @Option(names = "--queries", defaultValue = "10000", description = "Stored queries.")
  int queries;

  @Option(names = "--articles", defaultValue = "5000", description = "Articles timed.")
  int articles;

  @Option(
      names = "--warmup",
      defaultValue = "5000",
      description = "Articles matched first, untimed (JIT warm-up).")
  int warmup;

  static final int VOCABULARY = 200_000;

  @Override
  public Integer call() throws Exception {
    PrintStream out = System.out;
    Random random = new Random(11);
    List<TopicDefinition> definitions = new ArrayList<>(queries);
    for (int i = 0; i < queries; i++) {
      definitions.add(TopicDefinition.of("q" + i, query(random)));
    }
    List<ArticleText> texts = new ArrayList<>();
    for (int i = 0; i < warmup + articles; i++) {
      texts.add(new ArticleText(article(random, 12), article(random, 400), "en", null));
    }
    Gazetteer gazetteer = Gazetteer.shipped();
    long heapBefore = usedHeap();
    long start = System.nanoTime();
    try (TopicMonitor monitor = new TopicMonitor(gazetteer)) {
      for (int from = 0; from < definitions.size(); from += 10_000) {
        var refused =
            monitor.putAll(definitions.subList(from, Math.min(definitions.size(), from + 10_000)));
        if (!refused.isEmpty()) {
          throw new IllegalStateException("bench queries refused: " + refused);
        }
      }
      double registerSeconds = (System.nanoTime() - start) / 1e9;
      long heapAfter = usedHeap();
      out.printf(
          Locale.ROOT,
          "registered %,d queries in %.1f s; heap %,d bytes per query%n",
          queries,
          registerSeconds,
          Math.max(0, heapAfter - heapBefore) / Math.max(1, queries));
      long flags = 0;
      long run = 0;
      for (int i = 0; i < warmup; i++) {
        flags += monitor.match(texts.get(i)).flags().size();
      }
      long timed = System.nanoTime();
      for (int i = warmup; i < texts.size(); i++) {
        var result = monitor.match(texts.get(i));
        flags += result.flags().size();
        run += result.queriesRun();
      }
      double seconds = (System.nanoTime() - timed) / 1e9;
      out.printf(
          Locale.ROOT,
          "matched %,d articles in %.2f s = %,.0f articles/s on one thread (%.1f queries run and"
              + " %.2f flags per article)%n",
          articles,
          seconds,
          articles / seconds,
          run / (double) articles,
          flags / (double) (warmup + articles));
    }
    return 0;
  }

  /** A word of rank {@code r}: w0 the most frequent. */
  private static String word(int rank) {
    return "w" + rank;
  }

  /** A Zipf-like rank in [0, VOCABULARY): rank r drawn with probability about 1 / (r + 1). */
  private static int zipf(Random random) {
    return (int) Math.min(VOCABULARY - 1, Math.exp(random.nextDouble() * Math.log(VOCABULARY)) - 1);
  }

  private static String article(Random random, int words) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < words; i++) {
      b.append(word(zipf(random))).append(i % 15 == 14 ? ". " : " ");
    }
    return b.toString();
  }

  /** Names (rare words, some as two-word phrases), context words, an exclusion; some NEAR. */
  private static String query(Random random) {
    StringBuilder names = new StringBuilder("(");
    int n = 1 + random.nextInt(3);
    for (int i = 0; i < n; i++) {
      if (i > 0) {
        names.append(" OR ");
      }
      int rank = 2_000 + random.nextInt(VOCABULARY - 2_000);
      if (random.nextInt(3) == 0) {
        names.append('"').append(word(rank)).append(' ').append(word(rank + 1)).append('"');
      } else {
        names.append(word(rank));
      }
    }
    names.append(')');
    String context =
        "(" + word(50 + random.nextInt(2_000)) + " OR " + word(50 + random.nextInt(2_000)) + ")";
    String exclude = word(100 + random.nextInt(5_000));
    return random.nextInt(4) == 0
        ? names + " NEAR/10 " + context + " AND NOT " + exclude
        : names + " AND " + context + " AND NOT " + exclude;
  }

  private static long usedHeap() {
    Runtime rt = Runtime.getRuntime();
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return rt.totalMemory() - rt.freeMemory();
  }
}
