package io.newsmon.alerts.delivery;

import io.newsmon.alerts.kafka.InputDeadLetters;
import io.newsmon.alerts.subscription.SubscriptionStore;
import io.newsmon.avro.FlaggedArticle;
import io.newsmon.schema.AvroSerde;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

/**
 * Feeds {@code news.flagged} to the dispatcher, one article at a time, in partition order. The
 * offset is committed only after the article's deliveries are durably queued.
 */
@ApplicationScoped
public class FlaggedArticleListener {

  private static final Duration LOAD_TIMEOUT = Duration.ofMinutes(5);
  private static final Logger LOG = Logger.getLogger(FlaggedArticleListener.class);

  @Inject AlertDispatcher dispatcher;
  @Inject SubscriptionStore subscriptions;
  @Inject KafkaDeliveryLedger ledger;

  @Inject InputDeadLetters deadLetters;

  /**
   * Takes the record as bytes, so that one that is not a FlaggedArticle (or a tombstone) is
   * dead-lettered with its reason rather than skipped by the connector with a log line only.
   */
  @Incoming("news-flagged")
  @Blocking(ordered = true)
  public void onRecord(ConsumerRecord<byte[], byte[]> record) throws InterruptedException {
    FlaggedArticle article = deadLetters.decode(record, FLAGGED);
    if (article != null) {
      onFlagged(article);
    }
  }

  private static final AvroSerde<FlaggedArticle> FLAGGED = AvroSerde.of(FlaggedArticle.class);

  public void onFlagged(FlaggedArticle article) throws InterruptedException {
    MDC.put("traceId", article.getArticle().getTraceId());
    try {
      queueWhenLoaded(
          subscriptions,
          ledger,
          "article " + article.getArticle().getArticleId(),
          () -> dispatcher.dispatch(article));
    } finally {
      MDC.remove("traceId");
    }
  }

  /**
   * Runs {@code queue} once subscriptions and the ledger are loaded (planning earlier would miss
   * subscribers or repeat deliveries), trying again until it succeeds: queuing fails only when
   * Kafka is unreachable, and the record's offset must not be committed before its alerts are
   * queued, so waiting beats skipping it or stopping the channel. Both listeners go through here.
   */
  static void queueWhenLoaded(
      SubscriptionStore subscriptions, KafkaDeliveryLedger ledger, String what, Runnable queue)
      throws InterruptedException {
    if (!subscriptions.awaitLoaded(LOAD_TIMEOUT) || !ledger.awaitLoaded(LOAD_TIMEOUT)) {
      throw new IllegalStateException("subscriptions or delivery ledger not loaded");
    }
    for (int attempt = 1; ; attempt++) {
      try {
        queue.run();
        return;
      } catch (RuntimeException e) {
        Duration pause = backoff(attempt);
        LOG.errorf(
            "cannot queue the alerts of %s (attempt %d), trying again in %s: %s",
            what, attempt, pause, e.getMessage());
        Thread.sleep(pause);
      }
    }
  }

  /** 1 s, 2 s, 4 s ... up to 30 s between attempts to queue an article's alerts. */
  static Duration backoff(int attempt) {
    return Duration.ofSeconds(Math.min(30, 1L << Math.min(attempt - 1, 5)));
  }
}
