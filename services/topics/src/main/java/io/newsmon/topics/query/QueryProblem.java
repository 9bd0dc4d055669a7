package io.newsmon.topics.query;

/**
 * Why a query cannot be stored: what is wrong, where, and how to write it instead.
 *
 * @param position character offset in the query (0-based) where the problem starts
 * @param message a sentence an analyst can act on
 */
public record QueryProblem(int position, String message) {

  @Override
  public String toString() {
    return "at " + position + ": " + message;
  }
}
