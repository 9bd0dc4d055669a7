package io.newsmon.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsmon.avro.FlaggedArticle;
import io.newsmon.avro.RawArticle;
import io.newsmon.common.StageCounters;
import io.newsmon.common.TopicCatalog;
import io.newsmon.common.TopicProvisioner;
import io.newsmon.common.TraceIds;
import io.newsmon.feeds.KafkaRawArticles;
import io.newsmon.schema.AvroSerde;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./newsmon bench pipeline} (also plain {@code ./newsmon bench}): the whole system end to
 * end on a stack it starts — broker, pipeline with exactly-once processing, alert service — fed
 * with a {@link BenchCorpus}:
 *
 * <ol>
 *   <li>the raw Kafka ceiling: the same payloads produced (with the producer every {@code news.raw}
 *       producer uses) and consumed on the same broker, nothing else running through it;
 *   <li>throughput: a backlog published as fast as the producer goes, timed from the first send to
 *       the moment the pipeline has decided every article and run every unique one through the flag
 *       stage;
 *   <li>latency at a fixed offered load: articles published at a steady rate, each one's time from
 *       publish to its committed record on {@code news.flagged} and to its signed webhook at a
 *       local receiver.
 * </ol>
 */
@Command(
    name = "pipeline",
    description =
        "End to end through a real broker and every stage (exactly-once): articles/s, latency"
            + " publish->flagged and publish->webhook at a fixed load, and the raw Kafka ceiling.")
final class PipelineBench implements Callable<Integer> {

  private static final String SUBSCRIBED_TOPIC = "border-tensions";
  private static final Duration STAGE_TIMEOUT = Duration.ofMinutes(10);

  @Option(
      names = "--articles",
      defaultValue = "30000",
      description = "Articles in the throughput part.")
  int articles;

  @Option(
      names = "--warmup",
      defaultValue = "3000",
      description = "Articles through first, untimed.")
  int warmup;

  @Option(
      names = "--rate",
      defaultValue = "200",
      split = ",",
      description =
          "Offered load in the latency part (articles/s); several, comma-separated, measure one"
              + " after the other.")
  List<Integer> rates;

  @Option(
      names = "--latency-seconds",
      defaultValue = "60",
      description = "Length of the latency part.")
  int latencySeconds;

  @Option(
      names = "--latency-warmup-seconds",
      defaultValue = "15",
      description =
          "Untimed seconds at each rate before its timed part: the alert service's webhook path"
              + " runs for the first time there, and a new rate takes a while to settle.")
  int latencyWarmupSeconds;

  @Option(
      names = "--html-share",
      defaultValue = "0.1",
      description = "Share of articles sent as whole HTML pages.")
  double htmlShare;

  @Option(
      names = "--page-kb",
      defaultValue = "80",
      description = "Median size of those pages (KB).")
  int pageKb;

  @Option(
      names = "--copy-share",
      defaultValue = "0.3",
      description = "Share of articles republishing an earlier story.")
  double copyShare;

  @Option(
      names = "--border-share",
      defaultValue = "0.08",
      description = "Share of stories about tensions at a border (flagged, alerted).")
  double borderShare;

  @Option(names = "--seed", defaultValue = "1", description = "Corpus seed.")
  long seed;

  @Option(
      names = "--profile",
      description =
          "Record the pipeline with Java Flight Recorder during the throughput part and print where its time went.")
  boolean profile;

  @Option(names = "--skip-ceiling", description = "Leave out the raw Kafka ceiling.")
  boolean skipCeiling;

  @Option(
      names = "--stream-threads",
      defaultValue = "1",
      description = "Stream threads in the pipeline (news.raw has 3 partitions).")
  int streamThreads;

  @Option(
      names = "--commit-interval-ms",
      defaultValue = "100",
      description =
          "The pipeline's commit interval: with exactly-once, output becomes visible only at a"
              + " commit, so this bounds latency from below.")
  long commitIntervalMs;

  @Override
  public Integer call() throws Exception {
    PrintStream out = System.out;
    NewsmonHome home = NewsmonHome.locate();
    BenchCorpus corpus = new BenchCorpus(seed, copyShare, borderShare, htmlShare, pageKb * 1024);
    describeCorpus(corpus, out);
    Path workDir = home.runtimeDir().resolve("bench");
    Newsmon.deleteRecursively(workDir);
    String apiKey = Keys.newKey();
    try (Stack stack =
            Stack.start(
                home,
                Stack.Layout.under(workDir),
                Stack.Settings.defaults("bench:" + Keys.sha256(apiKey))
                    .withEnv(
                        Stack.PIPELINE,
                        Map.of(
                            "NEWSMON_NUM_STREAM_THREADS",
                            Integer.toString(streamThreads),
                            "NEWSMON_COMMIT_INTERVAL_MS",
                            Long.toString(commitIntervalMs))),
                out);
        WebhookReceiver receiver = new WebhookReceiver()) {
      String bootstrap = stack.endpoints().bootstrapServers();
      URI pipelineMetrics = stack.endpoints().metricsUrls().get(Stack.PIPELINE);
      long pipelinePid =
          stack.processes().stream()
              .filter(p -> p.name().equals(Stack.PIPELINE))
              .findFirst()
              .orElseThrow()
              .pid();
      out.printf(
          Locale.ROOT,
          "stack: single-node KRaft broker, pipeline (exactly_once_v2, %d stream thread(s), commit"
              + " every %d ms), alert service; a webhook receiver subscribes to %s for the latency"
              + " part%n%n",
          streamThreads,
          commitIntervalMs,
          SUBSCRIBED_TOPIC);

      try (Outcomes outcomes = new Outcomes(bootstrap, receiver)) {
        Double ceiling = null;
        if (!skipCeiling) {
          ceiling = ceiling(bootstrap, corpus, warmup, articles, out);
        }

        out.printf(Locale.ROOT, "warm-up: %,d articles ...%n", warmup);
        publishBacklog(bootstrap, corpus, 0, warmup);
        outcomes.awaitThrough(warmup, pipelineMetrics, STAGE_TIMEOUT);

        out.printf(
            Locale.ROOT, "throughput: %,d articles published as fast as possible ...%n", articles);
        JfrRecording recording = profile ? JfrRecording.start(pipelinePid, workDir) : null;
        Map<String, Duration> cpuBefore = cpuTimes(stack);
        long start = System.nanoTime();
        double publishSeconds = publishBacklog(bootstrap, corpus, warmup, articles);
        outcomes.awaitThrough(warmup + articles, pipelineMetrics, STAGE_TIMEOUT);
        double seconds = (System.nanoTime() - start) / 1e9;
        double throughput = articles / seconds;
        out.printf(
            Locale.ROOT,
            "  published in %.1f s (%,.0f articles/s offered); all decided and flagged after %.1f s%n",
            publishSeconds,
            articles / publishSeconds,
            seconds);
        out.printf(
            Locale.ROOT,
            "  pipeline throughput: %,.0f articles/s (clean + dedup + flag, exactly-once)%n",
            throughput);
        if (ceiling != null) {
          out.printf(
              Locale.ROOT,
              "  raw Kafka ceiling:   %,.0f articles/s (same payloads, produce + consume); pipeline = %.0f %% of it%n",
              ceiling,
              100 * throughput / ceiling);
        }
        printCpu(cpuBefore, cpuTimes(stack), seconds, articles, out);
        if (recording != null) {
          recording.stopAndReport(out);
        }

        // Subscribed only now: the throughput part's alerts (rate-limited per endpoint) would
        // otherwise still be going out and queue the measured ones behind them.
        AlertsClient.Created subscription =
            new AlertsClient(stack.endpoints().alertsUrl(), apiKey)
                .subscribe(List.of(SUBSCRIBED_TOPIC), receiver.url());
        receiver.expectSecret(subscription.signingSecret());
        Thread.sleep(3_000);
        int first = warmup + articles;
        for (int rate : rates) {
          first += latencyPart(outcomes, receiver, bootstrap, pipelineMetrics, corpus, first, rate);
        }

        Outcomes.Tally tally = outcomes.tally();
        out.printf(
            Locale.ROOT,
            "%nall parts: %,d published, %,d unique, %,d duplicates (corpus: %,d copies), %,d flagged%n",
            first,
            tally.unique(),
            tally.duplicates(),
            copies(corpus, first),
            tally.flagged());
      }
    }
    return 0;
  }

  /**
   * Articles {@code [first, first + rate * (latencyWarmupSeconds + latencySeconds))} published at
   * {@code rate}; prints the latency percentiles of those published after the warm-up and returns
   * how many were published.
   */
  private int latencyPart(
      Outcomes outcomes,
      WebhookReceiver receiver,
      String bootstrap,
      URI pipelineMetrics,
      BenchCorpus corpus,
      int first,
      int rate)
      throws Exception {
    int untimed = rate * latencyWarmupSeconds;
    int count = untimed + rate * latencySeconds;
    System.out.printf(
        Locale.ROOT,
        "%nlatency: %,d articles at %d articles/s for %d s, the first %d s untimed ...%n",
        count,
        rate,
        latencyWarmupSeconds + latencySeconds,
        latencyWarmupSeconds);
    int webhooksBefore = receiver.calls().size();
    Map<String, Long> all = publishPaced(bootstrap, corpus, first, count, rate);
    outcomes.awaitThrough(first + count, pipelineMetrics, STAGE_TIMEOUT);
    // Flags are committed with the flag stage's transaction, shortly after it took them in.
    Thread.sleep(1_000);
    outcomes.awaitWebhooks(
        webhooksBefore + outcomes.borderTensionsFlagged(all.keySet()), Duration.ofMinutes(2));
    Map<String, Long> published = new HashMap<>(all);
    for (int i = first; i < first + untimed; i++) {
      published.remove(corpus.article(i).articleId());
    }
    int expectedWebhooks = outcomes.borderTensionsFlagged(published.keySet());
    long[] toFlagged = outcomes.flaggedLatencies(published);
    long[] toWebhook = outcomes.webhookLatencies(published);
    System.out.printf(Locale.ROOT, "  %s%n", percentiles("publish -> flagged", toFlagged));
    System.out.printf(Locale.ROOT, "  %s%n", percentiles("publish -> webhook", toWebhook));
    System.out.printf(
        Locale.ROOT,
        "  webhooks (timed part): %d expected (unique %s articles), %d arrived; %d of this rate's"
            + " with a bad signature%n",
        expectedWebhooks,
        SUBSCRIBED_TOPIC,
        toWebhook.length,
        receiver.calls().stream().skip(webhooksBefore).filter(c -> !c.verified()).count());
    return count;
  }

  /** CPU time used so far by each process of the stack and by this one (the bench's clients). */
  private static Map<String, Duration> cpuTimes(Stack stack) {
    Map<String, Duration> times = new java.util.LinkedHashMap<>();
    for (ServiceProcess process : stack.processes()) {
      ProcessHandle.of(process.pid())
          .flatMap(h -> h.info().totalCpuDuration())
          .ifPresent(cpu -> times.put(process.name(), cpu));
    }
    ProcessHandle.current()
        .info()
        .totalCpuDuration()
        .ifPresent(cpu -> times.put("bench client", cpu));
    return times;
  }

  /**
   * Where the machine's CPU went in the throughput part: the pipeline's share shows how far the
   * stages themselves are from a goal, the rest what Kafka and the measuring cost beside them.
   */
  private static void printCpu(
      Map<String, Duration> before,
      Map<String, Duration> after,
      double seconds,
      int articles,
      PrintStream out) {
    StringBuilder line = new StringBuilder();
    double total = 0;
    for (Map.Entry<String, Duration> e : after.entrySet()) {
      Duration start = before.get(e.getKey());
      if (start == null) {
        continue;
      }
      double used = (e.getValue().toNanos() - start.toNanos()) / 1e9;
      total += used;
      line.append(
          String.format(
              Locale.ROOT,
              "%s%s %.1f s (%.2f ms/article)",
              line.isEmpty() ? "" : ", ",
              e.getKey(),
              used,
              1000 * used / articles));
    }
    out.printf(
        Locale.ROOT,
        "  CPU used: %s; %.1f of %.1f core-seconds available (%d cores)%n",
        line,
        total,
        seconds * Runtime.getRuntime().availableProcessors(),
        Runtime.getRuntime().availableProcessors());
  }

  private static void describeCorpus(BenchCorpus corpus, PrintStream out) {
    long bytes = 0;
    int html = 0;
    int sample = 2_000;
    for (int i = 0; i < sample; i++) {
      BenchCorpus.Article article = corpus.article(i);
      bytes += article.payload().length;
      html += article.contentType().equals("text/html") ? 1 : 0;
    }
    out.printf(
        Locale.ROOT,
        "corpus: generated (seed %d): %.0f %% copies of earlier stories, %.0f %% of stories about"
            + " border tensions, %.0f %% HTML pages (median %d KB), the rest scraped text and"
            + " markdown; mean payload %.1f KB (%d of the first %,d articles HTML)%n",
        corpus.seed(),
        100 * corpus.copyShare(),
        100 * corpus.borderShare(),
        100 * corpus.htmlShare(),
        corpus.medianPageBytes() / 1024,
        bytes / 1024.0 / sample,
        html,
        sample);
  }

  private static int copies(BenchCorpus corpus, int count) {
    int copies = 0;
    for (int i = 0; i < count; i++) {
      copies += corpus.article(i).copy() ? 1 : 0;
    }
    return copies;
  }

  static RawArticle raw(BenchCorpus.Article article) {
    return RawArticle.newBuilder()
        .setArticleId(article.articleId())
        .setSourceId(article.sourceId())
        .setUrl(article.url())
        .setContentType(article.contentType())
        .setPayload(ByteBuffer.wrap(article.payload()))
        .setIngestedAt(Instant.now())
        .setTraceId(TraceIds.newId())
        .build();
  }

  /** Publishes articles {@code [from, from + count)} as fast as acknowledgements allow. */
  private static double publishBacklog(String bootstrap, BenchCorpus corpus, int from, int count)
      throws InterruptedException {
    return publish(new KafkaRawArticles(bootstrap, "newsmon-bench"), corpus, from, count);
  }

  private static double publish(KafkaRawArticles producer, BenchCorpus corpus, int from, int count)
      throws InterruptedException {
    AtomicReference<Throwable> failure = new AtomicReference<>();
    // Bounds what is in flight so the CLI's small heap never holds the backlog.
    Semaphore inFlight = new Semaphore(2_000);
    long start = System.nanoTime();
    try (producer) {
      for (int i = from; i < from + count; i++) {
        inFlight.acquire();
        producer
            .send(raw(corpus.article(i)))
            .whenComplete(
                (ok, e) -> {
                  inFlight.release();
                  if (e != null) {
                    failure.compareAndSet(null, e);
                  }
                });
      }
      producer.flush();
    }
    if (failure.get() != null) {
      throw new IllegalStateException("publishing failed", failure.get());
    }
    return (System.nanoTime() - start) / 1e9;
  }

  /** Publishes at {@code rate} per second; returns each article's publish time (epoch ms). */
  private static Map<String, Long> publishPaced(
      String bootstrap, BenchCorpus corpus, int from, int count, int rate)
      throws InterruptedException {
    Map<String, Long> published = new ConcurrentHashMap<>();
    AtomicReference<Throwable> failure = new AtomicReference<>();
    long start = System.nanoTime();
    long interval = TimeUnit.SECONDS.toNanos(1) / rate;
    try (KafkaRawArticles producer = new KafkaRawArticles(bootstrap, "newsmon-bench-paced")) {
      for (int i = 0; i < count; i++) {
        long due = start + i * interval;
        long wait = due - System.nanoTime();
        if (wait > 0) {
          TimeUnit.NANOSECONDS.sleep(wait);
        }
        RawArticle article = raw(corpus.article(from + i));
        published.put(article.getArticleId(), article.getIngestedAt().toEpochMilli());
        producer
            .send(article)
            .whenComplete(
                (ok, e) -> {
                  if (e != null) {
                    failure.compareAndSet(null, e);
                  }
                });
      }
      producer.flush();
    }
    if (failure.get() != null) {
      throw new IllegalStateException("publishing failed", failure.get());
    }
    return published;
  }

  /**
   * Kafka alone: the same articles produced to {@link TopicCatalog#BENCH_CEILING} by the same
   * producer and read back by one consumer that deserializes them, timed from the first send to the
   * last record read.
   */
  private static double ceiling(
      String bootstrap, BenchCorpus corpus, int from, int count, PrintStream out) throws Exception {
    out.printf(Locale.ROOT, "raw Kafka ceiling: %,d articles produced and consumed ...%n", count);
    try (Admin admin =
        Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
      new TopicProvisioner(admin, (short) 1).ensure(List.of(TopicCatalog.BENCH_CEILING));
      AtomicLong read = new AtomicLong();
      AtomicLong lastRead = new AtomicLong();
      Thread consumer =
          Thread.ofPlatform()
              .name("bench-ceiling-consumer")
              .start(
                  () -> {
                    try (KafkaConsumer<String, RawArticle> c =
                        consumer(bootstrap, AvroSerde.of(RawArticle.class))) {
                      List<TopicPartition> partitions =
                          partitions(
                              TopicCatalog.BENCH_CEILING.name(),
                              TopicCatalog.BENCH_CEILING.partitions());
                      c.assign(partitions);
                      c.seekToBeginning(partitions);
                      while (read.get() < count && !Thread.currentThread().isInterrupted()) {
                        int n = c.poll(Duration.ofMillis(100)).count();
                        if (n > 0) {
                          read.addAndGet(n);
                          lastRead.set(System.nanoTime());
                        }
                      }
                    }
                  });
      long start = System.nanoTime();
      publish(
          new KafkaRawArticles(bootstrap, "newsmon-bench-ceiling", TopicCatalog.BENCH_CEILING),
          corpus,
          from,
          count);
      consumer.join(STAGE_TIMEOUT.toMillis());
      consumer.interrupt();
      admin
          .deleteTopics(List.of(TopicCatalog.BENCH_CEILING.name()))
          .all()
          .get(30, TimeUnit.SECONDS);
      if (read.get() < count) {
        throw new IllegalStateException(
            "ceiling consumer read only " + read.get() + " of " + count);
      }
      double perSecond = count / ((lastRead.get() - start) / 1e9);
      out.printf(Locale.ROOT, "  %,.0f articles/s%n", perSecond);
      return perSecond;
    }
  }

  static <V> KafkaConsumer<String, V> consumer(String bootstrap, Deserializer<V> values) {
    return new KafkaConsumer<>(
        Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
            bootstrap,
            ConsumerConfig.ISOLATION_LEVEL_CONFIG,
            "read_committed",
            ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
            false,
            ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG,
            TopicCatalog.MAX_REQUEST_BYTES),
        new StringDeserializer(),
        values);
  }

  static List<TopicPartition> partitions(String topic, int count) {
    List<TopicPartition> partitions = new ArrayList<>();
    for (int p = 0; p < count; p++) {
      partitions.add(new TopicPartition(topic, p));
    }
    return partitions;
  }

  static String percentiles(String label, long[] millis) {
    if (millis.length == 0) {
      return label + ": no samples";
    }
    long[] sorted = millis.clone();
    Arrays.sort(sorted);
    return String.format(
        Locale.ROOT,
        "%-20s n=%,d  p50 %d ms  p95 %d ms  p99 %d ms  max %d ms",
        label + ":",
        sorted.length,
        NearestRank.of(sorted, 0.50),
        NearestRank.of(sorted, 0.95),
        NearestRank.of(sorted, 0.99),
        sorted[sorted.length - 1]);
  }

  /**
   * What came out of the pipeline and the alert service, read as it arrives: decisions from {@code
   * news.unique} and {@code news.duplicates}, flags from {@code news.flagged} (committed records
   * only), and the receiver's webhooks.
   */
  static final class Outcomes implements AutoCloseable {

    record Tally(int unique, int duplicates, int flagged) {}

    private final WebhookReceiver receiver;
    private final Map<String, Boolean> decided = new ConcurrentHashMap<>();
    private final Map<String, Long> flaggedAt = new ConcurrentHashMap<>();
    private final Map<String, Boolean> flaggedBorder = new ConcurrentHashMap<>();
    private final AtomicLong unique = new AtomicLong();
    private final List<Thread> readers;
    private volatile boolean closing;
    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    Outcomes(String bootstrap, WebhookReceiver receiver) {
      this.receiver = receiver;
      // Two readers, so that a flag's arrival time never waits behind decoding decisions.
      this.readers =
          List.of(
              Thread.ofPlatform()
                  .name("bench-decisions")
                  .daemon()
                  .start(() -> readDecisions(bootstrap)),
              Thread.ofPlatform().name("bench-flags").daemon().start(() -> readFlags(bootstrap)));
    }

    /** The topic says the decision (the pipeline routes by it), so values stay undecoded. */
    private void readDecisions(String bootstrap) {
      try (KafkaConsumer<String, byte[]> consumer = consumer(bootstrap, (topic, bytes) -> bytes)) {
        List<TopicPartition> partitions = new ArrayList<>();
        partitions.addAll(
            partitions(TopicCatalog.NEWS_UNIQUE.name(), TopicCatalog.NEWS_UNIQUE.partitions()));
        partitions.addAll(
            partitions(
                TopicCatalog.NEWS_DUPLICATES.name(), TopicCatalog.NEWS_DUPLICATES.partitions()));
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        while (!closing) {
          for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(50))) {
            if (decided.putIfAbsent(record.key(), Boolean.TRUE) == null
                && record.topic().equals(TopicCatalog.NEWS_UNIQUE.name())) {
              unique.incrementAndGet();
            }
          }
        }
      }
    }

    private void readFlags(String bootstrap) {
      try (KafkaConsumer<String, FlaggedArticle> consumer =
          consumer(bootstrap, AvroSerde.of(FlaggedArticle.class).deserializer())) {
        List<TopicPartition> partitions =
            partitions(TopicCatalog.NEWS_FLAGGED.name(), TopicCatalog.NEWS_FLAGGED.partitions());
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        while (!closing) {
          for (ConsumerRecord<String, FlaggedArticle> record :
              consumer.poll(Duration.ofMillis(50))) {
            flaggedAt.putIfAbsent(record.key(), System.currentTimeMillis());
            flaggedBorder.put(
                record.key(),
                record.value().getFlags().stream()
                    .anyMatch(f -> f.getTopicId().equals(SUBSCRIBED_TOPIC)));
          }
        }
      }
    }

    /**
     * Waits until {@code total} articles are decided and the flag stage has taken in every unique
     * one (its counter on the pipeline's metrics endpoint).
     */
    void awaitThrough(int total, URI pipelineMetrics, Duration timeout) throws Exception {
      long deadline = System.nanoTime() + timeout.toNanos();
      while (System.nanoTime() < deadline) {
        if (decided.size() >= total && flagRecordsIn(pipelineMetrics) >= unique.get()) {
          return;
        }
        Thread.sleep(20);
      }
      throw new IllegalStateException(
          "pipeline did not get through "
              + total
              + " articles within "
              + timeout
              + " (decided "
              + decided.size()
              + ")");
    }

    private double flagRecordsIn(URI metrics) throws IOException, InterruptedException {
      String body =
          http.send(
                  HttpRequest.newBuilder(metrics).GET().build(),
                  HttpResponse.BodyHandlers.ofString())
              .body();
      return StageCounters.parse(body).getOrDefault("in/flag", 0.0);
    }

    int borderTensionsFlagged(Collection<String> articleIds) {
      return (int)
          articleIds.stream().filter(id -> Boolean.TRUE.equals(flaggedBorder.get(id))).count();
    }

    void awaitWebhooks(int total, Duration timeout) throws InterruptedException {
      long deadline = System.nanoTime() + timeout.toNanos();
      while (receiver.calls().size() < total && System.nanoTime() < deadline) {
        Thread.sleep(50);
      }
    }

    long[] flaggedLatencies(Map<String, Long> published) {
      return published.entrySet().stream()
          .filter(e -> flaggedAt.containsKey(e.getKey()))
          .mapToLong(e -> flaggedAt.get(e.getKey()) - e.getValue())
          .toArray();
    }

    long[] webhookLatencies(Map<String, Long> published) throws IOException {
      List<Long> latencies = new ArrayList<>();
      for (WebhookReceiver.Call call : receiver.calls()) {
        JsonNode body = json.readTree(call.body());
        String articleId = body.path("data").path("article").path("id").asText();
        Long at = published.get(articleId);
        if (at != null) {
          latencies.add(call.at().toEpochMilli() - at);
        }
      }
      return latencies.stream().mapToLong(Long::longValue).toArray();
    }

    Tally tally() {
      return new Tally((int) unique.get(), decided.size() - (int) unique.get(), flaggedAt.size());
    }

    @Override
    public void close() throws InterruptedException {
      // Not an interrupt: the consumer would log its interrupted close as an error.
      closing = true;
      for (Thread reader : readers) {
        reader.join(10_000);
      }
    }
  }
}
