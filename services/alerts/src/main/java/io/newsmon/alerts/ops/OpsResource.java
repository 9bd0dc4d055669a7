package io.newsmon.alerts.ops;

import io.micrometer.core.instrument.Counter;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.newsmon.alerts.delivery.KafkaDeliveryQueue;
import io.newsmon.alerts.live.LiveArticles;
import io.newsmon.alerts.live.LiveStreamResource;
import io.smallrye.mutiny.Multi;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.jboss.resteasy.reactive.RestStreamElementType;

/**
 * {@code GET /api/admin/ops}: one document with what the ops page shows (admin key): consumer lag,
 * the latest dead letters with their reasons, topic volumes over the last day, the latest spikes,
 * and this instance's deliveries by outcome with its pending and retry backlog.
 */
@Path("/api/admin/ops")
@Produces(MediaType.APPLICATION_JSON)
public class OpsResource {

  /** What the ops page reads. */
  public record Summary(
      Instant at,
      List<StageThroughput.Stage> stages,
      List<OpsMonitor.GroupLag> lags,
      List<OpsMonitor.DeadLetter> deadLetters,
      List<OpsMonitor.Volume> volumes,
      List<OpsMonitor.Spike> spikes,
      Map<String, Double> deliveries,
      Double deliverySuccessRatio,
      int pendingDeliveries,
      int retryBacklog) {}

  private final LiveArticles live;
  private final OpsMonitor monitor;
  private final PrometheusMeterRegistry registry;
  private final KafkaDeliveryQueue queue;
  private final StageThroughput throughput;
  private final Clock clock;

  public OpsResource(
      OpsMonitor monitor,
      PrometheusMeterRegistry registry,
      KafkaDeliveryQueue queue,
      LiveArticles live,
      StageThroughput throughput) {
    this.throughput = throughput;
    this.live = live;
    this.monitor = monitor;
    this.registry = registry;
    this.queue = queue;
    this.clock = Clock.systemUTC();
  }

  /**
   * Every flagged article as it is flagged, as Server-Sent Events, for admins: what the ops page's
   * live list shows (it reads the stream with {@code fetch}, which, unlike EventSource, can send
   * the Authorization header).
   */
  @GET
  @Path("stream")
  @Produces(MediaType.SERVER_SENT_EVENTS)
  @RestStreamElementType(MediaType.APPLICATION_JSON)
  public Multi<Map<String, Object>> stream() {
    return LiveStreamResource.events(live, Set.of());
  }

  @GET
  public Summary summary(@QueryParam("deadLetters") Integer deadLetters) {
    Map<String, Double> deliveries = new TreeMap<>();
    for (Counter c : registry.find("newsmon.alerts.deliveries").counters()) {
      deliveries.put(c.getId().getTag("outcome"), c.count());
    }
    double delivered = deliveries.getOrDefault("delivered", 0.0);
    double attempted =
        delivered
            + deliveries.getOrDefault("retried", 0.0)
            + deliveries.getOrDefault("given_up", 0.0);
    return new Summary(
        clock.instant(),
        throughput.stages(),
        monitor.lags(),
        monitor.deadLetters(deadLetters == null ? 20 : Math.max(1, Math.min(200, deadLetters))),
        monitor.volumes(),
        monitor.spikes(),
        deliveries,
        attempted == 0 ? null : delivered / attempted,
        queue.pendingCount(),
        queue.retryBacklog());
  }
}
