package io.newsmon.alerts.subscription;

import io.newsmon.avro.Subscription;
import io.newsmon.avro.SubscriptionStatus;
import io.newsmon.common.CompactedTopicTable;
import io.newsmon.common.KafkaConnection;
import io.newsmon.common.TopicCatalog;
import io.newsmon.schema.AvroSerde;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Subscriptions kept in the compacted topic {@code alerts.subscriptions}: writes go to Kafka first
 * and then to the local registry (so a client reads its own write at once); every instance follows
 * the topic, so all instances converge on the same subscriptions.
 */
@ApplicationScoped
public class SubscriptionStore {

  private static final SecureRandom RANDOM = new SecureRandom();

  @Inject KafkaConnection kafka;
  @Inject SubscriptionRegistry registry;

  private final Clock clock = Clock.systemUTC();
  private final AvroSerde<Subscription> serde = AvroSerde.of(Subscription.class);
  private CompactedTopicTable<Subscription> table;

  void start(@Observes StartupEvent event) {
    table =
        new CompactedTopicTable<>(
            kafka,
            TopicCatalog.ALERTS_SUBSCRIPTIONS,
            serde,
            "newsmon-alerts-subscriptions",
            this::apply);
  }

  void stop(@Observes ShutdownEvent event) throws InterruptedException {
    if (table != null) {
      table.close();
    }
  }

  /** Whether every subscription that existed at start-up is known. */
  public boolean isLoaded() {
    return table != null && table.isCaughtUp();
  }

  /** Waits until every subscription that existed at start-up is known. */
  public boolean awaitLoaded(java.time.Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (table == null) {
      if (System.nanoTime() > deadline) {
        return false;
      }
      Thread.sleep(10); // the start-up observer has not run yet
    }
    return table.awaitCaughtUp(
        java.time.Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
  }

  /** Creates a subscription with a fresh signing secret; the secret is returned only here. */
  public WebhookSubscription create(
      String tenantId, AlertFilter filter, URI webhookUrl, int digestMinutes) {
    Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    WebhookSubscription subscription =
        new WebhookSubscription(
            "sub_" + UUID.randomUUID().toString().replace("-", ""),
            tenantId,
            filter,
            webhookUrl,
            newSecret(),
            digestMinutes,
            WebhookSubscription.Status.ACTIVE,
            now,
            now,
            null,
            null);
    write(subscription.id(), toWire(subscription));
    registry.put(subscription);
    return subscription;
  }

  /**
   * Replaces a tenant's subscription's filter, URL and digest setting (its secret, status and
   * creation time stay); empty when the tenant has no subscription with that id.
   */
  public Optional<WebhookSubscription> update(
      String tenantId, String id, AlertFilter filter, URI webhookUrl, int digestMinutes) {
    return registry
        .find(tenantId, id)
        .map(s -> save(s.with(filter, webhookUrl, digestMinutes, now())));
  }

  /** Pauses or resumes a tenant's subscription; empty when the tenant has none with that id. */
  public Optional<WebhookSubscription> setStatus(
      String tenantId, String id, WebhookSubscription.Status status) {
    return registry
        .find(tenantId, id)
        .map(s -> s.status() == status ? s : save(s.withStatus(status, now())));
  }

  /**
   * Disables a subscription whose endpoint said it is gone (410) or kept failing; its tenant can
   * resume it.
   */
  public void disable(String id) {
    registry
        .get(id)
        .ifPresent(s -> setStatus(s.tenantId(), s.id(), WebhookSubscription.Status.DISABLED));
  }

  /**
   * Gives a tenant's subscription a new signing secret; the old one keeps signing (both signatures
   * in each delivery) for {@code overlap}. Empty when the tenant has no subscription with that id.
   */
  public Optional<WebhookSubscription> rotateSecret(String tenantId, String id, Duration overlap) {
    Instant now = now();
    return registry
        .find(tenantId, id)
        .map(s -> save(s.rotated(newSecret(), now, now.plus(overlap))));
  }

  private WebhookSubscription save(WebhookSubscription subscription) {
    write(subscription.id(), toWire(subscription));
    registry.put(subscription);
    return subscription;
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MILLIS);
  }

  /** Deletes a tenant's subscription; false when it has none with that id. */
  public boolean delete(String tenantId, String id) {
    Optional<WebhookSubscription> existing = registry.find(tenantId, id);
    if (existing.isEmpty()) {
      return false;
    }
    write(id, null);
    registry.remove(id);
    return true;
  }

  private void apply(String id, Subscription value) {
    if (value == null) {
      registry.remove(id);
    } else {
      registry.put(fromWire(value));
    }
  }

  private void write(String id, Subscription value) {
    table.write(id, value);
  }

  static String newSecret() {
    byte[] key = new byte[32];
    RANDOM.nextBytes(key);
    return "whsec_" + Base64.getEncoder().encodeToString(key);
  }

  static Subscription toWire(WebhookSubscription s) {
    return Subscription.newBuilder()
        .setSubscriptionId(s.id())
        .setTenantId(s.tenantId())
        .setTopicIds(new ArrayList<>(s.topicIds()))
        .setWebhookUrl(s.webhookUrl().toString())
        .setSigningSecret(s.signingSecret())
        .setMinScore(s.minScore())
        .setStatus(SubscriptionStatus.valueOf(s.status().name()))
        .setCreatedAt(s.createdAt())
        .setUpdatedAt(s.updatedAt())
        .setPreviousSigningSecret(s.previousSecret())
        .setPreviousSecretExpiresAt(s.previousSecretUntil())
        .setLanguages(new ArrayList<>(s.filter().languages()))
        .setCountries(new ArrayList<>(s.filter().countries()))
        .setSources(new ArrayList<>(s.filter().sources()))
        .setDigestMinutes(s.digestMinutes())
        .setSpikes(s.filter().spikes())
        .build();
  }

  static WebhookSubscription fromWire(Subscription s) {
    return new WebhookSubscription(
        s.getSubscriptionId(),
        s.getTenantId(),
        new AlertFilter(
            Set.copyOf(s.getTopicIds()),
            s.getMinScore(),
            Set.copyOf(s.getLanguages()),
            Set.copyOf(s.getCountries()),
            Set.copyOf(s.getSources()),
            s.getSpikes()),
        URI.create(s.getWebhookUrl()),
        s.getSigningSecret(),
        s.getDigestMinutes(),
        WebhookSubscription.Status.valueOf(s.getStatus().name()),
        s.getCreatedAt(),
        s.getUpdatedAt(),
        s.getPreviousSigningSecret(),
        s.getPreviousSecretExpiresAt());
  }
}
