package io.newsmon.pipeline.clean;

/**
 * Input that is not an article. The reason is a short stable code (for metrics and dead-letter
 * headers); the message says what was wrong with this record.
 */
public final class RejectedArticleException extends RuntimeException {

  /** Why an input was refused. */
  public enum Reason {
    EMPTY,
    BINARY,
    UNSUPPORTED_CONTENT_TYPE,
    UNDECODABLE,
    TOO_LARGE,
    NO_TEXT
  }

  private final Reason reason;

  public RejectedArticleException(Reason reason, String message) {
    super(reason.name().toLowerCase(java.util.Locale.ROOT) + ": " + message);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
