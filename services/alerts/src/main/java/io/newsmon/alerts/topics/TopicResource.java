package io.newsmon.alerts.topics;

import io.newsmon.topics.TopicDefinition;
import io.newsmon.topics.TopicDraft;
import io.newsmon.topics.match.ArticleText;
import io.newsmon.topics.match.MatchResult;
import io.newsmon.topics.match.TopicFlag;
import io.newsmon.topics.match.TopicMonitor;
import io.newsmon.topics.places.Gazetteer;
import io.newsmon.topics.query.QueryProblem;
import io.newsmon.topics.query.TopicAnalyzer;
import io.newsmon.topics.query.TopicQueryParser;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code /api/admin/topics}: the topic catalog, for holders of an admin key. Every query is checked
 * by the parser the pipeline runs before it is stored; a query that cannot be evaluated is refused
 * with 422 and every problem with its position. {@code POST /api/admin/topics/dry-run} tests a
 * query against sample texts without storing anything.
 */
@Path("/api/admin/topics")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TopicResource {

  @Inject TopicCatalogStore store;

  /** A dry run: a query and the texts to try it on. */
  public record DryRun(String query, List<Sample> samples) {}

  /** One sample text. */
  public record Sample(String title, String text) {}

  /** What the dry run found for one sample. */
  public record DryRunResult(
      boolean matched, Double score, List<String> terms, String snippet, List<String> countries) {}

  @GET
  public List<TopicDefinition> list() {
    return store.all();
  }

  @GET
  @Path("{id}")
  public Response get(@PathParam("id") String id) {
    return store.find(id).map(t -> Response.ok(t).build()).orElseGet(TopicResource::notFound);
  }

  @PUT
  @Path("{id}")
  public Response put(@PathParam("id") String id, TopicDraft request) {
    if (request == null || request.query() == null) {
      return error(Response.Status.BAD_REQUEST, "a topic needs a query");
    }
    int version = store.find(id).map(t -> t.version() + 1).orElse(1);
    TopicDefinition topic;
    try {
      // The id is in the path; the version follows the stored one.
      topic = request.definition(id, version);
    } catch (IllegalArgumentException e) {
      return error(Response.Status.BAD_REQUEST, e.getMessage());
    }
    List<QueryProblem> problems = parserCheck(topic.query());
    if (!problems.isEmpty()) {
      return Response.status(422)
          .entity(Map.of("error", "the query cannot be evaluated", "problems", problems))
          .build();
    }
    return Response.ok(store.save(topic)).build();
  }

  @DELETE
  @Path("{id}")
  public Response delete(@PathParam("id") String id) {
    return store.delete(id) ? Response.noContent().build() : notFound();
  }

  @POST
  @Path("dry-run")
  public Response dryRun(DryRun request) {
    if (request == null || request.query() == null || request.samples() == null) {
      return error(Response.Status.BAD_REQUEST, "a dry run needs a query and samples");
    }
    try (TopicMonitor monitor = new TopicMonitor(Gazetteer.shipped())) {
      List<QueryProblem> problems = monitor.put(TopicDefinition.of("dry-run", request.query()));
      if (!problems.isEmpty()) {
        return Response.status(422)
            .entity(Map.of("error", "the query cannot be evaluated", "problems", problems))
            .build();
      }
      List<DryRunResult> results = new ArrayList<>();
      for (Sample sample : request.samples()) {
        MatchResult result =
            monitor.match(
                new ArticleText(
                    sample.title(), sample.text() == null ? "" : sample.text(), null, null));
        TopicFlag flag = result.flags().isEmpty() ? null : result.flags().get(0);
        results.add(
            new DryRunResult(
                flag != null,
                flag == null ? null : flag.score(),
                flag == null ? List.of() : flag.matched(),
                flag == null ? null : flag.snippet(),
                result.places().countries()));
      }
      return Response.ok(Map.of("results", results)).build();
    }
  }

  /** The pipeline's parser; analysers are per thread inside, so one parser serves all requests. */
  private static final TopicQueryParser PARSER =
      new TopicQueryParser(new TopicAnalyzer(), Gazetteer.shipped());

  private static List<QueryProblem> parserCheck(String query) {
    return PARSER.check(query);
  }

  private static Response notFound() {
    return error(Response.Status.NOT_FOUND, "no such topic");
  }

  private static Response error(Response.Status status, String message) {
    return Response.status(status).entity(Map.of("error", message)).build();
  }
}
