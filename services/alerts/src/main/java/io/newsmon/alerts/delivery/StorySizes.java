package io.newsmon.alerts.delivery;

/** How many outlets have reported a story so far, as far as this instance knows. */
public interface StorySizes {

  /** Outlets of the story, at least 1 (the article being alerted on). */
  int outlets(String clusterId);

  /** Copies of the story, at least 1. */
  int copies(String clusterId);
}
