package io.newsmon.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ApiKeyAccessTest {

  private final ApiKeyAccess access =
      new ApiKeyAccess(
          new ApiKeys(List.of("acme:" + ApiKeys.hash("tenant-key"))),
          new ApiKeys(List.of("ops:" + ApiKeys.hash("admin-key"))));

  @Test
  void tenantPathsNeedATenantKey() {
    assertThat(access.decide("/api/articles", "Bearer tenant-key"))
        .isEqualTo(new ApiKeyAccess.Granted("acme"));
    assertThat(access.decide("api/articles", "Bearer tenant-key"))
        .as("paths as JAX-RS gives them, without the slash")
        .isEqualTo(new ApiKeyAccess.Granted("acme"));
    assertThat(access.decide("/api/articles", null))
        .isEqualTo(new ApiKeyAccess.Refused(401, "missing or unknown API key"));
    assertThat(access.decide("/api/articles", "Bearer wrong"))
        .isEqualTo(new ApiKeyAccess.Refused(401, "missing or unknown API key"));
    assertThat(access.decide("/api/articles", "Basic dGVuYW50LWtleQ=="))
        .isInstanceOf(ApiKeyAccess.Refused.class);
  }

  @Test
  void adminPathsNeedAnAdminKeyAndATenantKeyIsForbiddenThere() {
    assertThat(access.decide("/api/admin/feeds", "Bearer admin-key"))
        .isEqualTo(new ApiKeyAccess.Granted("ops"));
    assertThat(access.decide("/api/admin/feeds", "Bearer tenant-key"))
        .isEqualTo(new ApiKeyAccess.Refused(403, "an admin key is required"));
    assertThat(access.decide("/api/admin/feeds", null))
        .isEqualTo(new ApiKeyAccess.Refused(401, "an admin key is required"));
    assertThat(access.decide("/api/articles", "Bearer admin-key"))
        .as("an admin key is not a tenant key")
        .isInstanceOf(ApiKeyAccess.Refused.class);
  }

  @Test
  void everythingElseIsOpen() {
    assertThat(access.decide("/q/health/ready", null)).isEqualTo(new ApiKeyAccess.Open());
    assertThat(access.decide("/openapi.yaml", null)).isEqualTo(new ApiKeyAccess.Open());
  }
}
