package io.newsmon.topics.query;

import java.util.List;

/**
 * The parsed form of a query, before it becomes a Lucene query. Each node remembers the field it is
 * scoped to and where it starts in the query text, so problems can point at it.
 */
public sealed interface QueryNode {

  int position();

  /** A word; analysed like the text, so it may become a short phrase ("cyber-attack"). */
  record Word(int position, String field, String text) implements QueryNode {}

  /** Words in order, with up to {@code slop} moves allowed ({@code "border clash"~2}). */
  record Phrase(int position, String field, String text, int slop) implements QueryNode {}

  /** A word pattern with {@code *} (any letters) or {@code ?} (one letter). */
  record Wildcard(int position, String field, String pattern) implements QueryNode {}

  /** All of the clauses; {@link Not} clauses exclude. */
  record And(int position, List<QueryNode> clauses) implements QueryNode {}

  /** Any of the clauses. */
  record Or(int position, List<QueryNode> clauses) implements QueryNode {}

  /** Excludes its clause; only meaningful inside an {@link And}. */
  record Not(int position, QueryNode clause) implements QueryNode {}

  /** Both sides within {@code distance} words of each other, in either order. */
  record Near(int position, QueryNode left, QueryNode right, int distance) implements QueryNode {}
}
