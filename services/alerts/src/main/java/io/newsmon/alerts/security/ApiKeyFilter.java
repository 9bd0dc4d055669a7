package io.newsmon.alerts.security;

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
    if (!request.getUriInfo().getPath().startsWith("/api/")) {
      return;
    }
    String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
    String key =
        header != null && header.startsWith("Bearer ") ? header.substring(7).strip() : null;
    if (request.getUriInfo().getPath().startsWith("/api/admin/")) {
      if (keys.admins().tenantOf(key).isEmpty()) {
        request.abortWith(
            Response.status(key == null ? Response.Status.UNAUTHORIZED : Response.Status.FORBIDDEN)
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .type(MediaType.APPLICATION_JSON)
                .entity(Map.of("error", "an admin key is required"))
                .build());
      }
      return;
    }
    keys.get()
        .tenantOf(key)
        .ifPresentOrElse(
            tenant -> request.setProperty(TENANT, tenant),
            () ->
                request.abortWith(
                    Response.status(Response.Status.UNAUTHORIZED)
                        .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                        .type(MediaType.APPLICATION_JSON)
                        .entity(Map.of("error", "missing or unknown API key"))
                        .build()));
  }
}
