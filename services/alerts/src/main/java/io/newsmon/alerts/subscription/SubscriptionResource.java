package io.newsmon.alerts.subscription;

import io.newsmon.alerts.delivery.DeliveryHistory;
import io.newsmon.alerts.delivery.DeliveryQueue;
import io.newsmon.alerts.delivery.PendingDelivery;
import io.newsmon.alerts.security.ApiKeyFilter;
import io.newsmon.alerts.security.WebhookUrlGuard;
import io.newsmon.common.TopicCatalog;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Duration;
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
  @Inject DeliveryHistory history;
  @Inject DeliveryQueue queue;

  /**
   * Request body of a new or replaced subscription; the lists other than {@code topicIds} may be
   * left out (no restriction), as may {@code minScore} (0) and {@code digestMinutes} (0: no
   * digest).
   */
  public record CreateRequest(
      List<String> topicIds,
      String webhookUrl,
      Double minScore,
      List<String> languages,
      List<String> countries,
      List<String> sources,
      Integer digestMinutes,
      Boolean spikes) {

    /** A request for topics at a minimum score, nothing else. */
    public CreateRequest(List<String> topicIds, String webhookUrl, Double minScore) {
      this(topicIds, webhookUrl, minScore, null, null, null, null, null);
    }

    AlertFilter filter() {
      return new AlertFilter(
          asSet("topicIds", topicIds),
          minScore == null ? 0.0 : minScore,
          asSet("languages", languages),
          asSet("countries", countries),
          asSet("sources", sources),
          Boolean.TRUE.equals(spikes));
    }

    int digest() {
      return digestMinutes == null ? 0 : digestMinutes;
    }

    private static Set<String> asSet(String field, List<String> values) {
      if (values == null) {
        return Set.of();
      }
      if (values.contains(null)) {
        throw new IllegalArgumentException(field + " cannot contain null");
      }
      return Set.copyOf(values);
    }
  }

  /** A subscription as clients see it: never with its secret, except once on creation. */
  public record View(
      String id,
      List<String> topicIds,
      String webhookUrl,
      double minScore,
      List<String> languages,
      List<String> countries,
      List<String> sources,
      int digestMinutes,
      boolean spikes,
      String status,
      Instant createdAt,
      String signingSecret) {
    static View of(WebhookSubscription s, boolean withSecret) {
      return new View(
          s.id(),
          s.topicIds().stream().sorted().toList(),
          s.webhookUrl().toString(),
          s.minScore(),
          s.filter().languages().stream().sorted().toList(),
          s.filter().countries().stream().sorted().toList(),
          s.filter().sources().stream().sorted().toList(),
          s.digestMinutes(),
          s.filter().spikes(),
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
            tenant(context), request.filter(), URI.create(request.webhookUrl()), request.digest());
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

  /** Replaces the subscription's filter, URL and digest setting; its secret and status stay. */
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
            request.filter(),
            URI.create(request.webhookUrl()),
            request.digest())
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

  /** One delivery attempt, as the delivery log has it. */
  public record AttemptView(
      String alertId,
      int attempt,
      Instant at,
      Integer status,
      long latencyMillis,
      String error,
      String outcome) {}

  /** Longest time range one history query or replay may cover. */
  static final Duration MAX_RANGE = Duration.ofDays(31);

  static final int MAX_REPLAY = 10_000;

  /**
   * The delivery log of a subscription: every attempt in [from, to) (default: the last 24 hours),
   * newest first, at most {@code limit} (default 100, at most 1,000).
   */
  @GET
  @Path("{id}/attempts")
  public Response attempts(
      @PathParam("id") String id,
      @QueryParam("from") String from,
      @QueryParam("to") String to,
      @QueryParam("limit") @DefaultValue("100") int limit,
      @Context ContainerRequestContext context) {
    if (registry.find(tenant(context), id).isEmpty()) {
      return notFound();
    }
    TimeRange range;
    try {
      range = TimeRange.parse(from, to, Instant.now(), MAX_RANGE);
    } catch (IllegalArgumentException e) {
      return badRequest(e.getMessage());
    }
    if (limit < 1 || limit > 1000) {
      return badRequest("limit must be within [1, 1000]");
    }
    List<AttemptView> attempts =
        history.attempts(id, range.from(), range.to(), limit).stream()
            .map(
                a ->
                    new AttemptView(
                        a.getAlertId(),
                        a.getAttempt(),
                        a.getAt(),
                        a.getStatus(),
                        a.getLatencyMillis(),
                        a.getError(),
                        a.getOutcome()))
            .toList();
    return Response.ok(Map.of("attempts", attempts)).build();
  }

  /** Request body of a replay: a time range and which deliveries to send again. */
  public record ReplayRequest(String from, String to, List<String> include) {}

  /**
   * Sends a subscription's past deliveries in [from, to) again, with their original {@code
   * webhook-id} and payload: those given up ({@code failed}, the default) and/or those delivered
   * ({@code delivered}). At most 10,000 per request; answers 202 with the alert ids queued.
   */
  @POST
  @Path("{id}/replay")
  public Response replay(
      @PathParam("id") String id, ReplayRequest request, @Context ContainerRequestContext context) {
    if (registry.find(tenant(context), id).isEmpty()) {
      return notFound();
    }
    if (request == null) {
      return badRequest("body must be a JSON object with from and to");
    }
    TimeRange range;
    try {
      range = TimeRange.parse(request.from(), request.to(), Instant.now(), MAX_RANGE);
    } catch (IllegalArgumentException e) {
      return badRequest(e.getMessage());
    }
    List<String> include = request.include() == null ? List.of("failed") : request.include();
    if (include.isEmpty() || !Set.of("failed", "delivered").containsAll(include)) {
      return badRequest("include must list failed and/or delivered");
    }
    Map<String, PendingDelivery> latest = new java.util.LinkedHashMap<>();
    for (String kind : include) {
      String topic =
          kind.equals("failed")
              ? TopicCatalog.ALERTS_DEAD_LETTER.name()
              : TopicCatalog.ALERTS_DELIVERED.name();
      for (PendingDelivery d : history.finished(topic, id, range.from(), range.to(), MAX_REPLAY)) {
        latest.put(d.alertId(), d);
      }
    }
    Instant now = Instant.now();
    List<PendingDelivery> replays =
        latest.values().stream().limit(MAX_REPLAY).map(d -> d.replayed(now)).toList();
    queue.enqueue(replays);
    return Response.accepted(
            Map.of(
                "replayed",
                replays.size(),
                "alertIds",
                replays.stream().map(PendingDelivery::alertId).toList()))
        .build();
  }

  private static Response badRequest(String problem) {
    return Response.status(Response.Status.BAD_REQUEST).entity(Map.of("error", problem)).build();
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
    try {
      request.filter(); // topics, score, languages, countries and sources, as AlertFilter checks
    } catch (IllegalArgumentException e) {
      return e.getMessage();
    }
    if (request.digestMinutes() != null
        && (request.digestMinutes() < 0
            || request.digestMinutes() > WebhookSubscription.MAX_DIGEST_MINUTES)) {
      return "digestMinutes must be within [0, "
          + WebhookSubscription.MAX_DIGEST_MINUTES
          + "] (0: each alert at once)";
    }
    try {
      return guard.refusal(URI.create(String.valueOf(request.webhookUrl()))).orElse(null);
    } catch (IllegalArgumentException e) {
      return "webhookUrl must be an absolute http or https URL";
    }
  }
}
