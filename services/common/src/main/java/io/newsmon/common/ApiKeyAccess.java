package io.newsmon.common;

import java.util.Objects;

/**
 * Who may call which HTTP path of a newsmon service, by bearer key: {@code /api/admin/...} needs an
 * admin key, the rest of {@code /api/...} a tenant key, everything else (health, metrics, the
 * OpenAPI document) is open. Each service's request filter asks this, so the rule is written once.
 */
public final class ApiKeyAccess {

  /** What a request may do. */
  public sealed interface Decision {}

  /** Not an API path: no key needed. */
  public record Open() implements Decision {}

  /** A tenant's (or, on admin paths, an admin's) key. */
  public record Granted(String tenant) implements Decision {}

  /** Refused: 401 without a usable key, 403 with a key that is not enough. */
  public record Refused(int status, String message) implements Decision {}

  private final ApiKeys tenants;
  private final ApiKeys admins;

  public ApiKeyAccess(ApiKeys tenants, ApiKeys admins) {
    this.tenants = Objects.requireNonNull(tenants, "tenants");
    this.admins = Objects.requireNonNull(admins, "admins");
  }

  /**
   * @param path the request path, with or without a leading slash
   * @param authorization the {@code Authorization} header, or null
   */
  public Decision decide(String path, String authorization) {
    String p = path.startsWith("/") ? path : "/" + path;
    if (!p.startsWith("/api/")) {
      return new Open();
    }
    String key =
        authorization != null && authorization.startsWith("Bearer ")
            ? authorization.substring(7).strip()
            : null;
    if (p.startsWith("/api/admin/")) {
      return admins
          .tenantOf(key)
          .<Decision>map(Granted::new)
          .orElseGet(() -> new Refused(key == null ? 401 : 403, "an admin key is required"));
    }
    return tenants
        .tenantOf(key)
        .<Decision>map(Granted::new)
        .orElseGet(() -> new Refused(401, "missing or unknown API key"));
  }
}
