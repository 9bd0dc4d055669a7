package io.newsmon.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsmon.common.testing.Promtool;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The monitoring assets in {@code deploy/}: Prometheus' configuration and rules pass promtool (and
 * the rules' own unit tests), and the Grafana dashboard is well formed. DemoIT checks that every
 * metric they name is served by a running stack.
 */
class DeployAssetsTest {

  static final Path DEPLOY = Path.of(System.getProperty("newsmon.home", "../..")).resolve("deploy");
  private static final Pattern METRIC = Pattern.compile("\\b(newsmon_[a-z_]+|kafka_[a-z_]+)\\b");

  @Test
  void prometheusConfigurationAndRulesPassPromtool() throws Exception {
    Path prometheus = DEPLOY.resolve("prometheus");
    Promtool.assertPasses("check", "config", prometheus.resolve("prometheus.yml").toString());
    Promtool.assertPasses("check", "rules", prometheus.resolve("rules.yml").toString());
    Promtool.assertPasses("test", "rules", prometheus.resolve("rules-test.yml").toString());
  }

  @Test
  void theDashboardIsWellFormedAndEveryPanelQueriesSomething() throws Exception {
    JsonNode dashboard =
        new ObjectMapper().readTree(DEPLOY.resolve("grafana/newsmon-dashboard.json").toFile());
    assertThat(dashboard.path("uid").asText()).isEqualTo("newsmon-overview");
    List<JsonNode> panels = new ArrayList<>();
    dashboard.path("panels").forEach(panels::add);
    assertThat(panels).hasSizeGreaterThan(10);
    Set<Integer> ids = new TreeSet<>();
    for (JsonNode panel : panels) {
      assertThat(ids.add(panel.path("id").asInt())).as("panel ids are unique").isTrue();
      JsonNode grid = panel.path("gridPos");
      assertThat(grid.path("w").asInt() + grid.path("x").asInt()).isLessThanOrEqualTo(24);
      if (!panel.path("type").asText().equals("row")) {
        assertThat(panel.path("targets")).as(panel.path("title").asText()).isNotEmpty();
        panel.path("targets").forEach(t -> assertThat(t.path("expr").asText()).isNotBlank());
      }
    }
  }

  /** Every metric the rules and the dashboard name (for DemoIT to find in real scrapes). */
  static Set<String> metricNames() throws Exception {
    Set<String> names = new TreeSet<>();
    for (Path file :
        List.of(
            DEPLOY.resolve("prometheus/rules.yml"),
            DEPLOY.resolve("grafana/newsmon-dashboard.json"))) {
      Matcher m = METRIC.matcher(Files.readString(file));
      while (m.find()) {
        names.add(m.group(1).replaceAll("_(bucket|count|sum)$", ""));
      }
    }
    return names;
  }
}
