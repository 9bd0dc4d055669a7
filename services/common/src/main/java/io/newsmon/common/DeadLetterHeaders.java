package io.newsmon.common;

/**
 * The headers a dead-letter record carries beside the original key, value and headers: why it was
 * refused, where, and where it came from. Written by the pipeline, read by the ops page and by
 * whoever replays dead letters.
 */
public final class DeadLetterHeaders {

  /** A short machine-readable reason, such as {@code empty} or {@code undecodable}. */
  public static final String REASON = "newsmon.error.reason";

  /** The error's message, for people. */
  public static final String MESSAGE = "newsmon.error.message";

  /** The processor that refused it. */
  public static final String STAGE = "newsmon.error.stage";

  /** {@code topic-partition@offset} of the original record. */
  public static final String SOURCE = "newsmon.error.source";

  /** The exception's class. */
  public static final String EXCEPTION = "newsmon.error.exception";

  private DeadLetterHeaders() {}
}
