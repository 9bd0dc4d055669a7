package io.newsmon.pipeline.clean;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BoilerplateTest {

  @Test
  void wordsCountsAsSplittingAtWhiteSpaceDid() {
    char[] alphabet = {'a', 'Z', '.', ' ', '\t', '\n', '\r', '\u000B', '\f', '\u00A0', '\u2003'};
    SplittableRandom random = new SplittableRandom(7);
    for (int n = 0; n < 20_000; n++) {
      StringBuilder text = new StringBuilder();
      for (int i = random.nextInt(15); i > 0; i--) {
        text.append(alphabet[random.nextInt(alphabet.length)]);
      }
      String t = text.toString().strip();
      int expected = t.isEmpty() ? 0 : t.split("\\s+").length;
      assertThat(Boilerplate.words(text.toString())).as(text.toString()).isEqualTo(expected);
    }
  }

  @Test
  void isAppealDecidesAsSplittingAtNonLettersDid() {
    String[] pieces = {
      "we",
      "We",
      "you",
      "your",
      "our",
      "you're",
      "we’re",
      "the",
      "troops",
      "Kyiv",
      "é",
      "'",
      "’",
      " ",
      " ",
      "  ",
      "!",
      ",",
      "\"",
      "-",
      "1",
      "\uD835\uDC00",
      "\u0130"
    };
    SplittableRandom random = new SplittableRandom(11);
    int appeals = 0;
    for (int n = 0; n < 20_000; n++) {
      StringBuilder text = new StringBuilder();
      for (int i = random.nextInt(40); i > 0; i--) {
        text.append(pieces[random.nextInt(pieces.length)]);
      }
      String[] tokens = text.toString().toLowerCase(java.util.Locale.ROOT).split("[^\\p{L}']+");
      long personal =
          java.util.Arrays.stream(tokens)
              .filter(
                  java.util.Set.of(
                          "we", "our", "us", "ours", "you", "your", "yours", "you're", "we're",
                          "we've", "you've")
                      ::contains)
              .count();
      boolean expected = tokens.length >= 8 && personal * 100 >= tokens.length * 7L;
      appeals += expected ? 1 : 0;
      assertThat(Boilerplate.isAppeal(text.toString())).as(text.toString()).isEqualTo(expected);
    }
    assertThat(appeals).as("appeals among the random texts").isGreaterThan(1_000);
  }

  @Test
  void collapseSpacesIsWhatTheRegularExpressionGave() {
    char[] alphabet = {'a', '.', ' ', '\t', '\n', '\r', '\u000B', '\f', '\u00A0', '\u2003'};
    SplittableRandom random = new SplittableRandom(13);
    for (int n = 0; n < 20_000; n++) {
      StringBuilder text = new StringBuilder();
      for (int i = random.nextInt(15); i > 0; i--) {
        text.append(alphabet[random.nextInt(alphabet.length)]);
      }
      assertThat(ArticleCleaner.collapseSpaces(text))
          .as(text.toString())
          .isEqualTo(text.toString().replaceAll("\\s+", " "));
    }
  }

  @Test
  void wordCountCountsAsSplittingEachParagraphDid() {
    char[] alphabet = {'a', 'Z', '.', ' ', '\t', '\n', '\u0001', '\u001C', '\u00A0', '\u2003'};
    SplittableRandom random = new SplittableRandom(17);
    for (int n = 0; n < 5_000; n++) {
      java.util.List<String> paragraphs = new java.util.ArrayList<>();
      int expected = 0;
      for (int p = random.nextInt(4); p > 0; p--) {
        StringBuilder text = new StringBuilder();
        for (int i = random.nextInt(12); i > 0; i--) {
          text.append(alphabet[random.nextInt(alphabet.length)]);
        }
        String paragraph = text.toString();
        paragraphs.add(paragraph);
        expected += paragraph.isBlank() ? 0 : paragraph.trim().split("\\s+").length;
      }
      CleanedDocument document =
          new CleanedDocument("t", paragraphs, null, null, null, null, null, null);
      assertThat(document.wordCount()).as(paragraphs.toString()).isEqualTo(expected);
    }
  }

  @Test
  void theLiteralPrefilterNeverHidesAMarker() throws Exception {
    java.util.List<String> texts =
        new java.util.ArrayList<>(
            java.util.List.of(
                "Sign up for our newsletter",
                "SUBSCRIBE NOW",
                "Support independent journalism",
                "Please DONATE today",
                "Contribute today to keep us going",
                "A message from the editor",
                "Read our Privacy Policy and cookie settings",
                "Copyright 2026. All Rights Reserved.",
                "Follow us on X",
                "Share this story with a friend",
                "Read More",
                "Related Stories",
                "Most Read",
                "Advertisement",
                "Remind me later",
                "You may also like",
                "More from Europe",
                "More great world stories",
                "Loading content",
                "Tell us what you think",
                "Delivered to your inbox every morning",
                "Our latest stories",
                "Click here",
                "Like this article?",
                "Not ready to support us yet?",
                "The troops moved closer to the border on Tuesday.",
                "more than 400 people were evacuated"));
    java.nio.file.Path gold =
        java.nio.file.Path.of("../../../shared/data/extraction-dev/ground-truth.json");
    if (java.nio.file.Files.exists(gold)) {
      com.fasterxml.jackson.databind.JsonNode all =
          new com.fasterxml.jackson.databind.ObjectMapper().readTree(gold.toFile());
      all.forEach(
          page -> texts.addAll(java.util.List.of(page.path("articleBody").asText().split("\n+"))));
    }
    for (String text : texts) {
      assertThat(Boilerplate.matchesMarker(text))
          .as(text)
          .isEqualTo(Boilerplate.MARKER.matcher(text).find());
    }
    assertThat(texts.stream().filter(Boilerplate::matchesMarker).count()).isGreaterThan(24);
  }
}
