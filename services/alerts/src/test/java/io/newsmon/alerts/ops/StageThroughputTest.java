package io.newsmon.alerts.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.newsmon.common.testing.MutableClock;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class StageThroughputTest {

  @Test
  void ratesAreTheChangeOverAboutTheLastMinuteSummedOverInstances() throws Exception {
    AtomicInteger clean = new AtomicInteger(100);
    HttpServer a = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    HttpServer b = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    for (HttpServer server : List.of(a, b)) {
      server.createContext(
          "/metrics",
          exchange -> {
            byte[] body =
                ("# HELP newsmon_stage_records_in_total Records into a stage\n"
                        + "# TYPE newsmon_stage_records_in_total counter\n"
                        + "newsmon_stage_records_in_total{stage=\"clean\"} "
                        + clean.get()
                        + ".0\n"
                        + "newsmon_stage_records_out_total{stage=\"clean\"} 90.0\n"
                        + "newsmon_stage_records_in_total{stage=\"dedup\"} 90.0\n")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
          });
      server.start();
    }
    MutableClock clock = new MutableClock(Instant.parse("2026-11-30T10:00:00Z"));
    StageThroughput throughput =
        new StageThroughput(
            List.of(
                URI.create("http://127.0.0.1:" + a.getAddress().getPort() + "/metrics"),
                URI.create("http://127.0.0.1:" + b.getAddress().getPort() + "/metrics"),
                URI.create("http://127.0.0.1:1/metrics")), // an instance that is away
            clock);
    try {
      throughput.sample();
      assertThat(throughput.stages()).first().satisfies(s -> assertThat(s.inPerMinute()).isZero());
      clock.advance(Duration.ofSeconds(30));
      clean.set(130);
      throughput.sample();
      clock.advance(Duration.ofSeconds(30));
      clean.set(160);
      throughput.sample();

      StageThroughput.Stage cleanStage = throughput.stages().get(0);
      assertThat(cleanStage.stage()).isEqualTo("clean");
      assertThat(cleanStage.in()).as("two instances").isEqualTo(320);
      assertThat(cleanStage.inPerMinute()).as("(320 - 200) over one minute").isEqualTo(120);
      assertThat(cleanStage.outPerMinute()).isZero();
      assertThat(throughput.stages().get(1).in()).isEqualTo(180);
    } finally {
      a.stop(0);
      b.stop(0);
    }
  }
}
