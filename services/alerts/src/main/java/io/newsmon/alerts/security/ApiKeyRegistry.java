package io.newsmon.alerts.security;

import io.newsmon.alerts.AlertsConfig;
import io.newsmon.common.ApiKeyAccess;
import io.newsmon.common.ApiKeys;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/** The configured tenant and admin keys, read once from runtime configuration. */
@ApplicationScoped
public class ApiKeyRegistry {

  private final ApiKeyAccess access;

  @Inject
  public ApiKeyRegistry(AlertsConfig config) {
    this.access =
        new ApiKeyAccess(
            new ApiKeys(config.apiKeys().orElse(List.of())),
            new ApiKeys(config.adminKeys().orElse(List.of())));
  }

  /** For CDI's client proxy only. */
  protected ApiKeyRegistry() {
    this.access = null;
  }

  public ApiKeyAccess access() {
    return access;
  }
}
