package io.newsmon.ingest.feeds;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newsmon.feeds.FeedList;
import io.newsmon.feeds.FeedPoller;
import io.newsmon.feeds.FeedScheduler;
import io.newsmon.ingest.ApiKeyFilter;
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
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The admin API for feeds: list them with how their polls went, add, change or remove API feeds,
 * and ask for a poll now. Feeds of the feeds file are listed but read-only (409).
 */
@Path("/api/admin/feeds")
@Produces(MediaType.APPLICATION_JSON)
public class FeedResource {

  /** A feed as the API shows it. */
  public record FeedView(
      String id,
      String url,
      String every,
      String source,
      String origin,
      Instant updatedAt,
      String updatedBy,
      StatusView status) {}

  /** How a feed's polls went; null fields: not yet. */
  public record StatusView(
      Instant lastPolledAt,
      Instant nextPollAt,
      int failuresInARow,
      FeedPoller.PollReport lastPoll) {}

  /** The list, with the feeds file's problems. */
  public record Listing(List<FeedView> feeds, List<String> fileProblems) {}

  private final FeedService feeds;
  private final Clock clock;

  public FeedResource(FeedService feeds, Clock clock) {
    this.feeds = feeds;
    this.clock = clock;
  }

  @GET
  public Listing list() {
    return new Listing(
        feeds.directory().entries().stream().map(this::view).toList(),
        feeds.directory().fileProblems());
  }

  @GET
  @Path("{id}")
  public Response get(@PathParam("id") String id) {
    return feeds
        .directory()
        .get(id)
        .map(e -> Response.ok(view(e)).build())
        .orElseGet(() -> error(404, "no feed " + id));
  }

  /** Adds or replaces API feed {@code id}: {@code {"url": ..., "every": "5m", "source": ...}}. */
  @PUT
  @Path("{id}")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response put(
      @PathParam("id") String id, JsonNode body, @Context ContainerRequestContext request) {
    if (body == null || !body.isObject()) {
      return error(400, "the body must be a JSON object of url, every and source");
    }
    if (body.has("id") && !id.equals(body.get("id").asText())) {
      return error(400, "the body's id differs from the path's");
    }
    ObjectNode fields = ((ObjectNode) body.deepCopy()).put("id", id);
    FeedList.Loaded checked = FeedList.single(fields);
    if (!checked.problems().isEmpty()) {
      return Response.status(400)
          .type(MediaType.APPLICATION_JSON)
          .entity(Map.of("error", "invalid feed", "problems", checked.problems()))
          .build();
    }
    var readOnly = feeds.directory().readOnlyReason(id);
    if (readOnly.isPresent()) {
      return error(409, readOnly.get());
    }
    boolean existed = feeds.directory().get(id).isPresent();
    FeedDirectory.Entry entry =
        new FeedDirectory.Entry(
            checked.feeds().getFirst(),
            FeedDirectory.Origin.API,
            clock.instant(),
            (String) request.getProperty(ApiKeyFilter.TENANT));
    feeds.store().save(entry);
    feeds.directory().stored(id, entry); // at once; the topic's echo changes nothing
    return Response.status(existed ? 200 : 201).entity(view(entry)).build();
  }

  @DELETE
  @Path("{id}")
  public Response delete(@PathParam("id") String id) {
    var readOnly = feeds.directory().readOnlyReason(id);
    if (readOnly.isPresent()) {
      return error(409, readOnly.get());
    }
    if (feeds.directory().get(id).isEmpty()) {
      return error(404, "no feed " + id);
    }
    feeds.store().delete(id);
    feeds.directory().stored(id, null);
    return Response.noContent().build();
  }

  /** Polls the feed as soon as a poller thread is free. */
  @POST
  @Path("{id}/poll")
  public Response pollNow(@PathParam("id") String id) {
    if (feeds.directory().get(id).isEmpty()) {
      return error(404, "no feed " + id);
    }
    if (!feeds.polling()) {
      return error(503, "feeds are not polled yet: the service is still reading Kafka");
    }
    return feeds.scheduler().pollNow(id)
        ? Response.accepted(Map.of("feed", id, "poll", "queued")).build()
        : error(409, "a poll of feed " + id + " is running");
  }

  private FeedView view(FeedDirectory.Entry entry) {
    FeedList.Feed feed = entry.feed();
    StatusView status =
        feeds
            .scheduler()
            .status(feed.id())
            .map(
                (FeedScheduler.FeedStatus s) ->
                    new StatusView(
                        s.lastPolledAt(), s.nextPollAt(), s.failuresInARow(), s.lastReport()))
            .orElse(null);
    return new FeedView(
        feed.id(),
        feed.url().toString(),
        FeedList.format(feed.every()),
        feed.sourceId(),
        entry.origin().name().toLowerCase(java.util.Locale.ROOT),
        entry.updatedAt(),
        entry.updatedBy(),
        status);
  }

  private static Response error(int status, String message) {
    return Response.status(status)
        .type(MediaType.APPLICATION_JSON)
        .entity(Map.of("error", message))
        .build();
  }
}
