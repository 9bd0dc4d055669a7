package io.newsmon.alerts.ops;

import io.newsmon.common.StageCounters;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Records into and out of each pipeline stage per minute, from the pipeline instances' own {@code
 * newsmon_stage_records_in_total} and {@code newsmon_stage_records_out_total} counters, scraped
 * every {@link #EVERY} and summed over instances. A sample of the last few minutes is kept, so a
 * rate is the change over about the last minute.
 */
public final class StageThroughput {

  /** One stage's totals and rates. */
  public record Stage(
      String stage, double in, double out, double inPerMinute, double outPerMinute) {}

  static final Duration EVERY = Duration.ofSeconds(15);
  static final Duration WINDOW = Duration.ofMinutes(1);

  private record Sample(Instant at, Map<String, Double> values) {}

  private final List<URI> urls;
  private final Clock clock;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private final Deque<Sample> samples = new ArrayDeque<>();

  public StageThroughput(List<URI> urls, Clock clock) {
    this.urls = List.copyOf(urls);
    this.clock = clock;
  }

  public boolean configured() {
    return !urls.isEmpty();
  }

  /**
   * Scrapes every instance once and keeps the sample; an instance that does not answer is left out.
   */
  public void sample() {
    Map<String, Double> sum = new TreeMap<>();
    for (URI url : urls) {
      try {
        String body =
            http.send(
                    HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(3)).build(),
                    HttpResponse.BodyHandlers.ofString())
                .body();
        StageCounters.parse(body).forEach((k, v) -> sum.merge(k, v, Double::sum));
      } catch (java.io.IOException e) {
        // that instance is away: its counters are missing from this sample
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
    add(new Sample(clock.instant(), sum));
  }

  synchronized void add(Sample sample) {
    samples.addLast(sample);
    while (samples.size() > 2
        && Duration.between(samples.peekFirst().at(), sample.at()).compareTo(WINDOW.multipliedBy(5))
            > 0) {
      samples.removeFirst();
    }
  }

  /**
   * Each stage's totals and per-minute rates over about the last minute; empty before two samples.
   */
  public synchronized List<Stage> stages() {
    if (samples.isEmpty()) {
      return List.of();
    }
    Sample latest = samples.peekLast();
    Sample base = samples.peekFirst();
    for (Sample s : samples) {
      if (Duration.between(s.at(), latest.at()).compareTo(WINDOW) >= 0) {
        base = s; // the newest sample at least a minute old
      }
    }
    double minutes = Math.max(1e-9, Duration.between(base.at(), latest.at()).toMillis() / 60_000.0);
    List<Stage> out = new ArrayList<>();
    for (String stage : List.of("clean", "dedup", "flag")) {
      double in = latest.values().getOrDefault("in/" + stage, 0.0);
      double outTotal = latest.values().getOrDefault("out/" + stage, 0.0);
      boolean rated = base != latest;
      out.add(
          new Stage(
              stage,
              in,
              outTotal,
              rated ? (in - base.values().getOrDefault("in/" + stage, 0.0)) / minutes : 0,
              rated ? (outTotal - base.values().getOrDefault("out/" + stage, 0.0)) / minutes : 0));
    }
    return out;
  }
}
