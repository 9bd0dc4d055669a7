/**
 * The topic catalog's admin API: {@code /api/admin/topics} lists, reads, saves (with a new
 * version), deletes and dry-runs topic definitions, for holders of an admin key only. Queries are
 * checked by the same parser the pipeline runs ({@code newsmon-topics}) and refused with every
 * problem before anything is stored; saved definitions go to {@code news.topic-definitions}, which
 * every pipeline instance follows and applies without a restart.
 */
package io.newsmon.alerts.topics;
