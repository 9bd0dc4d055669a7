package io.newsmon.alerts.delivery;

import io.newsmon.avro.Delivery;

/** {@link PendingDelivery} to and from its Avro form on {@code alerts.deliveries}. */
final class DeliveryWire {

  private DeliveryWire() {}

  static Delivery toWire(PendingDelivery d, String reason) {
    return Delivery.newBuilder()
        .setAlertId(d.alertId())
        .setSubscriptionId(d.subscriptionId())
        .setTenantId(d.tenantId())
        .setTopicId(d.topicId())
        .setClusterId(d.clusterId())
        .setArticleId(d.articleId())
        .setTitle(d.title())
        .setUrl(d.url())
        .setScore(d.score())
        .setPayload(d.payload())
        .setCreatedAt(d.createdAt())
        .setAttempts(d.attempts())
        .setNextAttemptAt(d.nextAttemptAt())
        .setFirstFailureAt(d.firstFailureAt())
        .setLastStatus(d.lastStatus())
        .setLastError(d.lastError())
        .setReason(reason)
        .setReplay(d.replay())
        .setDigestWindow(d.digestWindow())
        .setDigestId(d.digestId())
        .setIngestedAt(d.ingestedAt())
        .build();
  }

  static PendingDelivery fromWire(Delivery d) {
    return new PendingDelivery(
        d.getAlertId(),
        d.getSubscriptionId(),
        d.getTenantId(),
        d.getTopicId(),
        d.getClusterId(),
        d.getArticleId(),
        d.getTitle(),
        d.getUrl(),
        d.getScore(),
        d.getPayload(),
        d.getCreatedAt(),
        d.getAttempts(),
        d.getNextAttemptAt(),
        d.getFirstFailureAt(),
        d.getLastStatus(),
        d.getLastError(),
        d.getReplay(),
        d.getDigestWindow(),
        d.getDigestId(),
        d.getIngestedAt());
  }
}
