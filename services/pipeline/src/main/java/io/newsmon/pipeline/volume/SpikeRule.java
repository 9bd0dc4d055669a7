package io.newsmon.pipeline.volume;

import java.util.Locale;

/**
 * When a topic's last hour is a spike: at least {@code minArticles}, and at least {@code ratio}
 * times its usual hourly volume over the previous {@code baselineDays} days (the last hour left
 * out). A topic needs a day of history before it can spike, so a new topic's first articles are not
 * an alarm. Immutable and validated, like every setting.
 *
 * @param ratio how many times the usual volume counts as a spike (the sensitivity; ≥ 1.5)
 * @param minArticles fewest articles in the hour for a spike, so 3 articles against a usual 0.5 are
 *     not news
 * @param baselineDays days of history the usual volume is the mean of (1 to 28)
 */
public record SpikeRule(double ratio, int minArticles, int baselineDays) {

  /** A topic usually silent is compared with this many articles per hour, not with zero. */
  static final double USUAL_FLOOR = 0.5;

  /** History a topic needs before it can spike. */
  static final int MIN_BASELINE_HOURS = 24;

  public static final SpikeRule DEFAULT = new SpikeRule(3.0, 10, 7);

  public SpikeRule {
    if (!(ratio >= 1.5) || Double.isInfinite(ratio)) {
      throw new IllegalArgumentException("spike ratio must be at least 1.5, got " + ratio);
    }
    if (minArticles < 1) {
      throw new IllegalArgumentException("spike minimum must be at least 1, got " + minArticles);
    }
    if (baselineDays < 1 || baselineDays > 28) {
      throw new IllegalArgumentException(
          "spike baseline must be 1 to 28 days, got " + baselineDays);
    }
  }

  /** What the rule says of an hour. */
  public record Verdict(boolean spike, double usualPerHour, double ratio) {}

  /**
   * @param lastHour articles in the last 60 minutes
   * @param baselineArticles articles in the baseline before it
   * @param baselineHours hours the baseline covers (less than the full days for a young topic)
   */
  public Verdict judge(long lastHour, long baselineArticles, int baselineHours) {
    double usual = baselineHours <= 0 ? 0 : (double) baselineArticles / baselineHours;
    double ratioNow = lastHour / Math.max(usual, USUAL_FLOOR);
    boolean spike =
        baselineHours >= MIN_BASELINE_HOURS && lastHour >= minArticles && ratioNow >= ratio;
    return new Verdict(spike, usual, ratioNow);
  }

  /**
   * Whether a spike under way has ended: the hour fell below half the spike threshold (half, so a
   * volume hovering at the threshold does not start and end a spike every few minutes).
   */
  public boolean over(long lastHour, Verdict verdict) {
    return lastHour < minArticles / 2.0 || verdict.ratio() < ratio / 2;
  }

  /** "border-tensions: 42 articles in the last hour, 6× the usual". */
  public static String summary(String topicId, long articles, Verdict verdict) {
    String usual =
        verdict.usualPerHour() < 0.05
            ? "usually none"
            : String.format(
                Locale.ROOT,
                "%.0f× the usual %.1f per hour",
                articles / verdict.usualPerHour(),
                verdict.usualPerHour());
    return topicId + ": " + articles + " articles in the last hour, " + usual;
  }
}
