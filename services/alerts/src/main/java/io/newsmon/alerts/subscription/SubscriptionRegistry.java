package io.newsmon.alerts.subscription;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The current subscriptions, as this instance knows them. Thread-safe. */
@ApplicationScoped
public class SubscriptionRegistry {

  private final Map<String, WebhookSubscription> byId = new ConcurrentHashMap<>();

  public void put(WebhookSubscription subscription) {
    byId.put(subscription.id(), subscription);
  }

  public void remove(String id) {
    byId.remove(id);
  }

  /** The subscription with this id, whoever its tenant: for delivery, never for a response. */
  public Optional<WebhookSubscription> get(String id) {
    return Optional.ofNullable(byId.get(id));
  }

  /** The subscription if it exists and belongs to {@code tenantId}. */
  public Optional<WebhookSubscription> find(String tenantId, String id) {
    return Optional.ofNullable(byId.get(id)).filter(s -> s.tenantId().equals(tenantId));
  }

  public List<WebhookSubscription> ofTenant(String tenantId) {
    return byId.values().stream()
        .filter(s -> s.tenantId().equals(tenantId))
        .sorted(
            Comparator.comparing(WebhookSubscription::createdAt)
                .thenComparing(WebhookSubscription::id))
        .toList();
  }

  /** Subscriptions that want a flag on {@code topicId} with {@code score} for {@code article}. */
  /** The active subscriptions that want spikes of {@code topicId}, by id. */
  public List<WebhookSubscription> wantingSpikes(String topicId) {
    return byId.values().stream()
        .filter(
            s -> s.status() == WebhookSubscription.Status.ACTIVE && s.filter().wantsSpike(topicId))
        .sorted(Comparator.comparing(WebhookSubscription::id))
        .toList();
  }

  public List<WebhookSubscription> wanting(
      String topicId, double score, AlertFilter.Article article) {
    return byId.values().stream()
        .filter(s -> s.wants(topicId, score, article))
        .sorted(Comparator.comparing(WebhookSubscription::id))
        .toList();
  }
}
