package io.newsmon.common;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StageCountersTest {

  @Test
  void readsEachStagesCountersAndSumsRepeatedSamples() {
    String exposition =
        """
        # HELP newsmon_stage_records_in_total Records into a stage
        # TYPE newsmon_stage_records_in_total counter
        newsmon_stage_records_in_total{stage="clean"} 1200.0
        newsmon_stage_records_in_total{stage="flag"} 8.0E2
        newsmon_stage_records_in_total{instance="pipeline-2",stage="flag",zone="a"} 15.0
        newsmon_stage_records_out_total{stage="dedup"} 900.0
        newsmon_stage_records_in_totals{stage="clean"} 5.0
        newsmon_dedup_decisions_total{method="EXACT_TEXT"} 3.0
        """;

    assertThat(StageCounters.parse(exposition))
        .containsOnlyKeys("in/clean", "in/flag", "out/dedup")
        .containsEntry("in/clean", 1200.0)
        .containsEntry("in/flag", 815.0)
        .containsEntry("out/dedup", 900.0);
  }

  @Test
  void anExpositionWithoutTheCountersGivesNothing() {
    assertThat(StageCounters.parse("# no samples\nup 1\n")).isEmpty();
  }
}
