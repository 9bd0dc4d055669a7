package io.newsmon.cli;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The end-to-end benchmark's articles, generated on demand: article {@code i} is always the same
 * bytes for the same settings, so a run never holds the corpus in memory and the raw Kafka ceiling
 * can be measured on exactly the payloads the pipeline gets.
 *
 * <p>Why generated rather than shipped: a benchmark of tens of thousands of distinct news stories
 * with their republished copies would be hundreds of megabytes of third-party text the project
 * cannot redistribute. The generator keeps what the stages' costs depend on: English sentences of
 * news length (lognormal around 550 words), proper names that make every story distinct, a share of
 * stories about troops at a border between neighbouring countries (flagged {@code
 * border-tensions}), republished copies with another outlet's boilerplate, quote characters,
 * transliterations and an edited sentence (what the demo's two Moscow Times copies differ by), and
 * three formats: scraped text, markdown, and HTML pages with real pages' weight of navigation,
 * scripts and styles around the article.
 *
 * @param seed what makes one corpus differ from another
 * @param copyShare share of articles that republish an earlier story
 * @param borderShare share of stories about tensions at a border
 * @param htmlShare share of articles sent as whole HTML pages
 * @param medianPageBytes median size of those pages
 */
record BenchCorpus(
    long seed, double copyShare, double borderShare, double htmlShare, int medianPageBytes) {

  BenchCorpus {
    check("copyShare", copyShare);
    check("borderShare", borderShare);
    check("htmlShare", htmlShare);
    if (medianPageBytes < 1_000) {
      throw new IllegalArgumentException("medianPageBytes must be at least 1000");
    }
  }

  private static void check(String name, double share) {
    if (!(share >= 0 && share <= 1)) {
      throw new IllegalArgumentException(name + " must be in [0, 1], was " + share);
    }
  }

  /** One generated article as a producer would send it. */
  record Article(
      int index,
      String articleId,
      String sourceId,
      String url,
      String contentType,
      byte[] payload,
      int story,
      boolean copy,
      boolean borderTensions) {}

  /** Article {@code index} of the corpus. */
  Article article(int index) {
    SplittableRandom random = random(index, 0x5eedL);
    boolean copy = isCopy(random, index);
    int story = copy ? storyOf(index) : index;
    Story text = story(story);
    int outlet = random.nextInt(OUTLETS.length);
    String articleId = "bench-" + seed + "-" + index;
    String url = "https://" + OUTLETS[outlet] + "/news/" + story + "-" + slug(text.title());
    List<String> paragraphs = copy ? edited(text.paragraphs(), random) : text.paragraphs();
    String title = text.title();
    if (copy && random.nextBoolean()) {
      title = transliterated(title);
      paragraphs = paragraphs.stream().map(BenchCorpus::transliterated).toList();
    }
    if (copy && random.nextBoolean()) {
      title = curlyQuotes(title);
      paragraphs = paragraphs.stream().map(BenchCorpus::curlyQuotes).toList();
    }
    double format = random.nextDouble();
    String contentType;
    String payload;
    if (format < htmlShare) {
      contentType = "text/html";
      payload = html(title, paragraphs, outlet, url, random);
    } else if (format < htmlShare + (1 - htmlShare) / 3) {
      contentType = "text/markdown";
      payload = markdown(title, paragraphs, outlet, url);
    } else {
      contentType = "text/plain";
      payload = scraped(title, paragraphs, outlet);
    }
    return new Article(
        index,
        articleId,
        OUTLETS[outlet],
        url,
        contentType,
        payload.getBytes(StandardCharsets.UTF_8),
        story,
        copy,
        text.borderTensions());
  }

  private boolean isCopy(SplittableRandom random, int index) {
    return index > 20 && random.nextDouble() < copyShare;
  }

  /**
   * The story article {@code index} publishes: its own, or, for a copy, that of an article from
   * shortly before (as agency stories spread within hours), which may itself have been a copy.
   */
  int storyOf(int index) {
    int current = index;
    while (true) {
      SplittableRandom random = random(current, 0x5eedL);
      if (!isCopy(random, current)) {
        return current;
      }
      current = Math.max(0, current - 1 - random.nextInt(Math.min(current, 2_000)));
    }
  }

  /** A story as first written: headline, paragraphs, and whether it is about a border. */
  record Story(String title, List<String> paragraphs, boolean borderTensions) {}

  Story story(int story) {
    SplittableRandom random = random(story, 0x570L);
    boolean border = random.nextDouble() < borderShare;
    Names names = new Names(random);
    int words = (int) Math.min(2_500, Math.max(120, Math.exp(6.3 + 0.45 * gaussian(random))));
    List<String> paragraphs = new ArrayList<>();
    String title;
    int written = 0;
    if (border) {
      String[] pair = NEIGHBOURS[random.nextInt(NEIGHBOURS.length)];
      title = names.fill(BORDER_TITLES[random.nextInt(BORDER_TITLES.length)], pair);
      String lede = names.fill(BORDER_LEDES[random.nextInt(BORDER_LEDES.length)], pair);
      paragraphs.add(lede);
      written += words(lede);
      String more = names.fill(BORDER_SENTENCES[random.nextInt(BORDER_SENTENCES.length)], pair);
      paragraphs.add(more);
      written += words(more);
    } else {
      title = names.fill(TITLES[random.nextInt(TITLES.length)], null);
    }
    while (written < words) {
      StringBuilder paragraph = new StringBuilder();
      int sentences = 2 + random.nextInt(3);
      for (int s = 0; s < sentences; s++) {
        if (s > 0) {
          paragraph.append(' ');
        }
        String sentence = names.fill(SENTENCES[random.nextInt(SENTENCES.length)], null);
        paragraph.append(sentence);
        written += words(sentence);
      }
      paragraphs.add(paragraph.toString());
    }
    return new Story(title, List.copyOf(paragraphs), border);
  }

  private SplittableRandom random(int index, long salt) {
    return new SplittableRandom(seed * 0x9E3779B97F4A7C15L + index * 0xBF58476D1CE4E5B9L + salt);
  }

  private static double gaussian(SplittableRandom random) {
    // Box-Muller; SplittableRandom has no nextGaussian on Java 21.
    double u = 1 - random.nextDouble();
    double v = random.nextDouble();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  private static int words(String sentence) {
    int count = 1;
    for (int i = 0; i < sentence.length(); i++) {
      if (sentence.charAt(i) == ' ') {
        count++;
      }
    }
    return count;
  }

  /** A copy's edit: one sentence dropped from a paragraph, one short line added. */
  private static List<String> edited(List<String> paragraphs, SplittableRandom random) {
    List<String> copy = new ArrayList<>(paragraphs);
    if (copy.size() > 4) {
      int drop = 2 + random.nextInt(copy.size() - 2);
      String paragraph = copy.get(drop);
      int cut = paragraph.indexOf(". ");
      copy.set(drop, cut < 0 ? paragraph : paragraph.substring(cut + 2));
    }
    copy.add(random.nextInt(1, copy.size()), ADDED_LINES[random.nextInt(ADDED_LINES.length)]);
    return copy;
  }

  /** Other spellings of the same names, as outlets transliterate them differently. */
  private static String transliterated(String text) {
    return text.replaceAll("iy\\b", "ii");
  }

  private static String curlyQuotes(String text) {
    StringBuilder out = new StringBuilder(text.length());
    boolean open = true;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '"') {
        out.append(open ? '\u201C' : '\u201D');
        open = !open;
      } else if (c == '\'') {
        out.append('\u2019');
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  private static String slug(String title) {
    String slug =
        title.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    return slug.length() > 60 ? slug.substring(0, 60) : slug;
  }

  private static String scraped(String title, List<String> paragraphs, int outlet) {
    StringBuilder text = new StringBuilder(8_192);
    text.append(title).append("\n\n");
    for (String paragraph : paragraphs) {
      text.append(paragraph).append("\n\n");
    }
    for (String line : BOILERPLATE[outlet % BOILERPLATE.length]) {
      text.append(line).append("\n\n");
    }
    return text.toString();
  }

  private static String markdown(String title, List<String> paragraphs, int outlet, String url) {
    StringBuilder text = new StringBuilder(8_192);
    text.append("# ").append(title).append("\n\n");
    text.append("_By the ").append(OUTLETS[outlet]).append(" news desk_\n\n");
    for (int i = 0; i < paragraphs.size(); i++) {
      text.append(paragraphs.get(i)).append("\n\n");
      if (i == 2) {
        text.append("> Related article: [")
            .append(TITLES[(outlet + i) % TITLES.length].replace("{", "").replace("}", ""))
            .append("](https://")
            .append(OUTLETS[outlet])
            .append("/related)\n\n");
      }
    }
    text.append("Original: <").append(url).append(">\n");
    return text.toString();
  }

  private String html(
      String title, List<String> paragraphs, int outlet, String url, SplittableRandom random) {
    int target = (int) Math.min(2_000_000, medianPageBytes * Math.exp(0.6 * gaussian(random)));
    StringBuilder page = new StringBuilder(target + 4_096);
    page.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
        .append(escape(title))
        .append(" | ")
        .append(OUTLETS[outlet])
        .append("</title><meta property=\"og:title\" content=\"")
        .append(escape(title))
        .append("\"><link rel=\"canonical\" href=\"")
        .append(url)
        .append("\"><style>");
    StringBuilder article = new StringBuilder(8_192);
    article.append("<article><h1>").append(escape(title)).append("</h1>");
    for (String paragraph : paragraphs) {
      article.append("<p>").append(escape(paragraph)).append("</p>");
    }
    article.append("</article>");
    // Real pages carry most of their weight in styles, scripts and navigation: fill to the size.
    int filler = Math.max(0, target - article.length() - 1_000);
    int styles = filler / 4;
    while (page.length() < styles) {
      page.append(".c")
          .append(page.length())
          .append("{margin:0 auto;padding:4px 8px;font:14px/1.4 Georgia,serif;color:#222}");
    }
    page.append("</style><script>window.__STATE__={\"items\":[");
    int scripts = styles + filler / 2;
    while (page.length() < scripts) {
      page.append("{\"id\":")
          .append(page.length())
          .append(",\"kind\":\"teaser\",\"track\":\"impression\",\"slot\":\"sidebar\"},");
    }
    page.append("{}]};</script></head><body><header><nav><ul>");
    int navigation = scripts + filler / 4;
    while (page.length() < navigation) {
      page.append("<li><a href=\"/section/")
          .append(page.length())
          .append("\">")
          .append(SECTIONS[page.length() % SECTIONS.length])
          .append("</a></li>");
    }
    page.append("</ul></nav></header><main>").append(article).append("</main><footer><p>");
    for (String line : BOILERPLATE[outlet % BOILERPLATE.length]) {
      page.append(escape(line)).append(' ');
    }
    page.append("</p></footer></body></html>");
    return page.toString();
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  /** Proper names and numbers for one story, so stories built from the same templates differ. */
  private static final class Names {
    private final SplittableRandom random;
    private final String person;
    private final String official;
    private final String company;
    private final String town;
    private final String region;

    Names(SplittableRandom random) {
      this.random = random;
      this.person = name() + " " + surname();
      this.official = name() + " " + surname();
      this.company =
          capitalised(word(2)) + " " + COMPANY_KINDS[random.nextInt(COMPANY_KINDS.length)];
      this.town = capitalised(word(2 + random.nextInt(2)));
      this.region = capitalised(word(3)) + " region";
    }

    String fill(String template, String[] countries) {
      StringBuilder out = new StringBuilder(template.length() + 64);
      int i = 0;
      while (i < template.length()) {
        char c = template.charAt(i);
        if (c != '{') {
          out.append(c);
          i++;
          continue;
        }
        int end = template.indexOf('}', i);
        String slot = template.substring(i + 1, end);
        out.append(
            switch (slot) {
              case "person" -> person;
              case "official" -> official;
              case "company" -> company;
              case "town" -> town;
              case "region" -> region;
              case "a" -> countries[0];
              case "b" -> countries[1];
              case "n" -> Integer.toString(2 + random.nextInt(98));
              case "big" -> String.format(Locale.ROOT, "%,d", 1_000 + random.nextInt(90_000));
              case "pct" -> (1 + random.nextInt(40)) + "." + random.nextInt(10) + "%";
              case "day" -> DAYS[random.nextInt(DAYS.length)];
              case "month" -> MONTHS[random.nextInt(MONTHS.length)];
              case "noun" -> NOUNS[random.nextInt(NOUNS.length)];
              case "noun2" -> NOUNS[random.nextInt(NOUNS.length)];
              case "verb" -> VERBS[random.nextInt(VERBS.length)];
              case "adj" -> ADJECTIVES[random.nextInt(ADJECTIVES.length)];
              case "role" -> ROLES[random.nextInt(ROLES.length)];
              case "said" -> SAID[random.nextInt(SAID.length)];
              default -> throw new IllegalStateException("unknown slot " + slot);
            });
        i = end + 1;
      }
      return out.toString();
    }

    private String name() {
      return capitalised(word(2 + random.nextInt(2)));
    }

    private String surname() {
      return capitalised(word(2 + random.nextInt(2)))
          + SURNAME_ENDINGS[random.nextInt(SURNAME_ENDINGS.length)];
    }

    private String word(int syllables) {
      StringBuilder word = new StringBuilder();
      for (int s = 0; s < syllables; s++) {
        word.append(ONSETS[random.nextInt(ONSETS.length)])
            .append(VOWELS[random.nextInt(VOWELS.length)]);
      }
      return word.toString();
    }

    private static String capitalised(String word) {
      return Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }
  }

  private static final String[] OUTLETS = {
    "dailyherald.example", "worldwire.example", "capitalpost.example", "eveningstar.example",
    "metrotimes.example", "northernnews.example", "globalreport.example", "citychronicle.example",
    "theobserver.example", "newsdesk.example", "pressagency.example", "regionaltoday.example"
  };

  private static final String[][] BOILERPLATE = {
    {
      "Subscribe to our newsletter to get the day's top stories in your inbox every morning.",
      "Read more: our coverage of the region.",
      "We rely on readers like you. Please consider supporting independent journalism today."
    },
    {
      "Sign up for breaking news alerts.",
      "Share this article: Facebook Twitter Email",
      "Copyright 2026 All rights reserved. This material may not be republished without permission."
    },
    {
      "Advertisement",
      "Follow us on social media for the latest updates.",
      "Related: more stories from this section.",
      "Comments are closed for this article."
    },
    {
      "Have a news tip? Contact our newsroom.",
      "Our journalism is funded by readers. Donate now to keep it free for everyone."
    }
  };

  private static final String[] ADDED_LINES = {
    "This story has been updated with additional reporting.",
    "Reporting by staff correspondents; editing by the news desk.",
    "Additional reporting by wire services.",
    "An earlier version of this article misstated a figure."
  };

  private static final String[] SECTIONS = {
    "World",
    "Politics",
    "Business",
    "Markets",
    "Technology",
    "Science",
    "Health",
    "Sport",
    "Culture",
    "Opinion",
    "Travel",
    "Climate"
  };

  private static final String[][] NEIGHBOURS = {
    {"Russia", "Ukraine"},
    {"India", "Pakistan"},
    {"India", "China"},
    {"Armenia", "Azerbaijan"},
    {"Venezuela", "Guyana"},
    {"Ethiopia", "Sudan"},
    {"Thailand", "Cambodia"},
    {"Israel", "Lebanon"},
    {"Greece", "Turkey"},
    {"Peru", "Ecuador"},
    {"Afghanistan", "Pakistan"},
    {"Kyrgyzstan", "Tajikistan"}
  };

  private static final String[] BORDER_TITLES = {
    "{a} masses troops near border with {b}",
    "Tensions rise as {a} deploys forces to {b} border",
    "{b} reports {a} troop build-up near the frontier",
    "Border clash between {a} and {b} leaves {n} soldiers wounded",
    "{a} and {b} trade accusations after shelling at the border"
  };

  private static final String[] BORDER_LEDES = {
    "{a} has moved {big} troops and dozens of tanks close to its border with {b}, officials in"
        + " {b} said on {day}, in the largest build-up near the frontier since {month}.",
    "Soldiers from {a} and {b} exchanged fire across the disputed border near {town} on {day},"
        + " {official}, a {role}, said, as tensions between the two neighbours rose again.",
    "Border guards in {b} reported artillery shelling from the {a} side of the frontier near"
        + " {town} late on {day}, the second such incident at the border this {month}.",
    "{a} deployed additional forces and air defence units to its border with {b} on {day}, a"
        + " move {b}'s foreign ministry called a provocation."
  };

  private static final String[] BORDER_SENTENCES = {
    "Satellite images showed armoured vehicles gathering in the {region}, about {n} kilometres"
        + " from the border, {official} {said}.",
    "\"We are watching the situation at the border very closely,\" {official}, a {role} in {b},"
        + " told reporters on {day}.",
    "{a} denied any plan to cross the frontier and said the troops were there for exercises,"
        + " while {b} closed two border crossings near {town}.",
    "Residents of villages near the border with {a} said they had heard gunfire overnight and"
        + " that many families had left for {town}."
  };

  private static final String[] TITLES = {
    "{company} reports {adj} quarterly results as {noun} demand grows",
    "{town} council approves plan for new {noun}",
    "{person} named {role} of {company}",
    "Study finds {adj} link between {noun} and {noun2}",
    "{company} to invest {big} million in {town} {noun}",
    "Residents of {town} divided over {adj} {noun} proposal",
    "{person} wins {adj} award for work on {noun}",
    "Prices of {noun} rise {pct} in {month}"
  };

  private static final String[] SENTENCES = {
    "{person}, the {role} of {company}, {said} on {day} that the {noun} would {verb} by {month}.",
    "The {adj} {noun} in {town} has drawn {big} visitors since it opened in {month}.",
    "According to figures published on {day}, spending on {noun} rose {pct} compared with a year"
        + " earlier.",
    "\"We have seen a {adj} change in how people think about the {noun},\" {person} {said}.",
    "Critics {said} the plan to {verb} the {noun} was {adj} and came too late for {town}.",
    "{company} employs about {big} people and expects to {verb} its {noun} over the next {n}"
        + " months.",
    "Officials in the {region} {said} they would review the {noun} before the end of {month}.",
    "The council voted {n} to {n} on {day} to {verb} funding for the {adj} {noun}.",
    "Analysts expect the {noun} market to grow by {pct} this year, driven by {adj} demand.",
    "{person}, who has lived in {town} for {n} years, {said} the {noun} had changed the area.",
    "A spokesperson for {company} declined to comment on the {adj} {noun} on {day}.",
    "The report, which surveyed {big} households, found that {pct} planned to {verb} their"
        + " {noun} soon.",
    "Local businesses {said} the {adj} {noun} had brought more customers to {town}.",
    "{official}, a {role}, {said} the {noun} would be {adj} for families in the {region}.",
    "Work on the {noun} is due to begin in {month} and should take about {n} weeks.",
    "The {company} board is expected to {verb} the {noun} at its meeting next {day}.",
    "Experts warned that a {adj} {noun} could cost the {region} up to {big} jobs.",
    "In {month}, {person} {said} the {noun} was the most {adj} project of the decade.",
    "Tickets for the {adj} {noun} festival in {town} sold out within {n} hours.",
    "The {role} {said} on {day} that talks on the {noun} would resume in {month}."
  };

  private static final String[] NOUNS = {
    "library",
    "railway",
    "hospital",
    "budget",
    "festival",
    "market",
    "bridge",
    "school",
    "harbour",
    "museum",
    "pension",
    "software",
    "battery",
    "vaccine",
    "housing",
    "tram line",
    "stadium",
    "factory",
    "airport",
    "water supply",
    "bus network",
    "park",
    "tax plan",
    "wind farm",
    "data centre",
    "theatre",
    "farm",
    "bakery",
    "chip plant",
    "solar project"
  };

  private static final String[] VERBS = {
    "expand",
    "review",
    "approve",
    "delay",
    "fund",
    "rebuild",
    "sell",
    "modernise",
    "close",
    "reopen",
    "upgrade",
    "relaunch",
    "finance",
    "restructure"
  };

  private static final String[] ADJECTIVES = {
    "new", "controversial", "ambitious", "costly", "popular", "modest", "long-awaited",
    "record", "surprising", "significant", "small", "local", "regional", "national"
  };

  private static final String[] ROLES = {
    "chief executive", "mayor", "spokesperson", "finance director", "researcher",
    "council leader", "minister", "economist", "chairman", "head of operations"
  };

  private static final String[] SAID = {"said", "told reporters", "wrote", "announced", "added"};

  private static final String[] DAYS = {
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"
  };

  private static final String[] MONTHS = {
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December"
  };

  private static final String[] COMPANY_KINDS = {
    "Group", "Holdings", "Energy", "Motors", "Bank", "Systems", "Foods", "Airlines", "Labs"
  };

  private static final String[] ONSETS = {
    "b", "d", "f", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "z", "br", "dr", "kh",
    "st", "tr", "sh", "ch", "y", "gr", "pl"
  };

  private static final String[] VOWELS = {
    "a", "e", "i", "o", "u", "ia", "ya", "ei", "ou", "ar", "en"
  };

  private static final String[] SURNAME_ENDINGS = {
    "", "", "iy", "son", "enko", "ov", "ez", "i", "ski"
  };
}
