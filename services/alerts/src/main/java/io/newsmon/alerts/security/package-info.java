/**
 * Tenant authentication by API key. Keys are configured as SHA-256 hashes only and compared in
 * constant time; a request carries {@code Authorization: Bearer <key>}.
 */
package io.newsmon.alerts.security;
