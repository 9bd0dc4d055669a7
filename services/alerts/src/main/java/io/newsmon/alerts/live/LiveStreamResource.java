package io.newsmon.alerts.live;

import io.smallrye.mutiny.Multi;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jboss.resteasy.reactive.RestStreamElementType;

/**
 * {@code GET /api/v1/stream?topics=a,b}: flagged articles for the chosen topics (all when none) as
 * Server-Sent Events, with the same API keys as the rest of the API.
 */
@Path("/api/v1/stream")
public class LiveStreamResource {

  /** Events a slow client may fall behind by before newer ones are dropped for it. */
  static final int CLIENT_BUFFER = 1_000;

  @Inject LiveArticles hub;

  @GET
  @Produces(MediaType.SERVER_SENT_EVENTS)
  @RestStreamElementType(MediaType.APPLICATION_JSON)
  public Multi<Map<String, Object>> stream(@QueryParam("topics") String topics) {
    Set<String> wanted =
        topics == null || topics.isBlank()
            ? Set.of()
            : Arrays.stream(topics.split(","))
                .map(String::strip)
                .filter(t -> !t.isEmpty())
                .collect(Collectors.toSet());
    return events(hub, wanted);
  }

  /** Flagged articles of {@code wanted} topics (all when empty) from {@code hub}, as events. */
  public static Multi<Map<String, Object>> events(LiveArticles hub, Set<String> wanted) {
    return Multi.createFrom()
        .<Map<String, Object>>emitter(
            emitter -> {
              LiveArticles.Registration registration = hub.listen(wanted, emitter::emit);
              emitter.onTermination(registration::close);
            })
        .onOverflow()
        .buffer(CLIENT_BUFFER)
        .onOverflow()
        .drop();
  }
}
