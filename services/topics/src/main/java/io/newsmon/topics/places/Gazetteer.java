package io.newsmon.topics.places;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Finds the countries and major cities a text mentions, from the gazetteer newsmon ships ({@code
 * newsmon/places/places.tsv}, built by {@code deploy/gazetteer} from world-countries and GeoNames).
 *
 * <p>Names are matched as whole token sequences, case-sensitively (place names are proper nouns:
 * "Turkey" the country, not "turkey" the bird), longest name first ("South Korea" before "Korea").
 * Immutable and thread-safe.
 */
public final class Gazetteer {

  public static final String RESOURCE = "newsmon/places/places.tsv";

  private static volatile Gazetteer shipped;

  /** Names by their first token; each list longest name first. */
  private final Map<String, List<Entry>> byFirstToken;

  private final Map<String, Set<String>> neighbours;
  private final Map<String, String> countryByName; // lower-cased country name -> code
  private final Set<String> countryCodes;

  private record Entry(String[] tokens, Place place) {}

  private Gazetteer(List<Place> places, Map<String, Set<String>> neighbours) {
    Map<String, List<Entry>> index = new HashMap<>();
    Map<String, String> names = new HashMap<>();
    Set<String> codes = new TreeSet<>();
    for (Place place : places) {
      List<String> tokens = tokens(place.name());
      if (tokens.isEmpty()) {
        continue;
      }
      index
          .computeIfAbsent(tokens.get(0), t -> new ArrayList<>())
          .add(new Entry(tokens.toArray(String[]::new), place));
      if (place.kind() == Place.Kind.COUNTRY) {
        names.put(place.name().toLowerCase(Locale.ROOT), place.country());
        codes.add(place.country());
      }
    }
    index.values().forEach(l -> l.sort((a, b) -> b.tokens.length - a.tokens.length));
    this.byFirstToken = index;
    this.neighbours = neighbours;
    this.countryByName = names;
    this.countryCodes = Collections.unmodifiableSet(codes);
  }

  /** The gazetteer shipped in the jar, loaded once. */
  public static Gazetteer shipped() {
    Gazetteer g = shipped;
    if (g == null) {
      synchronized (Gazetteer.class) {
        g = shipped;
        if (g == null) {
          try (InputStream in = Gazetteer.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
              throw new IllegalStateException("gazetteer missing from the classpath: " + RESOURCE);
            }
            g = read(in);
          } catch (IOException e) {
            throw new UncheckedIOException("cannot read the gazetteer", e);
          }
          shipped = g;
        }
      }
    }
    return g;
  }

  /** Reads the tab-separated form: kind, country, name, population, neighbours. */
  public static Gazetteer read(InputStream in) throws IOException {
    List<Place> places = new ArrayList<>();
    Map<String, Set<String>> neighbours = new HashMap<>();
    try (BufferedReader lines =
        new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      while ((line = lines.readLine()) != null) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] f = line.split("\t", -1);
        if (f.length < 5) {
          throw new IOException("gazetteer line has " + f.length + " fields, not 5: " + line);
        }
        Place.Kind kind = Place.Kind.valueOf(f[0].toUpperCase(Locale.ROOT));
        places.add(new Place(kind, f[1], f[2]));
        if (kind == Place.Kind.COUNTRY && !f[4].isEmpty()) {
          neighbours.computeIfAbsent(f[1], c -> new HashSet<>()).addAll(List.of(f[4].split(",")));
        }
      }
    }
    return new Gazetteer(places, neighbours);
  }

  /** Every ISO code the gazetteer knows a country for. */
  public Set<String> countryCodes() {
    return countryCodes;
  }

  /**
   * The ISO code for a country given by code ("ru", "RU") or by one of its names or demonyms
   * ("Russia", "russian"), if known.
   */
  public Optional<String> country(String codeOrName) {
    String upper = codeOrName.toUpperCase(Locale.ROOT);
    if (countryCodes.contains(upper)) {
      return Optional.of(upper);
    }
    return Optional.ofNullable(countryByName.get(codeOrName.toLowerCase(Locale.ROOT)));
  }

  /** Whether two countries share a land border. */
  public boolean neighbours(String a, String b) {
    return neighbours.getOrDefault(a, Set.of()).contains(b);
  }

  /** The places {@code text} mentions. */
  public PlaceMentions find(String text) {
    Words words = new Words(text);
    Map<String, int[]> countryCounts = new LinkedHashMap<>(); // code -> {count}
    Map<Place, Boolean> found = new LinkedHashMap<>();
    for (int i = 0; i < words.size(); ) {
      // Names start with a capital: most words are never looked up, nor even copied.
      Entry match = null;
      List<Entry> candidates =
          Character.isUpperCase(text.charAt(words.start(i)))
              ? byFirstToken.get(words.get(i))
              : null;
      if (candidates != null) {
        for (Entry e : candidates) {
          if (matchesAt(words, i, e.tokens)) {
            match = e;
            break;
          }
        }
      }
      if (match == null) {
        i++;
        continue;
      }
      found.putIfAbsent(match.place, Boolean.TRUE);
      countryCounts.computeIfAbsent(match.place.country(), c -> new int[1])[0]++;
      i += match.tokens.length;
    }
    if (found.isEmpty()) {
      return PlaceMentions.NONE;
    }
    List<String> countries = new ArrayList<>(countryCounts.keySet());
    // Stable sort: most mentioned first, ties in order of first mention.
    countries.sort((a, b) -> countryCounts.get(b)[0] - countryCounts.get(a)[0]);
    Set<String> pairs = new TreeSet<>();
    for (int a = 0; a < countries.size(); a++) {
      for (int b = a + 1; b < countries.size(); b++) {
        String x = countries.get(a);
        String y = countries.get(b);
        if (neighbours(x, y)) {
          pairs.add(x.compareTo(y) < 0 ? x + "-" + y : y + "-" + x);
        }
      }
    }
    return new PlaceMentions(countries, new ArrayList<>(found.keySet()), pairs);
  }

  private static boolean matchesAt(Words words, int at, String[] name) {
    if (at + name.length > words.size()) {
      return false;
    }
    for (int k = 0; k < name.length; k++) {
      if (!words.get(at + k).equals(name[k])) {
        return false;
      }
    }
    return true;
  }

  /** The words of a text as offsets; each word becomes a string only when it is compared. */
  private static final class Words {
    private final String text;
    private int[] starts = new int[256];
    private int[] ends = new int[256];
    private String[] cache = new String[256];
    private int size;

    Words(String text) {
      this.text = text;
      int n = text.length();
      int i = 0;
      while (i < n) {
        while (i < n && !Character.isLetterOrDigit(text.charAt(i))) {
          i++;
        }
        if (i >= n) {
          break;
        }
        int from = i;
        i = wordEnd(text, i);
        add(from, i);
      }
    }

    private void add(int from, int to) {
      if (size == starts.length) {
        starts = java.util.Arrays.copyOf(starts, size * 2);
        ends = java.util.Arrays.copyOf(ends, size * 2);
        cache = java.util.Arrays.copyOf(cache, size * 2);
      }
      starts[size] = from;
      ends[size] = to;
      size++;
    }

    int size() {
      return size;
    }

    int start(int i) {
      return starts[i];
    }

    String get(int i) {
      String word = cache[i];
      if (word == null) {
        word = normalized(text.substring(starts[i], ends[i]));
        cache[i] = word;
      }
      return word;
    }
  }

  /**
   * Words as the gazetteer compares them: runs of letters and digits, keeping inner apostrophes,
   * hyphens and periods ("Côte d'Ivoire", "Rostov-na-Donu") and the final period of an abbreviation
   * ("U.S."); typographic apostrophes read as ASCII ones.
   */
  static List<String> tokens(String text) {
    Words words = new Words(text);
    List<String> tokens = new ArrayList<>(words.size());
    for (int i = 0; i < words.size(); i++) {
      tokens.add(words.get(i));
    }
    return tokens;
  }

  /**
   * Where the word starting at {@code i} ends: letters, digits, inner ' ’ - . and a final "." after
   * an abbreviation.
   */
  private static int wordEnd(String text, int i) {
    int n = text.length();
    boolean abbreviation = false;
    while (i < n) {
      char c = text.charAt(i);
      if (Character.isLetterOrDigit(c) || Character.getType(c) == Character.NON_SPACING_MARK) {
        i++;
      } else if ((c == '\'' || c == '\u2019' || c == '-' || c == '.')
          && i + 1 < n
          && Character.isLetterOrDigit(text.charAt(i + 1))) {
        abbreviation |= c == '.';
        i++;
      } else {
        break;
      }
    }
    if (abbreviation && i < n && text.charAt(i) == '.') {
      i++;
    }
    return i;
  }

  /** Typographic apostrophes read as ASCII ones; a possessive "'s" dropped ("Russia's"). */
  private static String normalized(String word) {
    String w = word.indexOf('\u2019') >= 0 ? word.replace('\u2019', '\'') : word;
    int length = w.length();
    return length > 2 && w.charAt(length - 2) == '\'' && w.charAt(length - 1) == 's'
        ? w.substring(0, length - 2)
        : w;
  }
}
