package io.newsmon.alerts.security;

import io.newsmon.common.ApiKeyAccess;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.util.Map;

/**
 * Authenticates every {@code /api/} request; the tenant is then available as a request property.
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class ApiKeyFilter implements ContainerRequestFilter {

  public static final String TENANT = "newsmon.tenant";

  // A client proxy: JAX-RS providers may be built before runtime configuration is available.
  @Inject ApiKeyRegistry keys;

  @Override
  public void filter(ContainerRequestContext request) {
    switch (keys.access()
        .decide(
            request.getUriInfo().getPath(), request.getHeaderString(HttpHeaders.AUTHORIZATION))) {
      case ApiKeyAccess.Open open -> {}
      case ApiKeyAccess.Granted granted -> request.setProperty(TENANT, granted.tenant());
      case ApiKeyAccess.Refused refused ->
          request.abortWith(
              Response.status(refused.status())
                  .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                  .type(MediaType.APPLICATION_JSON)
                  .entity(Map.of("error", refused.message()))
                  .build());
    }
  }
}
