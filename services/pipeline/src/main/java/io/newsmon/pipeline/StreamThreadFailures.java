package io.newsmon.pipeline;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Objects;
import java.util.concurrent.atomic.LongAdder;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the pipeline does when an exception escapes a stream thread: replace the thread, up to
 * {@code maxReplacements} times in any {@code window}, then stop the instance.
 *
 * <p>Without a handler Kafka Streams shuts the whole client down on the first such exception, and
 * the process exits. The exceptions that get this far are rarely about a record (those go to the
 * dead-letter topic) and mostly about the cluster: a transaction or metadata timeout after an
 * outage longer than the clients' timeouts, for example when two of three brokers were down. Every
 * instance sees the same outage at the same moment, so without a handler they would all exit
 * together and nothing would process until a supervisor restarted them (none does for {@code
 * ./newsmon up}). A replaced thread starts from the last committed offsets, so with exactly-once
 * nothing is repeated downstream. A failure that keeps coming back is not an outage but a bug, and
 * restarting threads in a loop would hide it: past the limit the instance stops ({@code ERROR},
 * exit status 1) for its supervisor to see.
 */
public final class StreamThreadFailures implements StreamsUncaughtExceptionHandler {

  /** Replacements allowed in {@link #DEFAULT_WINDOW} before the instance stops. */
  public static final int DEFAULT_MAX_REPLACEMENTS = 5;

  public static final Duration DEFAULT_WINDOW = Duration.ofMinutes(10);

  private static final Logger LOG = LoggerFactory.getLogger(StreamThreadFailures.class);

  private final int maxReplacements;
  private final Duration window;
  private final Clock clock;
  private final Deque<Instant> recent = new ArrayDeque<>();
  private final LongAdder replaced = new LongAdder();

  public StreamThreadFailures(int maxReplacements, Duration window, Clock clock) {
    if (maxReplacements < 0) {
      throw new IllegalArgumentException("maxReplacements must be >= 0: " + maxReplacements);
    }
    if (window.isNegative() || window.isZero()) {
      throw new IllegalArgumentException("window must be positive: " + window);
    }
    this.maxReplacements = maxReplacements;
    this.window = window;
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** The defaults: {@value #DEFAULT_MAX_REPLACEMENTS} replacements in ten minutes. */
  public static StreamThreadFailures withDefaults() {
    return new StreamThreadFailures(DEFAULT_MAX_REPLACEMENTS, DEFAULT_WINDOW, Clock.systemUTC());
  }

  /** Stream threads replaced since start. */
  public long replaced() {
    return replaced.sum();
  }

  @Override
  public synchronized StreamThreadExceptionResponse handle(Throwable exception) {
    Instant now = clock.instant();
    while (!recent.isEmpty() && !recent.peekFirst().isAfter(now.minus(window))) {
      recent.removeFirst();
    }
    if (recent.size() >= maxReplacements) {
      LOG.error(
          "stream thread failed for the {}th time within {}; stopping the pipeline instance",
          recent.size() + 1,
          window,
          exception);
      return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
    }
    recent.addLast(now);
    replaced.increment();
    LOG.error(
        "stream thread failed; replacing it ({} of {} allowed within {})",
        recent.size(),
        maxReplacements,
        window,
        exception);
    return StreamThreadExceptionResponse.REPLACE_THREAD;
  }
}
