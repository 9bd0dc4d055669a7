package io.newsmon.alerts.delivery;

import java.time.Instant;

/** What became of one due delivery; the queue carries it out (writes, schedules, events). */
public sealed interface DeliveryStep {

  /** The delivery as it stands after this step. */
  PendingDelivery delivery();

  /** The endpoint answered 2xx. */
  record Delivered(PendingDelivery delivery, DeliveryResult result, Instant at)
      implements DeliveryStep {}

  /** Someone delivered it already (another instance, or before a restart): nothing to do. */
  record AlreadyDelivered(PendingDelivery delivery) implements DeliveryStep {}

  /** The attempt failed and another is due at {@code delivery.nextAttemptAt()}. */
  record Retry(PendingDelivery delivery, DeliveryResult result) implements DeliveryStep {}

  /** Not attempted now (subscription paused, endpoint resting): due again later, not counted. */
  record Postponed(PendingDelivery delivery) implements DeliveryStep {}

  /** Its subscription was deleted: nobody wants it any more. */
  record Dropped(PendingDelivery delivery) implements DeliveryStep {}

  /**
   * Given up: to the dead-letter topic with {@code reason}, and an operational event.
   *
   * @param result the last attempt, or null when none was made now (subscription disabled)
   * @param disableSubscription whether the subscription must be disabled too (410 Gone, or its
   *     endpoint failing for longer than allowed)
   */
  record GiveUp(
      PendingDelivery delivery, DeliveryResult result, String reason, boolean disableSubscription)
      implements DeliveryStep {}
}
