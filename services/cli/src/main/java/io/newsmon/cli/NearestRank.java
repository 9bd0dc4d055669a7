package io.newsmon.cli;

/** Percentiles of the benchmarks' latencies, by the nearest-rank method. */
final class NearestRank {

  private NearestRank() {}

  /** The smallest value at or above {@code quantile} of {@code sorted} (ascending, not empty). */
  static long of(long[] sorted, double quantile) {
    int index = (int) Math.ceil(quantile * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
  }
}
