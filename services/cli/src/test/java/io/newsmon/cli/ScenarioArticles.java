package io.newsmon.cli;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Generated articles for the fault scenarios: distinct stories (most about troops at a border
 * between two neighbouring countries, so they are flagged {@code border-tensions}; the rest about
 * nothing the starter catalog watches), and near-copies of some of them under another outlet's
 * byline. Every slot of every sentence is filled with made-up names and numbers, so two stories
 * share few word triples and deduplication never merges them; a copy differs from its original by
 * one line only. Seeded: the same arguments give the same articles.
 */
final class ScenarioArticles {

  /** One article to publish: its text file contents and which story it tells. */
  record Article(String label, int story, boolean copy, boolean border, String text) {
    byte[] bytes() {
      return text.getBytes(StandardCharsets.UTF_8);
    }
  }

  /** Land neighbours in the shipped gazetteer. */
  private static final String[][] NEIGHBOURS = {
    {"Russia", "Ukraine"},
    {"India", "Pakistan"},
    {"China", "India"},
    {"Armenia", "Azerbaijan"},
    {"Ethiopia", "Eritrea"},
    {"Venezuela", "Colombia"},
    {"Thailand", "Cambodia"},
    {"Israel", "Lebanon"},
    {"Afghanistan", "Pakistan"},
    {"Poland", "Belarus"},
    {"Kenya", "Somalia"},
    {"Peru", "Ecuador"},
    {"Sudan", "Chad"},
    {"Serbia", "Croatia"},
  };

  private static final String[] BORDER_TITLES = {
    "Troops massed near the border with %B% as %A% moves %N% units to %T%",
    "%A% deploys %N% soldiers to the frontier with %B% near %T%",
    "Border clash near %T%: %A% and %B% trade fire, %N% reported hurt",
    "%B% says %A% artillery shelled border posts outside %T%",
  };

  private static final String[] BORDER_SENTENCES = {
    "Officials in %A% said %N% troops had been moved to the border with %B% near %T% on %D%.",
    "Satellite images reviewed by analyst %P% show %N% armoured vehicles parked %K% kilometres"
        + " from the border at %T%.",
    "The defence ministry of %B% accused %A% of a provocation at the frontier crossing of %T%"
        + " and summoned envoy %P%.",
    "Residents of %T% described hearing gunfire along the border late on %D%, said local mayor"
        + " %P%.",
    "Commander %P% told reporters that brigade %N% would stay deployed at the border until"
        + " %B% withdrew its units from %T%.",
    "A border guard from %A% was wounded near %T%, the %K% such incident reported this year,"
        + " according to spokesperson %P%.",
    "Talks between %A% and %B% about the disputed border section near %T% broke down after"
        + " %N% minutes, mediator %P% said.",
    "Columns of tanks were seen moving toward the border crossing at %T%, %K% witnesses told"
        + " correspondent %P%.",
    "The army of %A% announced exercises involving %N% soldiers %K% kilometres from the border"
        + " with %B%, near %T%.",
    "Farmers around %T% were told to leave fields within %K% kilometres of the border by %D%,"
        + " district chief %P% said.",
  };

  private static final String[] CALM_TITLES = {
    "%T% library opens %N% new reading rooms",
    "Gardeners in %T% harvest a record %N% kilograms of pumpkins",
    "%T% orchestra premieres a symphony by composer %P%",
  };

  private static final String[] CALM_SENTENCES = {
    "The library in %T% now lends %N% books a week, librarian %P% said on %D%.",
    "Volunteers planted %K% apple trees along the river in %T% under the direction of %P%.",
    "Composer %P% wrote the %N% bar piece over %K% winters in a cottage outside %T%.",
    "The bakery of %P% in %T% sold %N% loaves during the autumn fair on %D%.",
    "Schoolchildren from %T% painted %K% murals for the station, teacher %P% explained.",
    "A choir of %N% singers from %T% rehearsed every %D% evening, conductor %P% said.",
    "The cycling club of %T% counted %K% new members, secretary %P% wrote in the newsletter.",
  };

  private static final String[] OUTLETS = {
    "Northern Ledger", "Evening Courier", "Daily Almanac", "Harbour Gazette", "Morning Wire",
  };

  private static final String[] DAYS = {
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
  };

  private static final String[] SYLLABLES = {
    "ka", "lor", "mi", "ven", "sto", "rah", "bel", "qui", "dan", "zor", "tel", "mar", "osk", "pra",
    "liv", "nev", "gar", "hul", "jen", "wex", "yar", "tib", "fro", "cul",
  };

  private ScenarioArticles() {}

  /**
   * {@code stories} distinct stories, {@code borderShare} of them about a border, followed (a few
   * articles later) by near-copies of every {@code copyEvery}-th story: the order to publish in.
   */
  static List<Article> generate(long seed, int stories, double borderShare, int copyEvery) {
    Random random = new Random(seed);
    List<Article> originals = new ArrayList<>();
    for (int story = 0; story < stories; story++) {
      boolean border = random.nextDouble() < borderShare;
      originals.add(story(random, story, border));
    }
    List<Article> out = new ArrayList<>();
    List<Article> copiesDue = new ArrayList<>();
    for (Article original : originals) {
      out.add(original);
      if (original.story() % copyEvery == 0) {
        copiesDue.add(copyOf(original, random));
      }
      // A copy follows its original a few articles later, as a syndicated story would.
      if (copiesDue.size() > 3) {
        out.add(copiesDue.remove(0));
      }
    }
    out.addAll(copiesDue);
    return Collections.unmodifiableList(out);
  }

  private static Article story(Random random, int story, boolean border) {
    String[] pair = NEIGHBOURS[random.nextInt(NEIGHBOURS.length)];
    boolean swap = random.nextBoolean();
    String a = swap ? pair[1] : pair[0];
    String b = swap ? pair[0] : pair[1];
    String[] titles = border ? BORDER_TITLES : CALM_TITLES;
    String[] pool = border ? BORDER_SENTENCES : CALM_SENTENCES;
    StringBuilder text = new StringBuilder();
    text.append(fill(titles[random.nextInt(titles.length)], random, a, b)).append("\n\n");
    List<String> sentences = new ArrayList<>(List.of(pool));
    Collections.shuffle(sentences, random);
    int count = 5 + random.nextInt(2);
    for (int i = 0; i < count; i++) {
      text.append(fill(sentences.get(i % sentences.size()), random, a, b));
      text.append(i % 2 == 1 ? "\n\n" : " ");
    }
    text.append("\n\nStory ").append(story).append(" of the scenario feed.\n");
    return new Article("story-" + story, story, false, border, text.toString());
  }

  private static Article copyOf(Article original, Random random) {
    String outlet = OUTLETS[random.nextInt(OUTLETS.length)];
    int split = original.text().indexOf("\n\n");
    String text =
        original.text().substring(0, split)
            + "\n\nBy a correspondent of the "
            + outlet
            + "."
            + original.text().substring(split);
    return new Article(
        "story-" + original.story() + "-copy", original.story(), true, original.border(), text);
  }

  private static String fill(String template, Random random, String a, String b) {
    return template
        .replace("%A%", a)
        .replace("%B%", b)
        .replace("%T%", capitalised(name(random, 2 + random.nextInt(2))))
        .replace("%P%", capitalised(name(random, 2)) + " " + capitalised(name(random, 3)))
        .replace("%N%", Integer.toString(100 + random.nextInt(9900)))
        .replace("%K%", Integer.toString(2 + random.nextInt(97)))
        .replace("%D%", DAYS[random.nextInt(DAYS.length)]);
  }

  private static String name(Random random, int syllables) {
    StringBuilder name = new StringBuilder();
    for (int i = 0; i < syllables; i++) {
      name.append(SYLLABLES[random.nextInt(SYLLABLES.length)]);
    }
    return name.toString();
  }

  private static String capitalised(String word) {
    return Character.toUpperCase(word.charAt(0)) + word.substring(1);
  }
}
