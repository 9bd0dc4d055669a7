package io.newsmon.alerts.security;

import io.newsmon.alerts.AlertsConfig;
import io.newsmon.common.ApiKeys;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/** The configured tenant keys, read once from runtime configuration. */
@ApplicationScoped
public class ApiKeyRegistry {

  private final ApiKeys keys;
  private final ApiKeys adminKeys;

  @Inject
  public ApiKeyRegistry(AlertsConfig config) {
    this.keys = new ApiKeys(config.apiKeys().orElse(List.of()));
    this.adminKeys = new ApiKeys(config.adminKeys().orElse(List.of()));
  }

  /** For CDI's client proxy only. */
  protected ApiKeyRegistry() {
    this.keys = null;
    this.adminKeys = null;
  }

  public ApiKeys get() {
    return keys;
  }

  /** The admin keys: the topic catalog and operations. */
  public ApiKeys admins() {
    return adminKeys;
  }
}
