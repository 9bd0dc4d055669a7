package io.newsmon.ingest.articles;

import io.newsmon.avro.RawArticle;
import io.newsmon.feeds.KafkaRawArticles;
import io.newsmon.ingest.ApiKeyFilter;
import io.newsmon.ingest.IngestConfig;
import io.newsmon.ingest.IngestMetrics;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jboss.logging.Logger;

/**
 * {@code POST /api/articles}: one article per request, answered 202 with its id and trace id once
 * {@code news.raw} has it (so a 202 is never lost), or with the reason it was refused.
 */
@Path("/api/articles")
public class ArticleResource {

  private static final Logger LOG = Logger.getLogger(ArticleResource.class);
  static final long ACK_TIMEOUT_MS = 15_000;

  private final ArticleSubmissions submissions;
  private final KafkaRawArticles producer;
  private final IngestMetrics metrics;

  public ArticleResource(
      IngestConfig config, KafkaRawArticles producer, IngestMetrics metrics, Clock clock) {
    this.submissions = new ArticleSubmissions(config.maxArticleSize().asLongValue(), clock);
    this.producer = producer;
    this.metrics = metrics;
  }

  @POST
  @Consumes(MediaType.WILDCARD)
  @Produces(MediaType.APPLICATION_JSON)
  public Response submit(
      byte[] body,
      @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
      @QueryParam("url") String url,
      @QueryParam("source") String source,
      @Context ContainerRequestContext request) {
    String tenant = (String) request.getProperty(ApiKeyFilter.TENANT);
    switch (submissions.submit(
        tenant, contentType, url, source, body == null ? new byte[0] : body)) {
      case ArticleSubmissions.Refused refused -> {
        metrics.refused(refused.reason());
        return Response.status(refused.status())
            .type(MediaType.APPLICATION_JSON)
            .entity(Map.of("error", refused.message(), "reason", refused.reason()))
            .build();
      }
      case ArticleSubmissions.Accepted accepted -> {
        RawArticle article = accepted.article();
        org.jboss.logging.MDC.put("traceId", article.getTraceId());
        try {
          producer.send(article).get(ACK_TIMEOUT_MS, TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
          LOG.warnf("news.raw did not take %s: %s", article.getArticleId(), e.getCause());
          org.jboss.logging.MDC.remove("traceId");
          metrics.refused(IngestMetrics.KAFKA_UNAVAILABLE);
          return Response.status(503)
              .header("Retry-After", "5")
              .type(MediaType.APPLICATION_JSON)
              .entity(
                  Map.of(
                      "error",
                      "Kafka did not take the article; send it again",
                      "reason",
                      IngestMetrics.KAFKA_UNAVAILABLE))
              .build();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          org.jboss.logging.MDC.remove("traceId");
          return Response.status(503).build();
        }
        metrics.published("api");
        org.jboss.logging.MDC.remove("traceId");
        return Response.accepted(
                Map.of(
                    "articleId", article.getArticleId(),
                    "traceId", article.getTraceId(),
                    "sourceId", article.getSourceId()))
            .type(MediaType.APPLICATION_JSON)
            .build();
      }
    }
  }
}
