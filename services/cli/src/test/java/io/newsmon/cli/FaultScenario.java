package io.newsmon.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsmon.avro.DedupedArticle;
import io.newsmon.avro.FlaggedArticle;
import io.newsmon.avro.RawArticle;
import io.newsmon.common.ArticleIds;
import io.newsmon.common.TopicCatalog;
import io.newsmon.common.TraceIds;
import io.newsmon.feeds.KafkaRawArticles;
import io.newsmon.kafka.LocalKafkaCluster;
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
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.awaitility.core.ConditionTimeoutException;

/**
 * The scaled-out stack of a fault scenario, and what the scenario counts: three brokers (each its
 * own process, so one can be SIGKILLed), two pipeline instances, two alert service instances and a
 * local webhook receiver subscribed to {@value #TOPIC}; a few hundred generated articles published
 * at a steady rate while the scenario injects its fault; then the end state, counted from the
 * topics ({@code read_committed}) and the receiver.
 */
final class FaultScenario implements AutoCloseable {

  static final String TOPIC = "border-tensions";
  static final long SEED = 20_261_130L;
  static final int STORIES = 240;

  /** Articles per second while publishing. */
  static final double RATE = 5.0;

  /** After the last expected alert arrives, how long to keep listening for a repeat. */
  static final Duration QUIET = Duration.ofSeconds(30);

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private final String name;
  private final Path work;
  private final PrintStream out = System.out;
  private final long t0 = System.nanoTime();
  private final List<String> events = new CopyOnWriteArrayList<>();
  private final LocalKafkaCluster cluster;
  private final Stack stack;
  private final WebhookReceiver receiver;
  private final List<ScenarioArticles.Article> articles =
      ScenarioArticles.generate(SEED, STORIES, 0.7, 4);
  private final Map<String, ScenarioArticles.Article> byId = new HashMap<>();
  private final ConcurrentLinkedQueue<String> acked = new ConcurrentLinkedQueue<>();
  private final ConcurrentLinkedQueue<String> failed = new ConcurrentLinkedQueue<>();
  private final Set<String> sentAgain = ConcurrentHashMap.newKeySet();
  private final Set<String> paused = ConcurrentHashMap.newKeySet();
  private final String apiKey;
  private volatile Thread publisher;
  private volatile double faultAt = Double.NaN;
  private volatile double recoveredFrom = Double.NaN;

  private FaultScenario(
      String name,
      Path work,
      LocalKafkaCluster cluster,
      Stack stack,
      WebhookReceiver receiver,
      String apiKey) {
    this.name = name;
    this.work = work;
    this.apiKey = apiKey;
    this.cluster = cluster;
    this.stack = stack;
    this.receiver = receiver;
    for (ScenarioArticles.Article a : articles) {
      byId.put(ArticleIds.ofPayload(a.bytes()), a);
    }
  }

  /**
   * Starts the cluster, the stack (tuned by {@code tune}, e.g. extra environment) and the receiver,
   * and subscribes the receiver to {@value #TOPIC} once both alert service instances know the
   * subscription.
   */
  static FaultScenario start(String name, Path work, UnaryOperator<Stack.Settings> tune)
      throws Exception {
    long start = System.nanoTime();
    NewsmonHome home = new NewsmonHome(Path.of(System.getProperty("newsmon.home")));
    LocalKafkaCluster cluster = LocalKafkaCluster.start(work.resolve("kafka"), 3);
    Stack stack = null;
    WebhookReceiver receiver = null;
    try {
      String apiKey = Keys.newKey();
      Stack.Settings settings =
          tune.apply(
              Stack.Settings.defaults("scenario:" + Keys.sha256(apiKey))
                  .withExternalBootstrap(cluster.bootstrapServers())
                  .withScale(new Stack.Scale(3, 2, 2)));
      stack = Stack.start(home, Stack.Layout.under(work.resolve("stack")), settings, System.out);
      receiver = new WebhookReceiver();
      AlertsClient.Created subscription =
          new AlertsClient(stack.endpoints().alertsUrl(), apiKey)
              .subscribe(List.of(TOPIC), receiver.url());
      receiver.expectSecret(subscription.signingSecret());
      for (URI alerts : stack.endpoints().alertsUrls()) {
        await()
            .atMost(Duration.ofSeconds(60))
            .until(() -> status(alerts, subscription.id(), apiKey) == 200);
      }
      FaultScenario scenario = new FaultScenario(name, work, cluster, stack, receiver, apiKey);
      scenario.event(
          "stack up in %.0f s (3 brokers, 2 pipelines, 2 alert services), subscribed %s",
          (System.nanoTime() - start) / 1e9, subscription.id());
      return scenario;
    } catch (Exception | Error e) {
      if (receiver != null) {
        receiver.close();
      }
      if (stack != null) {
        stack.close();
      }
      cluster.close();
      throw e;
    }
  }

  private static int status(URI alerts, String subscriptionId, String apiKey) {
    try {
      return HTTP.send(
              HttpRequest.newBuilder(alerts.resolve("/api/v1/subscriptions/" + subscriptionId))
                  .header("authorization", "Bearer " + apiKey)
                  .build(),
              HttpResponse.BodyHandlers.discarding())
          .statusCode();
    } catch (IOException e) {
      return 0;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 0;
    }
  }

  LocalKafkaCluster cluster() {
    return cluster;
  }

  Stack stack() {
    return stack;
  }

  WebhookReceiver receiver() {
    return receiver;
  }

  int articleCount() {
    return articles.size();
  }

  double elapsed() {
    return (System.nanoTime() - t0) / 1e9;
  }

  void event(String format, Object... args) {
    String line = String.format(java.util.Locale.ROOT, "+%6.1fs  ", elapsed()) + format;
    line = String.format(java.util.Locale.ROOT, line, args);
    events.add(line);
    out.println("[" + name + "] " + line);
  }

  /** The fault goes in now: times to recover are counted from here. */
  void fault(String what) {
    faultAt = elapsed();
    event("FAULT: %s", what);
  }

  /** The fault is over (a restart, the receiver back): completion is also counted from here. */
  void faultOver(String what) {
    recoveredFrom = elapsed();
    event("%s", what);
  }

  /**
   * Freezes {@code instance} with SIGSTOP: the process keeps its sockets and its state but runs
   * nothing, so to the cluster it looks as it would behind a network partition or in a very long
   * stop-the-world pause, and when it runs again it is a zombie with stale assignments and an old
   * transaction. {@link #close()} thaws what a failed scenario left frozen.
   */
  void pause(String instance) throws IOException, InterruptedException {
    signal("STOP", instance);
    paused.add(instance);
  }

  /** Lets a {@link #pause paused} instance run again (SIGCONT). */
  void resume(String instance) throws IOException, InterruptedException {
    signal("CONT", instance);
    paused.remove(instance);
  }

  private void signal(String signal, String instance) throws IOException, InterruptedException {
    long pid = stack.process(instance).pid();
    Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).start();
    if (kill.waitFor() != 0) {
      throw new IllegalStateException("kill -" + signal + " " + pid + " failed (" + instance + ")");
    }
  }

  /** Publishes every article to {@code news.raw} at {@link #RATE} per second, in the background. */
  void publishInBackground() {
    Thread thread =
        Thread.ofPlatform()
            .name("scenario-publisher")
            .start(
                () -> {
                  long interval = (long) (1e9 / RATE);
                  long next = System.nanoTime();
                  try (KafkaRawArticles producer =
                      new KafkaRawArticles(stack.endpoints().bootstrapServers(), "scenario")) {
                    for (ScenarioArticles.Article a : articles) {
                      String id = ArticleIds.ofPayload(a.bytes());
                      producer
                          .send(raw(id, a))
                          .whenComplete(
                              (ok, e) -> {
                                if (e == null) {
                                  acked.add(id);
                                } else {
                                  failed.add(id + ": " + e);
                                }
                              });
                      next += interval;
                      long wait = next - System.nanoTime();
                      if (wait > 0) {
                        Thread.sleep(Duration.ofNanos(wait));
                      }
                    }
                    producer.flush();
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                  }
                });
    publisher = thread;
    event("publishing %d articles at %.0f/s", articles.size(), RATE);
  }

  /**
   * Posts every article to the ingest service's {@code POST /api/articles} at {@link #RATE} per
   * second, in the background, the way a careful client does: an article whose post failed (no
   * connection, no answer, 5xx) is sent again until it gets its 202, for up to three minutes.
   */
  void postThroughIngestInBackground() {
    URI endpoint = stack.endpoints().ingestUrl().resolve("/api/articles");
    Thread thread =
        Thread.ofPlatform()
            .name("scenario-ingest-client")
            .start(
                () -> {
                  long interval = (long) (1e9 / RATE);
                  long next = System.nanoTime();
                  try {
                    for (ScenarioArticles.Article a : articles) {
                      String id = ArticleIds.ofPayload(a.bytes());
                      postUntilAccepted(endpoint, id, a.bytes());
                      next = Math.max(next + interval, System.nanoTime());
                      long wait = next - System.nanoTime();
                      if (wait > 0) {
                        Thread.sleep(Duration.ofNanos(wait));
                      }
                    }
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                  }
                });
    publisher = thread;
    event("posting %d articles to the ingest service at %.0f/s", articles.size(), RATE);
  }

  private void postUntilAccepted(URI url, String id, byte[] body) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
    Duration backoff = Duration.ofMillis(200);
    String lastFailure = null;
    while (System.nanoTime() < deadline) {
      if (lastFailure != null) {
        sentAgain.add(id);
      }
      try {
        HttpResponse<String> response =
            HTTP.send(
                HttpRequest.newBuilder(url)
                    .timeout(Duration.ofSeconds(10))
                    .header("authorization", "Bearer " + apiKey)
                    .header("content-type", "text/plain; charset=utf-8")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 202) {
          String accepted = JSON.readTree(response.body()).path("articleId").asText();
          if (!accepted.equals(id)) {
            failed.add(id + ": accepted under another id " + accepted);
          } else {
            acked.add(id);
          }
          return;
        }
        lastFailure = "HTTP " + response.statusCode();
        if (response.statusCode() < 500) {
          failed.add(id + ": " + lastFailure + " " + response.body());
          return;
        }
      } catch (IOException e) {
        lastFailure = e.toString();
      }
      // A retry pause, not a wait for a condition: the client cannot see when the service is back.
      Thread.sleep(backoff);
      backoff =
          backoff.multipliedBy(2).compareTo(Duration.ofSeconds(2)) > 0
              ? Duration.ofSeconds(2)
              : backoff.multipliedBy(2);
    }
    failed.add(id + ": not accepted within 3 minutes, last " + lastFailure);
  }

  /** Articles the client had to post more than once. */
  Set<String> sentAgain() {
    return Set.copyOf(sentAgain);
  }

  /** Waits until the client has had to send at least one article again. */
  void awaitSendingAgain() {
    await()
        .atMost(Duration.ofMinutes(2))
        .pollInterval(Duration.ofMillis(100))
        .until(() -> !sentAgain.isEmpty());
  }

  private static RawArticle raw(String id, ScenarioArticles.Article a) {
    return RawArticle.newBuilder()
        .setArticleId(id)
        .setSourceId("scenario")
        .setContentType("text/plain")
        .setPayload(ByteBuffer.wrap(a.bytes()))
        .setFileName(a.label() + ".txt")
        .setIngestedAt(Instant.now())
        .setTraceId(TraceIds.newId())
        .build();
  }

  /** Waits until {@code count} articles are acknowledged by the brokers. */
  void awaitPublished(int count) {
    await()
        .atMost(Duration.ofMinutes(5))
        .pollInterval(Duration.ofMillis(100))
        .until(() -> acked.size() + failed.size() >= count);
  }

  /** Waits until at least {@code count} distinct alerts reached the receiver. */
  void awaitDelivered(int count) {
    await()
        .atMost(Duration.ofMinutes(5))
        .pollInterval(Duration.ofMillis(100))
        .until(() -> deliveredIds().size() >= count);
  }

  private Set<String> deliveredIds() {
    return receiver.calls().stream().map(c -> c.header("webhook-id")).collect(Collectors.toSet());
  }

  /** The stories the scenario expects to be flagged: each border story once. */
  long expectedAlerts() {
    return articles.stream().filter(a -> a.border() && !a.copy()).count();
  }

  /**
   * Waits until the end state: everything published, every article past deduplication, every border
   * story flagged and its alert at the receiver; then listens {@link #QUIET} longer for repeats,
   * and counts.
   */
  Outcome awaitEndState(Duration timeout) throws InterruptedException {
    publisher.join(Duration.ofMinutes(5).toMillis());
    TopicReader reader = new TopicReader(stack.endpoints().bootstrapServers());
    long expected = expectedAlerts();
    try {
      await()
          .atMost(timeout)
          .pollInterval(Duration.ofSeconds(5))
          .until(
              () ->
                  deliveredIds().size() >= expected
                      && reader.count(TopicCatalog.NEWS_FLAGGED.name()) >= expected
                      && reader.count(TopicCatalog.NEWS_UNIQUE.name())
                              + reader.count(TopicCatalog.NEWS_DUPLICATES.name())
                          >= acked.size());
    } catch (ConditionTimeoutException e) {
      String progress =
          String.format(
              java.util.Locale.ROOT,
              "published %d (failed %d), unique %d + duplicates %d, flagged %d of %d, alerts"
                  + " delivered %d of %d",
              acked.size(),
              failed.size(),
              reader.count(TopicCatalog.NEWS_UNIQUE.name()),
              reader.count(TopicCatalog.NEWS_DUPLICATES.name()),
              reader.count(TopicCatalog.NEWS_FLAGGED.name()),
              expected,
              deliveredIds().size(),
              expected);
      event(
          "END STATE NOT REACHED: %s; logs will be in %s",
          progress, Path.of("target", "scenario-logs", name).toAbsolutePath());
      throw new AssertionError("end state not reached within " + timeout + ": " + progress, e);
    }
    double complete = elapsed();
    event("every article counted and every alert delivered; listening %s for repeats", QUIET);
    Thread.sleep(QUIET);
    return count(reader, complete);
  }

  /** What a scenario ends with. */
  record Outcome(
      String scenario,
      int published,
      int publishFailures,
      Map<String, Integer> uniqueTimes,
      Map<String, Integer> duplicateTimes,
      Map<String, Integer> flaggedTimes,
      long expectedAlerts,
      int deliveries,
      Map<String, Integer> deliveriesById,
      Set<String> deliveredArticleIds,
      int unverified,
      double faultAt,
      double recoveredFrom,
      double completeAt,
      double longestPause,
      List<String> events) {

    int unique() {
      return uniqueTimes.values().stream().mapToInt(Integer::intValue).sum();
    }

    int duplicates() {
      return duplicateTimes.values().stream().mapToInt(Integer::intValue).sum();
    }

    int flagged() {
      return flaggedTimes.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** Alerts that reached the receiver more than once. */
    Map<String, Integer> deliveredTwice() {
      return deliveriesById.entrySet().stream()
          .filter(e -> e.getValue() > 1)
          .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    String summary() {
      return String.format(
          java.util.Locale.ROOT,
          "%s: published %d (failed %d), unique %d, duplicates %d, flagged %d, alerts expected %d,"
              + " delivered %d calls / %d distinct, delivered twice %d; fault at +%.0f s,"
              + " complete at +%.0f s (%.0f s after the fault%s), longest pause between"
              + " deliveries %.1f s",
          scenario,
          published,
          publishFailures,
          unique(),
          duplicates(),
          flagged(),
          expectedAlerts,
          deliveries,
          deliveriesById.size(),
          deliveredTwice().size(),
          faultAt,
          completeAt,
          completeAt - faultAt,
          Double.isNaN(recoveredFrom)
              ? ""
              : String.format(
                  java.util.Locale.ROOT, ", %.0f s after it ended", completeAt - recoveredFrom),
          longestPause);
    }

    /**
     * Nothing lost, nothing doubled in Kafka: every published article once in news.unique or
     * news.duplicates, every border story once in news.flagged, its alert at the receiver, signed.
     */
    void assertNothingLost(Collection<String> publishedIds) {
      assertNothingLost(publishedIds, Set.of());
    }

    /**
     * As {@link #assertNothingLost(Collection)}, where a client sent the articles {@code sentAgain}
     * more than once: each of those may also be in news.duplicates as a copy of itself (same
     * article id), and nowhere else twice.
     */
    void assertNothingLost(Collection<String> publishedIds, Set<String> sentAgain) {
      assertThat(publishFailures).as("publish failures").isZero();
      Map<String, Integer> passed = new HashMap<>(uniqueTimes);
      duplicateTimes.forEach((id, n) -> passed.merge(id, n, Integer::sum));
      assertThat(passed.keySet())
          .as("articles past dedup")
          .containsExactlyInAnyOrderElementsOf(publishedIds);
      passed.forEach(
          (id, n) -> {
            if (!sentAgain.contains(id)) {
              assertThat(n).as("%s, sent once, once in unique or duplicates", id).isEqualTo(1);
            }
          });
      assertThat(uniqueTimes.values()).as("each unique article once").containsOnly(1);
      assertThat(unique()).as("unique: one per story").isEqualTo(STORIES);
      assertThat(duplicateTimes.keySet().stream().filter(id -> !uniqueTimes.containsKey(id)))
          .as("duplicates: the copies")
          .hasSize(publishedIds.size() - STORIES);
      assertThat(flaggedTimes.values()).as("each flagged article once").containsOnly(1);
      assertThat(flaggedTimes.size()).as("flagged: the border stories").isEqualTo(expectedAlerts);
      assertThat(uniqueTimes.keySet()).containsAll(flaggedTimes.keySet());
      assertThat(deliveredArticleIds)
          .as("an alert for every flagged article")
          .containsExactlyInAnyOrderElementsOf(flaggedTimes.keySet());
      assertThat(deliveriesById).as("distinct alerts").hasSize((int) expectedAlerts);
      assertThat(unverified).as("deliveries whose signature did not verify").isZero();
    }
  }

  private Outcome count(TopicReader reader, double complete) {
    Map<String, Integer> unique =
        times(
            reader
                .readAll(TopicCatalog.NEWS_UNIQUE.name(), AvroSerde.of(DedupedArticle.class))
                .stream()
                .map(d -> d.getArticle().getArticleId())
                .toList());
    Map<String, Integer> duplicates =
        times(
            reader
                .readAll(TopicCatalog.NEWS_DUPLICATES.name(), AvroSerde.of(DedupedArticle.class))
                .stream()
                .map(d -> d.getArticle().getArticleId())
                .toList());
    Map<String, Integer> flagged =
        times(
            reader
                .readAll(TopicCatalog.NEWS_FLAGGED.name(), AvroSerde.of(FlaggedArticle.class))
                .stream()
                .filter(f -> f.getFlags().stream().anyMatch(t -> t.getTopicId().equals(TOPIC)))
                .map(f -> f.getArticle().getArticleId())
                .toList());
    List<WebhookReceiver.Call> calls = receiver.calls();
    Map<String, Integer> byId = times(calls.stream().map(c -> c.header("webhook-id")).toList());
    Set<String> articleIds = new HashSet<>();
    int unverified = 0;
    for (WebhookReceiver.Call call : calls) {
      unverified += call.verified() ? 0 : 1;
      try {
        JsonNode body = JSON.readTree(call.body());
        articleIds.add(body.at("/data/article/id").asText());
      } catch (IOException e) {
        throw new IllegalStateException("unreadable webhook body: " + call.body(), e);
      }
    }
    double pause = 0;
    List<Instant> times = calls.stream().map(WebhookReceiver.Call::at).sorted().toList();
    for (int i = 1; i < times.size(); i++) {
      pause = Math.max(pause, Duration.between(times.get(i - 1), times.get(i)).toMillis() / 1e3);
    }
    Outcome outcome =
        new Outcome(
            name,
            acked.size(),
            failed.size(),
            unique,
            duplicates,
            flagged,
            expectedAlerts(),
            calls.size(),
            byId,
            articleIds,
            unverified,
            faultAt,
            recoveredFrom,
            complete,
            pause,
            List.copyOf(events));
    out.println();
    out.println("=== scenario " + name + " ===");
    events.forEach(e -> out.println("  " + e));
    out.println("  " + outcome.summary());
    if (!outcome.deliveredTwice().isEmpty()) {
      out.println("  delivered twice: " + new TreeMap<>(outcome.deliveredTwice()));
    }
    if (!failed.isEmpty()) {
      out.println("  publish failures: " + failed);
    }
    out.println();
    return outcome;
  }

  /**
   * Copies the brokers' and services' logs out of the scenario's temporary directory, which JUnit
   * deletes, to {@code target/scenario-logs/NAME}: without them a failure that takes a quarter of
   * an hour to reproduce says only that a wait timed out, and a pass cannot be looked into.
   */
  private void keepLogs() {
    Path kept = Path.of("target", "scenario-logs", name).toAbsolutePath();
    try (var files = java.nio.file.Files.walk(work)) {
      for (Path file : files.filter(FaultScenario::isProcessLog).toList()) {
        Path to = kept.resolve(work.relativize(file).toString());
        java.nio.file.Files.createDirectories(to.getParent());
        java.nio.file.Files.copy(file, to, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      out.println("[" + name + "] could not keep the logs: " + e);
    }
  }

  /** A process's log, not one of Kafka's segment files ({@code 00000000000000000000.log}). */
  private static boolean isProcessLog(Path file) {
    String fileName = file.getFileName().toString();
    return fileName.endsWith(".log") && !Character.isDigit(fileName.charAt(0));
  }

  /**
   * How long before an alert service instance was killed or frozen an answered call may still be
   * unrecorded: three acknowledged writes on three brokers, on a busy 2-core machine.
   */
  static final Duration RECORDING_WINDOW = Duration.ofSeconds(5);

  /**
   * The alerts delivered twice are only those the instance stopped at {@code stoppedAt} could not
   * know were delivered: calls the receiver had not answered then ({@code inFlight}), or had
   * answered at most {@link #RECORDING_WINDOW} before; each at most twice.
   */
  void assertRepeatsOnlyUnrecordedAt(Outcome outcome, Instant stoppedAt, Set<String> inFlight) {
    int unanswered = 0;
    long latestAnswer = 0;
    for (String id : outcome.deliveredTwice().keySet()) {
      if (inFlight.contains(id)) {
        unanswered++;
        continue;
      }
      Instant answered =
          receiver
              .firstAnswered(id)
              .orElseThrow(() -> new AssertionError(id + " repeated but never answered"));
      long before = Duration.between(answered, stoppedAt).toMillis();
      assertThat(before)
          .as("%s repeated: answered %d ms before the fault, not after it", id, before)
          .isBetween(0L, RECORDING_WINDOW.toMillis());
      latestAnswer = Math.max(latestAnswer, before);
    }
    event(
        "%d alerts delivered twice: %d unanswered at the fault (of %d), %d answered at most %d ms"
            + " before it, their 2xx not yet recorded",
        outcome.deliveredTwice().size(),
        unanswered,
        inFlight.size(),
        outcome.deliveredTwice().size() - unanswered,
        latestAnswer);
    assertThat(outcome.deliveredTwice().values()).as("at most twice").allMatch(n -> n == 2);
  }

  /** The ids of the articles the brokers acknowledged. */
  List<String> publishedIds() {
    return new ArrayList<>(acked);
  }

  private static Map<String, Integer> times(List<String> ids) {
    Map<String, Integer> counts = new HashMap<>();
    ids.forEach(id -> counts.merge(id, 1, Integer::sum));
    return counts;
  }

  /**
   * The alert service instance delivering the subscription's alerts now: its deliveries live in one
   * partition of alerts.deliveries, which one instance works at a time (and which may move between
   * them while the group settles), so the one whose delivered count grows.
   */
  String deliveringAlertService() throws Exception {
    for (int round = 0; round < 20; round++) {
      double[] before = deliveredCounts();
      Thread.sleep(3000); // a measuring interval: which counter moves in it
      double[] after = deliveredCounts();
      String growing = null;
      int grew = 0;
      for (int i = 0; i < after.length; i++) {
        if (after[i] > before[i]) {
          grew++;
          growing = Stack.instanceName(Stack.ALERTS, i + 1);
        }
      }
      if (grew == 1) {
        return growing;
      }
    }
    throw new IllegalStateException("no single alert service instance is delivering");
  }

  /**
   * The value of gauge or counter {@code metric} (a Prometheus name, first series) on alert service
   * instance {@code instance}, or 0 when it has none yet.
   */
  double alertServiceMetric(String instance, String metric) throws Exception {
    List<URI> urls = stack.endpoints().alertsUrls();
    for (int i = 0; i < urls.size(); i++) {
      if (Stack.instanceName(Stack.ALERTS, i + 1).equals(instance)) {
        return scrape(urls.get(i), metric, "");
      }
    }
    throw new IllegalArgumentException("no alert service instance " + instance);
  }

  private double[] deliveredCounts() throws Exception {
    List<URI> urls = stack.endpoints().alertsUrls();
    double[] counts = new double[urls.size()];
    for (int i = 0; i < urls.size(); i++) {
      counts[i] = scrape(urls.get(i), "newsmon_alerts_deliveries_total", "outcome=\"delivered\"");
    }
    return counts;
  }

  /**
   * The value of the first series of {@code metric} (a Prometheus name) in the {@code /metrics}
   * scrape of the process serving {@code base} whose labels include {@code label} ({@code
   * name="value"}, or empty for any series), or 0 when there is none: one reading of the scrape for
   * every scenario that watches a service's counters.
   */
  static double scrape(URI base, String metric, String label) throws Exception {
    String body =
        HTTP.send(
                HttpRequest.newBuilder(base.resolve("/metrics")).build(),
                HttpResponse.BodyHandlers.ofString())
            .body();
    Matcher m =
        Pattern.compile("(?m)^" + Pattern.quote(metric) + "(?:\\{([^}]*)})? ([0-9.E+-]+)")
            .matcher(body);
    while (m.find()) {
      if (label.isEmpty() || (m.group(1) != null && m.group(1).contains(label))) {
        return Double.parseDouble(m.group(2));
      }
    }
    return 0;
  }

  @Override
  public void close() throws Exception {
    Thread p = publisher;
    if (p != null) {
      p.interrupt();
      p.join(10_000);
    }
    for (String instance : Set.copyOf(paused)) {
      resume(instance); // a frozen process would not act on the stop signal the stack sends
    }
    try {
      receiver.close();
      stack.close();
    } finally {
      cluster.close();
      keepLogs();
    }
  }
}
