package io.newsmon.common;

import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The pipeline's records-into and records-out-of counters per stage, named once for the pipeline
 * that registers them and for the readers of its {@code /metrics} endpoint (the alert service's
 * operations view, the end-to-end benchmark), which parse them here rather than each with an
 * expression of its own.
 */
public final class StageCounters {

  /** Micrometer name of the records-into counter (Prometheus: {@code ..._total}), tag stage. */
  public static final String RECORDS_IN = "newsmon.stage.records.in";

  /** Micrometer name of the records-out-of counter, tag stage. */
  public static final String RECORDS_OUT = "newsmon.stage.records.out";

  /** The stage tag. */
  public static final String STAGE_TAG = "stage";

  // Other labels may come before or after stage (an instance label added by a scraper config).
  private static final Pattern SAMPLE =
      Pattern.compile(
          "(?m)^newsmon_stage_records_(in|out)_total\\{(?:[^}]*,)?stage=\"([a-z-]+)\"[^}]*\\}"
              + " ([0-9.eE+-]+)$");

  private StageCounters() {}

  /**
   * The counters in a Prometheus text exposition, keyed {@code in/STAGE} and {@code out/STAGE};
   * samples of one key are summed.
   */
  public static Map<String, Double> parse(String exposition) {
    Map<String, Double> values = new TreeMap<>();
    Matcher m = SAMPLE.matcher(exposition);
    while (m.find()) {
      values.merge(m.group(1) + "/" + m.group(2), Double.parseDouble(m.group(3)), Double::sum);
    }
    return values;
  }
}
