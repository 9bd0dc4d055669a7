/**
 * The newsmon alert service: what subscribers touch.
 *
 * <p>Tenants manage webhook subscriptions over REST ({@code subscription}); flagged articles from
 * {@code news.flagged} become alerts, one per subscription, story cluster and topic, delivered as
 * Standard Webhooks signed POSTs ({@code delivery}). All state lives in compacted Kafka topics
 * ({@code alerts.subscriptions}, {@code alerts.sent}), so the service needs nothing but Kafka and
 * several instances can run side by side. Framework code (REST resources, the {@code @Incoming}
 * listener) stays thin over plain classes that tests drive directly.
 */
package io.newsmon.alerts;
