package io.newsmon.ingest;

import io.newsmon.common.ApiKeyAccess;
import io.newsmon.common.ApiKeys;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * The configured tenant and admin keys. A normal-scoped bean, so the request filter gets a client
 * proxy: JAX-RS providers are built before runtime configuration can be read.
 */
@ApplicationScoped
public class ApiKeyRegistry {

  private final ApiKeyAccess access;

  public ApiKeyRegistry(IngestConfig config) {
    this.access =
        new ApiKeyAccess(
            new ApiKeys(config.apiKeys().orElse(List.of())),
            new ApiKeys(config.adminKeys().orElse(List.of())));
  }

  public ApiKeyAccess access() {
    return access;
  }
}
