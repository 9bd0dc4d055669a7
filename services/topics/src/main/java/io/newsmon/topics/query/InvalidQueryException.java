package io.newsmon.topics.query;

import java.util.List;
import java.util.stream.Collectors;

/** A query that cannot be evaluated reliably, with every problem found in it. */
public final class InvalidQueryException extends IllegalArgumentException {

  private final transient List<QueryProblem> problems;

  public InvalidQueryException(String query, List<QueryProblem> problems) {
    super(
        "invalid query '"
            + query
            + "': "
            + problems.stream().map(QueryProblem::toString).collect(Collectors.joining("; ")));
    this.problems = List.copyOf(problems);
  }

  public List<QueryProblem> problems() {
    return problems;
  }
}
