package io.newsmon.cli;

import io.newsmon.common.ReadyFile;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code ./newsmon bench ingest}: articles per second through the running ingest service's {@code
 * POST /api/articles}, each answered only after Kafka acknowledged it, with latency percentiles.
 * Measures the stack as deployed: the pipeline processes what is posted meanwhile.
 */
@Command(
    name = "ingest",
    description =
        "Articles/s and latency of POST /api/articles on the running stack (./newsmon up first).")
final class IngestBench implements Callable<Integer> {

  @Parameters(
      arity = "0..1",
      description = "Directory of article files to post (default: the demo seeds).")
  Path dir;

  @Option(names = "--articles", defaultValue = "5000", description = "Timed requests.")
  int articles;

  @Option(names = "--warmup", defaultValue = "500", description = "Untimed requests first.")
  int warmup;

  @Option(names = "--concurrency", defaultValue = "8", description = "Requests in flight.")
  int concurrency;

  @Override
  public Integer call() throws Exception {
    PrintStream out = System.out;
    NewsmonHome home = NewsmonHome.locate();
    Properties stack =
        ReadyFile.read(Stack.Layout.under(home.runtimeDir()).pids().resolve("stack.properties"));
    if (stack == null || stack.getProperty("ingest.url") == null) {
      System.err.println("newsmon is not up: run ./newsmon up first");
      return 2;
    }
    URI base = URI.create(stack.getProperty("ingest.url"));
    String key = Newsmon.apiKey(home);
    List<Path> files =
        CleanCommand.files(List.of(dir == null ? home.seeds() : dir)).stream()
            .filter(f -> ArticlePublisher.contentType(f) != null)
            .filter(f -> !ArticlePublisher.isJsonLines(f))
            .toList();
    if (files.isEmpty()) {
      System.err.println("no article files in " + dir);
      return 2;
    }
    List<Payload> payloads = new ArrayList<>();
    long bytes = 0;
    for (Path file : files) {
      byte[] body = ArticlePublisher.readPayload(file);
      payloads.add(new Payload(ArticlePublisher.contentType(file), body));
      bytes += body.length;
    }
    out.printf(
        Locale.ROOT,
        "posting to %s: %d files (mean %,d bytes), %d warm-up + %d timed requests, %d in flight%n",
        base,
        files.size(),
        bytes / files.size(),
        warmup,
        articles,
        concurrency);

    String run = Long.toString(System.currentTimeMillis(), 36);
    HttpClient http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    post(http, base, key, payloads, run + "-w", warmup);
    long start = System.nanoTime();
    Results results = post(http, base, key, payloads, run, articles);
    double seconds = (System.nanoTime() - start) / 1e9;

    long[] latencies = results.latenciesNanos();
    Arrays.sort(latencies);
    out.printf(
        Locale.ROOT,
        "accepted %,d of %,d in %.1f s: %,.0f articles/s, %.1f MB/s%n",
        latencies.length,
        articles,
        seconds,
        latencies.length / seconds,
        results.bytes() / seconds / 1e6);
    if (latencies.length > 0) {
      out.printf(
          Locale.ROOT,
          "latency to 202 (Kafka acknowledged): p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms%n",
          NearestRank.of(latencies, 0.50) / 1e6,
          NearestRank.of(latencies, 0.95) / 1e6,
          NearestRank.of(latencies, 0.99) / 1e6,
          latencies[latencies.length - 1] / 1e6);
    }
    if (!results.failures().isEmpty()) {
      out.println("not accepted: " + results.failures());
    }
    out.printf(
        Locale.ROOT,
        "machine: %d cores, Java %s%n",
        Runtime.getRuntime().availableProcessors(),
        Runtime.version());
    return results.failures().isEmpty() ? 0 : 1;
  }

  private record Payload(String contentType, byte[] body) {}

  private record Results(long[] latenciesNanos, long bytes, Map<String, Integer> failures) {}

  private Results post(
      HttpClient http, URI base, String key, List<Payload> payloads, String run, int count)
      throws Exception {
    Semaphore inFlight = new Semaphore(concurrency);
    List<Future<long[]>> outcomes = new ArrayList<>(count);
    try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
      for (int i = 0; i < count; i++) {
        Payload payload = payloads.get(i % payloads.size());
        // A URL of its own per request: every post is a new article id.
        String url = "https://bench.newsmon.invalid/" + run + "/" + i;
        HttpRequest request =
            HttpRequest.newBuilder(
                    base.resolve(
                        "/api/articles?url=" + URLEncoder.encode(url, StandardCharsets.UTF_8)))
                .timeout(Duration.ofSeconds(60))
                .header("authorization", "Bearer " + key)
                .header("content-type", payload.contentType())
                .POST(HttpRequest.BodyPublishers.ofByteArray(payload.body()))
                .build();
        inFlight.acquire();
        outcomes.add(
            executor.submit(
                () -> {
                  try {
                    long t0 = System.nanoTime();
                    HttpResponse<Void> response =
                        http.send(request, HttpResponse.BodyHandlers.discarding());
                    return new long[] {
                      response.statusCode(), System.nanoTime() - t0, payload.body().length
                    };
                  } catch (IOException e) {
                    return new long[] {-1, 0, 0};
                  } finally {
                    inFlight.release();
                  }
                }));
      }
    }
    long[] latencies = new long[count];
    int accepted = 0;
    long bytes = 0;
    Map<String, Integer> failures = new TreeMap<>();
    for (Future<long[]> outcome : outcomes) {
      long[] r = outcome.get();
      if (r[0] == 202) {
        latencies[accepted++] = r[1];
        bytes += r[2];
      } else {
        failures.merge(r[0] < 0 ? "I/O error" : "HTTP " + r[0], 1, Integer::sum);
      }
    }
    return new Results(Arrays.copyOf(latencies, accepted), bytes, failures);
  }
}
