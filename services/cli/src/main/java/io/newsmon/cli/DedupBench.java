package io.newsmon.cli;

import io.newsmon.pipeline.dedup.Decision;
import io.newsmon.pipeline.dedup.DedupProcessor;
import io.newsmon.pipeline.dedup.Deduplicator;
import io.newsmon.pipeline.dedup.StoreDedupIndex;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.processor.StateStoreContext;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.state.KeyValueStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./newsmon bench dedup}: decisions per second of the dedup stage on one thread with N
 * articles held, over the pipeline's own RocksDB stores and in-memory LSH index (changelogging off:
 * the broker is not what is measured), and the bytes of state and index per article.
 */
@Command(
    name = "dedup",
    description = "Dedup decisions/s on one thread with N articles held, and bytes per article.")
final class DedupBench implements Callable<Integer> {

  @Option(
      names = "--articles",
      defaultValue = "1000000",
      description = "Articles held before measuring.")
  int held;

  @Option(
      names = "--measure",
      defaultValue = "50000",
      description = "Decisions timed after the fill.")
  int measured;

  @Option(names = "--words", defaultValue = "400", description = "Words per synthetic article.")
  int words;

  @Option(names = "--dir", description = "Where RocksDB writes (default: a temporary directory).")
  Path dir;

  @Override
  public Integer call() throws Exception {
    PrintStream out = System.out;
    Path stateDir = dir != null ? dir : Files.createTempDirectory("newsmon-bench-dedup");
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, "bench-dedup");
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
    props.put(
        StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG,
        io.newsmon.pipeline.RocksDbStoreOptions.class.getName());
    MockProcessorContext<Object, Object> context =
        new MockProcessorContext<>(
            props, new org.apache.kafka.streams.processor.TaskId(0, 0), stateDir.toFile());
    StateStoreContext stores = context.getStateStoreContext();
    // The processor's own store definitions, with the changelog off.
    java.util.Map<String, KeyValueStore<?, ?>> built = new java.util.HashMap<>();
    for (org.apache.kafka.streams.state.StoreBuilder<?> builder : DedupProcessor.storeBuilders()) {
      KeyValueStore<?, ?> store = (KeyValueStore<?, ?>) builder.withLoggingDisabled().build();
      store.init(stores, store);
      built.put(store.name(), store);
    }
    KeyValueStore<Integer, byte[]> articles = typed(built, DedupProcessor.ARTICLE_STORE);
    KeyValueStore<Long, Integer> keys = typed(built, DedupProcessor.KEY_STORE);
    StoreDedupIndex index = new StoreDedupIndex(articles, keys);
    Deduplicator dedup = new Deduplicator(index, 0.7);
    Corpus corpus = new Corpus(words, 42);

    out.printf(
        Locale.ROOT,
        "filling: %,d articles of %d words (1 in 10 a copy of a recent one), state in %s%n",
        held,
        words,
        stateDir);
    long fillStart = System.nanoTime();
    int copies = 0;
    for (int i = 0; i < held; i++) {
      copies += dedup.decide("a" + i, null, corpus.next(), i).isDuplicate() ? 1 : 0;
      if ((i + 1) % 250_000 == 0) {
        out.printf(
            Locale.ROOT,
            "  %,d held, %.0f decisions/s so far%n",
            i + 1,
            (i + 1) / seconds(fillStart));
      }
    }
    out.printf(
        Locale.ROOT,
        "filled in %.0f s (%,.0f decisions/s including text generation), %,d copies found%n",
        seconds(fillStart),
        held / seconds(fillStart),
        copies);

    List<String> texts = new ArrayList<>(measured);
    for (int i = 0; i < measured; i++) {
      texts.add(corpus.next());
    }
    // The texts are the benchmark's input, not the stage's state: promote them now. Left in the
    // young generation, copying their 300 MB into the old one took two pauses of 0.6-0.7 s inside
    // the timed part (seen with -Xlog:gc), which real articles, arriving from Kafka and dying
    // young, never cause.
    System.gc();
    // Timed in five segments: on a 2-core machine RocksDB's flush and compaction threads share the
    // cores with the decisions, so rates vary within a run; the segments show by how much.
    int segments = 5;
    double[] segmentRates = new double[segments];
    java.lang.management.ThreadMXBean threads =
        java.lang.management.ManagementFactory.getThreadMXBean();
    long cpuStart = threads.getCurrentThreadCpuTime();
    long start = System.nanoTime();
    int found = 0;
    for (int segment = 0, i = 0; segment < segments; segment++) {
      long segmentStart = System.nanoTime();
      int end = (int) ((long) measured * (segment + 1) / segments);
      int count = end - i;
      for (; i < end; i++) {
        Decision decision = dedup.decide("m" + i, null, texts.get(i), held + i);
        found += decision.isDuplicate() ? 1 : 0;
      }
      segmentRates[segment] = count / seconds(segmentStart);
    }
    double elapsed = seconds(start);
    // The deciding thread's own CPU time: what a decision costs when it does not wait for a core
    // (RocksDB's flush and compaction threads, the JIT and GC share the two cores with it).
    double cpuSeconds = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e9;
    // The same texts fingerprinted again, alone: how the decision time splits.
    io.newsmon.pipeline.dedup.Signatures signatures = new io.newsmon.pipeline.dedup.Signatures();
    long fingerprintStart = System.nanoTime();
    long sink = 0;
    for (String text : texts) {
      sink += signatures.analyze(text).textKey();
    }
    double fingerprinting = seconds(fingerprintStart);
    for (KeyValueStore<?, ?> s : List.of(articles, keys)) {
      s.flush();
    }
    long total = held + measured;
    long diskBytes = size(stateDir);
    out.printf(
        Locale.ROOT,
        "measured: %,d decisions in %.2f s = %,.0f decisions/s on one thread (%,d copies)%n",
        measured,
        elapsed,
        measured / elapsed,
        found);
    double[] sorted = segmentRates.clone();
    java.util.Arrays.sort(sorted);
    out.printf(
        Locale.ROOT,
        "segments of %,d: %s decisions/s (median %,.0f)%n",
        measured / segments,
        java.util.Arrays.stream(segmentRates)
            .mapToObj(r -> String.format(Locale.ROOT, "%,.0f", r))
            .collect(java.util.stream.Collectors.joining(", ")),
        sorted[segments / 2]);
    out.printf(
        Locale.ROOT,
        "deciding thread's CPU: %.1f µs per decision = %,.0f decisions per CPU-second%n",
        cpuSeconds * 1e6 / measured,
        measured / cpuSeconds);
    out.printf(
        Locale.ROOT,
        "per decision: %.1f µs, of which %.1f µs tokenizing and fingerprinting (%d)%n",
        elapsed * 1e6 / measured,
        fingerprinting * 1e6 / measured,
        sink & 1);
    out.printf(
        Locale.ROOT,
        "LSH index: %,d entries, %,d bytes = %.1f bytes per article%n",
        index.lshEntries(),
        index.lshBytes(),
        index.lshBytes() / (double) total);
    out.printf(
        Locale.ROOT,
        "exact-key filter: %,d bytes = %.1f bytes per article; index in all: %.1f bytes per article%n",
        index.keyFilterBytes(),
        index.keyFilterBytes() / (double) total,
        (index.lshBytes() + index.keyFilterBytes()) / (double) total);
    out.printf(
        Locale.ROOT,
        "RocksDB state on disk: %,d bytes = %.0f bytes per article (before compaction settles)%n",
        diskBytes,
        diskBytes / (double) total);
    for (KeyValueStore<?, ?> s : List.of(articles, keys)) {
      s.close();
    }
    return 0;
  }

  @SuppressWarnings("unchecked")
  private static <K, V> KeyValueStore<K, V> typed(
      java.util.Map<String, KeyValueStore<?, ?>> stores, String name) {
    return (KeyValueStore<K, V>) stores.get(name);
  }

  private static double seconds(long startNanos) {
    return (System.nanoTime() - startNanos) / 1e9;
  }

  private static long size(Path dir) {
    try (Stream<Path> files = Files.walk(dir)) {
      return files
          .filter(Files::isRegularFile)
          .mapToLong(
              p -> {
                try {
                  return Files.size(p);
                } catch (IOException e) {
                  return 0;
                }
              })
          .sum();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Synthetic news-like texts: sentences of words from a fixed vocabulary of 20,000 made-up words
   * with a Zipf-like frequency, so shingles repeat across articles as real language does; every
   * tenth text is a recent text with one sentence changed.
   */
  static final class Corpus {
    private final Random random;
    private final String[] vocabulary = new String[20_000];
    private final int words;
    private final String[] recent = new String[1000];
    private long produced;

    Corpus(int words, long seed) {
      this.words = words;
      this.random = new Random(seed);
      String[] syllables = {
        "ka", "ri", "to", "men", "sa", "lo", "ve", "dan", "pre", "ol", "us", "ta", "ni", "gor", "el"
      };
      for (int i = 0; i < vocabulary.length; i++) {
        StringBuilder w = new StringBuilder();
        for (int s = 0, n = 1 + random.nextInt(3); s < n; s++) {
          w.append(syllables[random.nextInt(syllables.length)]);
        }
        vocabulary[i] = w.append(i % 97).toString();
      }
    }

    String next() {
      long n = produced++;
      String text;
      if (n % 10 == 9 && n > 1000) {
        String base = recent[random.nextInt(recent.length)];
        int cut = base.indexOf(". ", base.length() / 2);
        text =
            cut < 0
                ? base + " Updated."
                : base.substring(0, cut)
                    + ". Officials later confirmed the figures"
                    + base.substring(cut);
      } else {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < words; i++) {
          // Zipf-like: small indices (common words) far more often.
          int index =
              (int)
                  Math.min(
                      vocabulary.length - 1,
                      Math.floor(Math.exp(random.nextDouble() * Math.log(vocabulary.length))) - 1);
          b.append(vocabulary[Math.max(0, index)]).append(i % 15 == 14 ? ". " : " ");
        }
        text = b.toString();
      }
      recent[(int) (n % recent.length)] = text;
      return text;
    }
  }
}
