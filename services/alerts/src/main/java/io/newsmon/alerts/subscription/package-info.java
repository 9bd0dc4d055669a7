/**
 * Webhook subscriptions: tenants' standing orders for alerts.
 *
 * <p>{@link io.newsmon.alerts.subscription.WebhookSubscription} is the domain value; {@link
 * io.newsmon.alerts.subscription.SubscriptionRegistry} the in-memory view every instance keeps;
 * {@link io.newsmon.alerts.subscription.SubscriptionStore} writes changes to the compacted topic
 * and feeds the registry from it. A tenant only ever sees its own subscriptions: lookups of another
 * tenant's id answer 404, never 403, so ids cannot be probed.
 */
package io.newsmon.alerts.subscription;
