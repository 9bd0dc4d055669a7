package io.newsmon.alerts.subscription;

import io.newsmon.alerts.security.ApiKeyFilter;
import io.newsmon.alerts.security.WebhookUrlGuard;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code /api/v1/subscriptions}: a tenant's webhook subscriptions. */
@Path("/api/v1/subscriptions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SubscriptionResource {

  @Inject SubscriptionStore store;
  @Inject SubscriptionRegistry registry;
  @Inject WebhookUrlGuard guard;
  @Inject io.newsmon.alerts.AlertsConfig config;

  /** Request body of a new subscription. */
  public record CreateRequest(List<String> topicIds, String webhookUrl, Double minScore) {}

  /** A subscription as clients see it: never with its secret, except once on creation. */
  public record View(
      String id,
      List<String> topicIds,
      String webhookUrl,
      double minScore,
      String status,
      Instant createdAt,
      String signingSecret) {
    static View of(WebhookSubscription s, boolean withSecret) {
      return new View(
          s.id(),
          s.topicIds().stream().sorted().toList(),
          s.webhookUrl().toString(),
          s.minScore(),
          s.status().name(),
          s.createdAt(),
          withSecret ? s.signingSecret() : null);
    }
  }

  @POST
  public Response create(CreateRequest request, @Context ContainerRequestContext context) {
    String problem = validate(request, guard);
    if (problem != null) {
      return Response.status(Response.Status.BAD_REQUEST).entity(Map.of("error", problem)).build();
    }
    WebhookSubscription created =
        store.create(
            tenant(context),
            Set.copyOf(request.topicIds()),
            URI.create(request.webhookUrl()),
            request.minScore() == null ? 0.0 : request.minScore());
    return Response.created(URI.create("/api/v1/subscriptions/" + created.id()))
        .entity(View.of(created, true))
        .build();
  }

  @GET
  public List<View> list(@Context ContainerRequestContext context) {
    return registry.ofTenant(tenant(context)).stream().map(s -> View.of(s, false)).toList();
  }

  @GET
  @Path("{id}")
  public Response get(@PathParam("id") String id, @Context ContainerRequestContext context) {
    return registry
        .find(tenant(context), id)
        .map(s -> Response.ok(View.of(s, false)).build())
        .orElseGet(SubscriptionResource::notFound);
  }

  /** Replaces the subscription's topics, URL and minimum score; its secret stays. */
  @PUT
  @Path("{id}")
  public Response update(
      @PathParam("id") String id, CreateRequest request, @Context ContainerRequestContext context) {
    String problem = validate(request, guard);
    if (problem != null) {
      return Response.status(Response.Status.BAD_REQUEST).entity(Map.of("error", problem)).build();
    }
    return store
        .update(
            tenant(context),
            id,
            Set.copyOf(request.topicIds()),
            URI.create(request.webhookUrl()),
            request.minScore() == null ? 0.0 : request.minScore())
        .map(s -> Response.ok(View.of(s, false)).build())
        .orElseGet(SubscriptionResource::notFound);
  }

  /**
   * Issues a new signing secret, returned only here; the old one keeps signing beside it for the
   * configured overlap ({@code newsmon.alerts.delivery.secret-overlap}, 24 h by default).
   */
  @POST
  @Path("{id}/rotate-secret")
  @Consumes(MediaType.WILDCARD) // no body: any or no content type
  public Response rotateSecret(
      @PathParam("id") String id, @Context ContainerRequestContext context) {
    return store
        .rotateSecret(tenant(context), id, config.delivery().secretOverlap())
        .map(s -> Response.ok(View.of(s, true)).build())
        .orElseGet(SubscriptionResource::notFound);
  }

  /** Stops deliveries until resumed; alerts matched meanwhile are not sent later. */
  @POST
  @Path("{id}/pause")
  @Consumes(MediaType.WILDCARD) // no body: any or no content type
  public Response pause(@PathParam("id") String id, @Context ContainerRequestContext context) {
    return status(id, WebhookSubscription.Status.PAUSED, context);
  }

  @POST
  @Path("{id}/resume")
  @Consumes(MediaType.WILDCARD) // no body: any or no content type
  public Response resume(@PathParam("id") String id, @Context ContainerRequestContext context) {
    return status(id, WebhookSubscription.Status.ACTIVE, context);
  }

  private Response status(
      String id, WebhookSubscription.Status status, ContainerRequestContext context) {
    return store
        .setStatus(tenant(context), id, status)
        .map(s -> Response.ok(View.of(s, false)).build())
        .orElseGet(SubscriptionResource::notFound);
  }

  @DELETE
  @Path("{id}")
  public Response delete(@PathParam("id") String id, @Context ContainerRequestContext context) {
    return store.delete(tenant(context), id) ? Response.noContent().build() : notFound();
  }

  private static Response notFound() {
    return Response.status(Response.Status.NOT_FOUND)
        .entity(Map.of("error", "no such subscription"))
        .build();
  }

  private static String tenant(ContainerRequestContext context) {
    return (String) context.getProperty(ApiKeyFilter.TENANT);
  }

  static String validate(CreateRequest request, WebhookUrlGuard guard) {
    if (request == null) {
      return "body must be a JSON object with topicIds and webhookUrl";
    }
    if (request.topicIds() == null
        || request.topicIds().isEmpty()
        || request.topicIds().stream()
            .anyMatch(t -> t == null || !t.matches("[a-z][a-z0-9]*(-[a-z0-9]+)*"))) {
      return "topicIds must be a non-empty list of kebab-case topic ids";
    }
    if (request.minScore() != null && (request.minScore() < 0 || request.minScore() > 1)) {
      return "minScore must be within [0, 1]";
    }
    try {
      return guard.refusal(URI.create(String.valueOf(request.webhookUrl()))).orElse(null);
    } catch (IllegalArgumentException e) {
      return "webhookUrl must be an absolute http or https URL";
    }
  }
}
