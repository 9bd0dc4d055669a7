package io.newsmon.topics.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsmon.topics.places.Gazetteer;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TopicQueryParserTest {

  private final TopicQueryParser parser =
      new TopicQueryParser(new TopicAnalyzer(), Gazetteer.shipped());

  @ParameterizedTest
  @ValueSource(
      strings = {
        "border",
        "border AND troops",
        "border troops",
        "border OR frontier",
        "border AND NOT football",
        "border -football",
        "\"border clash\"",
        "\"troops border\"~5",
        "(troops OR soldiers) NEAR/5 border",
        "\"armed forces\" NEAR/10 (border OR frontier)",
        "mobiliz* AND troops",
        "troop* NEAR/3 border",
        "shel?ing",
        "title:border",
        "text:(troops OR army)",
        "country:UA AND country:Russia",
        "neighbours:any AND troops",
        "neighbours:RU-UA",
        "neighbours:ua-ru",
        "countries:2 AND summit",
        "cyber-attack",
        "(a1 OR b2) AND NOT (c3 OR d4)"
      })
  void acceptsTheLanguage(String query) {
    assertThat(parser.check(query)).isEmpty();
    assertThat(parser.parse(query)).isNotNull();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "*order                     | starts with a wildcard",
        "?order                     | starts with a wildcard",
        "bo*                        | fewer than 3 letters",
        "the                        | not indexed",
        "border and troops          | operators are written in capitals: AND",
        "NOT football               | NOT alone",
        "border OR NOT football     | NOT inside OR",
        "NOT a AND NOT b            | every clause here is excluded",
        "place:Kyiv                 | unknown field 'place'",
        "country:Narnia             | unknown country 'Narnia'",
        "neighbours:RU-US           | share no land border",
        "neighbours:RU              | two ISO country codes",
        "countries:9                | a number from 1 to 5",
        "(border AND troops         | never closed",
        "border)                    | unmatched ')'",
        "\"border clash             | unclosed quote",
        "troops NEAR border         | NEAR with a distance",
        "troops NEAR/0 border       | between 1 and 50",
        "(troops AND army) NEAR/5 border | AND inside NEAR",
        "country:\"Ukraine\"        | takes a country code or name",
        "title:troops NEAR/5 text:border | same field",
        "''                         | empty"
      })
  void refusesWhatItCannotEvaluateAndSaysWhy(String query, String reason) {
    String q = query.equals("''") ? "  " : query;
    List<QueryProblem> problems = parser.check(q);
    assertThat(problems).extracting(QueryProblem::message).anyMatch(m -> m.contains(reason));
    assertThatThrownBy(() -> parser.parse(q))
        .isInstanceOf(InvalidQueryException.class)
        .hasMessageContaining(reason);
  }

  @Test
  void problemsPointAtTheirPlaceAndAreAllCollected() {
    List<QueryProblem> problems = parser.check("border AND *order AND country:Narnia");
    assertThat(problems).extracting(QueryProblem::position).containsExactly(11, 30);
  }

  @Test
  void operatorPrecedenceIsNotNearAndOr() {
    QueryNode tree = parser.tree("a1 OR b2 c3 NEAR/2 d4");
    assertThat(tree).isInstanceOf(QueryNode.Or.class);
    QueryNode.Or or = (QueryNode.Or) tree;
    assertThat(or.clauses().get(1)).isInstanceOf(QueryNode.And.class);
    assertThat(((QueryNode.And) or.clauses().get(1)).clauses().get(1))
        .isInstanceOf(QueryNode.Near.class);
  }

  @Test
  void fieldScopeAppliesToTheWholeGroup() {
    QueryNode tree = parser.tree("title:(border OR frontier) troops");
    QueryNode.And and = (QueryNode.And) tree;
    QueryNode.Or titled = (QueryNode.Or) and.clauses().get(0);
    assertThat(titled.clauses())
        .allSatisfy(c -> assertThat(((QueryNode.Word) c).field()).isEqualTo("title"));
    assertThat(((QueryNode.Word) and.clauses().get(1)).field()).isEqualTo("text");
  }
}
