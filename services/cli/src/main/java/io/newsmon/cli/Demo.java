package io.newsmon.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsmon.avro.DedupedArticle;
import io.newsmon.common.TopicCatalog;
import io.newsmon.schema.AvroSerde;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

/**
 * The canonical case end to end: start a fresh stack, subscribe a local webhook receiver to {@code
 * border-tensions}, publish the two copies of the Moscow Times article, wait for one signed alert
 * and one suppressed duplicate, print them, stop everything.
 */
public final class Demo {

  static final String TOPIC = "border-tensions";
  private static final Duration RESULT_TIMEOUT = Duration.ofSeconds(120);

  /** Counts along the pipeline and the alert that arrived. */
  public record Result(
      int published,
      int clean,
      int unique,
      int duplicates,
      int flagged,
      List<WebhookReceiver.Call> deliveries,
      List<DedupedArticle> duplicateRecords) {

    public boolean succeeded() {
      return published == 2
          && clean == 2
          && unique == 1
          && duplicates == 1
          && flagged == 1
          && deliveries.size() == 1
          && deliveries.get(0).verified();
    }

    public String summary() {
      return "published "
          + published
          + ", clean "
          + clean
          + ", unique "
          + unique
          + ", duplicates "
          + duplicates
          + ", flagged "
          + flagged
          + ", delivered "
          + deliveries.size();
    }
  }

  private Demo() {}

  /** Runs the demo with its stack under {@code workDir}; files default to the shipped seeds. */
  public static Result run(NewsmonHome home, Path workDir, List<Path> files, PrintStream out)
      throws Exception {
    return run(home, workDir, files, out, endpoints -> {});
  }

  /** What to do with the running stack once the demo's result is in, before it stops. */
  @FunctionalInterface
  public interface WhileUp {
    void accept(Stack.Endpoints endpoints) throws Exception;
  }

  /** Runs the demo, then {@code whileUp} on the still running stack. */
  public static Result run(
      NewsmonHome home, Path workDir, List<Path> files, PrintStream out, WhileUp whileUp)
      throws Exception {
    String apiKey = Keys.newKey();
    Stack.Layout layout = Stack.Layout.under(workDir);
    try (Stack stack =
            Stack.start(
                home,
                layout,
                // The defaults allow loopback webhooks: the demo's receiver runs on this machine.
                Stack.Settings.defaults("demo:" + Keys.sha256(apiKey)),
                out);
        WebhookReceiver receiver = new WebhookReceiver()) {
      String bootstrap = stack.endpoints().bootstrapServers();
      AlertsClient.Created subscription =
          new AlertsClient(stack.endpoints().alertsUrl(), apiKey)
              .subscribe(List.of(TOPIC), receiver.url());
      receiver.expectSecret(subscription.signingSecret());
      out.println("subscribed " + receiver.url() + " to " + TOPIC + " (" + subscription.id() + ")");

      // Through the ingest service's HTTP API, as an outside producer would.
      IngestClient ingest = new IngestClient(stack.endpoints().ingestUrl(), apiKey);
      int published = 0;
      for (Path file : CleanCommand.files(files)) {
        IngestClient.Accepted accepted = ingest.submit(file);
        out.println(
            "  POST /api/articles "
                + file.getFileName()
                + " -> 202, "
                + accepted.articleId()
                + " (trace "
                + accepted.traceId()
                + ")");
        published++;
      }

      TopicReader reader = new TopicReader(bootstrap);
      long deadline = System.nanoTime() + RESULT_TIMEOUT.toNanos();
      Result result;
      do {
        Thread.sleep(250);
        result =
            new Result(
                published,
                reader.count(TopicCatalog.NEWS_CLEAN.name()),
                reader.count(TopicCatalog.NEWS_UNIQUE.name()),
                reader.count(TopicCatalog.NEWS_DUPLICATES.name()),
                reader.count(TopicCatalog.NEWS_FLAGGED.name()),
                receiver.calls(),
                List.of());
      } while (!result.succeeded() && System.nanoTime() < deadline);
      whileUp.accept(stack.endpoints());
      return new Result(
          result.published(),
          result.clean(),
          result.unique(),
          result.duplicates(),
          result.flagged(),
          result.deliveries(),
          reader.readAll(TopicCatalog.NEWS_DUPLICATES.name(), AvroSerde.of(DedupedArticle.class)));
    }
  }

  /** Prints the alert and the summary; returns the process exit code. */
  public static int report(Result result, PrintStream out) throws IOException {
    out.println();
    for (WebhookReceiver.Call call : result.deliveries()) {
      out.println("=== alert delivered ===");
      out.println("webhook-id:        " + call.header("webhook-id"));
      out.println("webhook-timestamp: " + call.header("webhook-timestamp"));
      out.println(
          "webhook-signature: "
              + call.header("webhook-signature")
              + (call.verified()
                  ? "  (verified with the Standard Webhooks library)"
                  : "  (DOES NOT VERIFY: " + call.verifyError() + ")"));
      ObjectMapper json = new ObjectMapper();
      out.println(
          json.writerWithDefaultPrettyPrinter().writeValueAsString(json.readTree(call.body())));
    }
    for (DedupedArticle copy : result.duplicateRecords()) {
      out.printf(
          "=== duplicate suppressed ===%n%s is a %s copy of %s (similarity %.2f), cluster %s%n",
          copy.getArticle().getArticleId(),
          copy.getDecision().getMethod(),
          copy.getDecision().getDuplicateOf(),
          copy.getDecision().getSimilarity(),
          copy.getDecision().getClusterId());
    }
    out.println();
    out.println("summary: " + result.summary());
    if (result.succeeded()) {
      out.println(
          "demo OK: one clean article flagged "
              + TOPIC
              + ", one alert delivered, one duplicate suppressed");
      return 0;
    }
    out.println(
        "demo FAILED: expected published 2, clean 2, unique 1, duplicates 1, flagged 1, delivered 1 (signature verified)");
    return 1;
  }

  static List<Path> seedFiles(NewsmonHome home) throws IOException {
    try (Stream<Path> files = Files.list(home.seeds())) {
      return files.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
    }
  }
}
