package io.newsmon.alerts.security;

import io.newsmon.alerts.AlertsConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/** The configured tenant keys, read once from runtime configuration. */
@ApplicationScoped
public class ApiKeyRegistry {

  private final ApiKeys keys;

  @Inject
  public ApiKeyRegistry(AlertsConfig config) {
    this.keys = new ApiKeys(config.apiKeys().orElse(List.of()));
  }

  /** For CDI's client proxy only. */
  protected ApiKeyRegistry() {
    this.keys = null;
  }

  public ApiKeys get() {
    return keys;
  }
}
