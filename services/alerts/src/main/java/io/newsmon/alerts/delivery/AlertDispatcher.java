package io.newsmon.alerts.delivery;

import io.newsmon.alerts.subscription.AlertFilter;
import io.newsmon.alerts.subscription.SubscriptionRegistry;
import io.newsmon.alerts.subscription.WebhookSubscription;
import io.newsmon.avro.FlaggedArticle;
import io.newsmon.avro.TopicFlag;
import io.newsmon.avro.TopicSpike;
import io.newsmon.common.Hashes;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns one flagged article into deliveries: one per subscription, story cluster and topic, planned
 * at most once, and handed to the {@link DeliveryQueue}, which makes and retries them. A digest
 * subscription's deliveries are held until the end of their {@link DigestWindow}. Builds each
 * payload once, so every attempt and every replay sends the same bytes.
 */
public class AlertDispatcher {

  private final SubscriptionRegistry subscriptions;
  private final DeliveryLedger ledger;
  private final StorySizes stories;
  private final DeliveryQueue queue;
  private final Clock clock;

  public AlertDispatcher(
      SubscriptionRegistry subscriptions,
      DeliveryLedger ledger,
      StorySizes stories,
      DeliveryQueue queue,
      Clock clock) {
    this.subscriptions = subscriptions;
    this.ledger = ledger;
    this.stories = stories;
    this.queue = queue;
    this.clock = clock;
  }

  /** What became of one alert the article calls for. */
  public record Outcome(String alertId, String subscriptionId, String topicId, Status status) {
    /** Whether the alert was handed to the queue. */
    public enum Status {
      QUEUED,
      ALREADY_DELIVERED
    }
  }

  /** Plans and queues the article's alerts; returns once the queue has them durably. */
  public List<Outcome> dispatch(FlaggedArticle article) {
    List<Outcome> outcomes = new ArrayList<>();
    List<PendingDelivery> planned = new ArrayList<>();
    Instant now = clock.instant();
    AlertFilter.Article facts =
        new AlertFilter.Article(
            article.getArticle().getSourceId(),
            article.getArticle().getLanguage(),
            article.getCountries());
    for (TopicFlag flag : article.getFlags()) {
      for (WebhookSubscription subscription :
          subscriptions.wanting(flag.getTopicId(), flag.getScore(), facts)) {
        String alertId = alertId(subscription.id(), article.getClusterId(), flag.getTopicId());
        if (ledger.isDelivered(alertId)) {
          outcomes.add(
              new Outcome(
                  alertId, subscription.id(), flag.getTopicId(), Outcome.Status.ALREADY_DELIVERED));
          continue;
        }
        String payload =
            AlertPayload.json(
                alertId,
                subscription.id(),
                article,
                flag,
                stories.outlets(article.getClusterId()),
                stories.copies(article.getClusterId()),
                now);
        PendingDelivery delivery =
            PendingDelivery.first(
                    alertId,
                    subscription.id(),
                    subscription.tenantId(),
                    flag.getTopicId(),
                    article.getClusterId(),
                    article.getArticle().getArticleId(),
                    article.getArticle().getTitle(),
                    article.getArticle().getUrl(),
                    flag.getScore(),
                    payload,
                    now)
                .withIngestedAt(article.getArticle().getIngestedAt());
        planned.add(
            subscription.digests()
                ? delivery.heldFor(DigestWindow.containing(now, subscription.digestMinutes()))
                : delivery);
        outcomes.add(
            new Outcome(alertId, subscription.id(), flag.getTopicId(), Outcome.Status.QUEUED));
      }
    }
    queue.enqueue(planned);
    return outcomes;
  }

  /**
   * Plans and queues a spike's alerts: one per active subscription that wants spikes of the topic,
   * sent at once (a spike is news now, so digest subscriptions get it on its own too), with an id
   * hashed from subscription, topic, window and state so a spike read twice is delivered once.
   */
  public List<Outcome> dispatchSpike(TopicSpike spike) {
    List<Outcome> outcomes = new ArrayList<>();
    List<PendingDelivery> planned = new ArrayList<>();
    Instant now = clock.instant();
    String type = SpikePayload.type(spike);
    for (WebhookSubscription subscription : subscriptions.wantingSpikes(spike.getTopicId())) {
      String alertId =
          messageId(
              List.of(
                  subscription.id(), type, spike.getTopicId(), spike.getWindowStart().toString()));
      if (ledger.isDelivered(alertId)) {
        outcomes.add(
            new Outcome(
                alertId, subscription.id(), spike.getTopicId(), Outcome.Status.ALREADY_DELIVERED));
        continue;
      }
      String spikeKey = "spike:" + spike.getTopicId() + "@" + spike.getWindowStart();
      planned.add(
          PendingDelivery.first(
              alertId,
              subscription.id(),
              subscription.tenantId(),
              spike.getTopicId(),
              spikeKey,
              spikeKey,
              spike.getSummary(),
              null,
              0.0, // no flag score: the payload carries the ratio
              SpikePayload.json(alertId, subscription.id(), spike, now),
              now));
      outcomes.add(
          new Outcome(alertId, subscription.id(), spike.getTopicId(), Outcome.Status.QUEUED));
    }
    queue.enqueue(planned);
    return outcomes;
  }

  /**
   * The alert's id and {@code webhook-id}: a hash of subscription, story cluster and topic, so
   * every instance and every retry derives the same id for the same alert.
   */
  public static String alertId(String subscriptionId, String clusterId, String topicId) {
    return messageId(List.of(subscriptionId, clusterId, topicId));
  }

  /**
   * A {@code webhook-id} hashed from {@code parts}, length-prefixed so that no two different lists
   * encode to the same bytes: alerts and digests derive theirs this way.
   */
  static String messageId(List<String> parts) {
    StringBuilder encoded = new StringBuilder();
    for (String part : parts) {
      encoded.append(part.length()).append(':').append(part);
    }
    return "msg_" + Hashes.sha256HexPrefix(encoded.toString().getBytes(StandardCharsets.UTF_8), 16);
  }
}
