package io.newsmon.alerts.delivery;

import io.newsmon.alerts.subscription.SubscriptionRegistry;
import io.newsmon.alerts.subscription.WebhookSubscription;
import io.newsmon.avro.Alert;
import io.newsmon.avro.FlaggedArticle;
import io.newsmon.avro.TopicFlag;
import io.newsmon.common.Hashes;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Turns one flagged article into deliveries: one per subscription, story cluster and topic, each
 * delivered at most once. Never throws for a failed delivery; reports what happened.
 */
public class AlertDispatcher {

  private static final Logger LOG = Logger.getLogger(AlertDispatcher.class);

  private final SubscriptionRegistry subscriptions;
  private final DeliveryLedger ledger;
  private final StorySizes stories;
  private final WebhookSender sender;
  private final List<Duration> retryDelays;
  private final Clock clock;
  private final java.util.function.Consumer<WebhookSubscription> endpointGone;
  private final EndpointRateLimiter rateLimiter;

  public AlertDispatcher(
      SubscriptionRegistry subscriptions,
      DeliveryLedger ledger,
      StorySizes stories,
      WebhookSender sender,
      List<Duration> retryDelays,
      Clock clock) {
    this(
        subscriptions,
        ledger,
        stories,
        sender,
        retryDelays,
        clock,
        s -> {},
        EndpointRateLimiter.unlimited());
  }

  /**
   * @param endpointGone called when an endpoint answers 410 Gone, which the specification reads as
   *     "stop sending": the subscription is disabled there
   */
  public AlertDispatcher(
      SubscriptionRegistry subscriptions,
      DeliveryLedger ledger,
      StorySizes stories,
      WebhookSender sender,
      List<Duration> retryDelays,
      Clock clock,
      java.util.function.Consumer<WebhookSubscription> endpointGone,
      EndpointRateLimiter rateLimiter) {
    this.subscriptions = subscriptions;
    this.ledger = ledger;
    this.stories = stories;
    this.sender = sender;
    this.retryDelays = List.copyOf(retryDelays);
    this.clock = clock;
    this.endpointGone = endpointGone;
    this.rateLimiter = rateLimiter;
  }

  /** What happened to one planned alert. */
  public record Outcome(
      String alertId, String subscriptionId, String topicId, Status status, DeliveryResult last) {
    /** Final state of an alert after this dispatch. */
    public enum Status {
      DELIVERED,
      ALREADY_DELIVERED,
      FAILED
    }
  }

  public List<Outcome> dispatch(FlaggedArticle article) {
    List<Outcome> outcomes = new ArrayList<>();
    for (TopicFlag flag : article.getFlags()) {
      for (WebhookSubscription subscription :
          subscriptions.wanting(flag.getTopicId(), flag.getScore())) {
        String alertId = alertId(subscription.id(), article.getClusterId(), flag.getTopicId());
        if (ledger.isDelivered(alertId)) {
          outcomes.add(
              new Outcome(
                  alertId,
                  subscription.id(),
                  flag.getTopicId(),
                  Outcome.Status.ALREADY_DELIVERED,
                  null));
          continue;
        }
        outcomes.add(deliver(alertId, subscription, article, flag));
      }
    }
    return outcomes;
  }

  private Outcome deliver(
      String alertId, WebhookSubscription subscription, FlaggedArticle article, TopicFlag flag) {
    String payload =
        AlertPayload.json(
            alertId,
            subscription.id(),
            article,
            flag,
            stories.outlets(article.getClusterId()),
            stories.copies(article.getClusterId()),
            clock.instant());
    DeliveryResult result = null;
    for (int attempt = 0; attempt <= retryDelays.size(); attempt++) {
      if (attempt > 0 && !sleep(retryDelays.get(attempt - 1))) {
        break;
      }
      if (!sleep(rateLimiter.delayFor(subscription.webhookUrl()))) {
        break;
      }
      result =
          sender.send(
              subscription.webhookUrl(), subscription.secretsAt(clock.instant()), alertId, payload);
      LOG.infof(
          "alert %s to subscription %s attempt %d: status %d%s in %d ms",
          alertId,
          subscription.id(),
          attempt + 1,
          result.status(),
          result.error() == null ? "" : " (" + result.error() + ")",
          result.latencyMillis());
      if (result.succeeded()) {
        ledger.recordDelivered(alert(alertId, subscription, article, flag, result));
        return new Outcome(
            alertId, subscription.id(), flag.getTopicId(), Outcome.Status.DELIVERED, result);
      }
      if (result.asksToSlowDown()) {
        rateLimiter.slowDown(
            subscription.webhookUrl(),
            result.retryAfter() != null ? result.retryAfter() : SLOW_DOWN_PAUSE);
      }
      if (result.status() == 410) {
        LOG.warnf(
            "subscription %s of tenant %s: endpoint answered 410 Gone; disabling the subscription",
            subscription.id(), subscription.tenantId());
        endpointGone.accept(subscription);
        break;
      }
      if (!result.retryable()) {
        break;
      }
    }
    return new Outcome(
        alertId, subscription.id(), flag.getTopicId(), Outcome.Status.FAILED, result);
  }

  private Alert alert(
      String alertId,
      WebhookSubscription subscription,
      FlaggedArticle article,
      TopicFlag flag,
      DeliveryResult result) {
    Instant now = clock.instant();
    return Alert.newBuilder()
        .setAlertId(alertId)
        .setSubscriptionId(subscription.id())
        .setTenantId(subscription.tenantId())
        .setClusterId(article.getClusterId())
        .setTopicId(flag.getTopicId())
        .setArticleId(article.getArticle().getArticleId())
        .setTitle(article.getArticle().getTitle())
        .setUrl(article.getArticle().getUrl())
        .setScore(flag.getScore())
        .setCreatedAt(now)
        .setDeliveredAt(now)
        .setHttpStatus(result.status())
        .build();
  }

  /**
   * The alert's id and {@code webhook-id}: a hash of subscription, story cluster and topic, so
   * every instance and every retry derives the same id for the same alert.
   */
  public static String alertId(String subscriptionId, String clusterId, String topicId) {
    // Length-prefixed parts: no two different triples can encode to the same bytes.
    String encoded =
        subscriptionId.length()
            + ":"
            + subscriptionId
            + clusterId.length()
            + ":"
            + clusterId
            + topicId.length()
            + ":"
            + topicId;
    return "msg_" + Hashes.sha256HexPrefix(encoded.getBytes(StandardCharsets.UTF_8), 16);
  }

  /** How long an overloaded endpoint rests when it does not say ({@code Retry-After}). */
  static final Duration SLOW_DOWN_PAUSE = Duration.ofSeconds(1);

  private static boolean sleep(Duration delay) {
    if (delay.isZero()) {
      return true;
    }
    try {
      Thread.sleep(delay.toMillis());
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
