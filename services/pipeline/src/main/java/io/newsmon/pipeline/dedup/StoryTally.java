package io.newsmon.pipeline.dedup;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * How big a story is: how many copies, from how many distinct outlets ("reported by 7 outlets").
 * Immutable; {@link #add} returns the next tally.
 *
 * @param title the first article's title
 * @param copies articles in the story, the first included
 * @param outlets distinct outlets, in the order first seen
 */
public record StoryTally(String title, int copies, List<String> outlets) {

  /** Outlet names kept per story: enough for any real story, bounded for a runaway cluster. */
  static final int MAX_OUTLETS = 2000;

  private static final byte FORMAT = 1;

  public StoryTally {
    Objects.requireNonNull(title, "title");
    outlets = List.copyOf(outlets);
  }

  public static StoryTally first(String title, String outlet) {
    return new StoryTally(title, 1, List.of(outlet));
  }

  public StoryTally add(String outlet) {
    Set<String> next = new LinkedHashSet<>(outlets);
    if (next.size() < MAX_OUTLETS) {
      next.add(outlet);
    }
    return new StoryTally(title, copies + 1, new ArrayList<>(next));
  }

  /**
   * The outlet of an article: its site host without "www.", from the canonical URL or the URL; the
   * producer's source id when neither is known.
   */
  public static String outletOf(String canonicalUrl, String url, String sourceId) {
    for (String candidate : new String[] {canonicalUrl, url}) {
      if (candidate != null) {
        try {
          String host = URI.create(candidate).getHost();
          if (host != null) {
            host = host.toLowerCase(Locale.ROOT);
            return host.startsWith("www.") ? host.substring(4) : host;
          }
        } catch (IllegalArgumentException e) {
          // fall through to the next candidate
        }
      }
    }
    return sourceId;
  }

  public byte[] toBytes() {
    try {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      DataOutputStream out = new DataOutputStream(bytes);
      out.writeByte(FORMAT);
      out.writeUTF(title.length() > 2000 ? title.substring(0, 2000) : title);
      out.writeInt(copies);
      out.writeInt(outlets.size());
      for (String outlet : outlets) {
        out.writeUTF(outlet);
      }
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static StoryTally fromBytes(byte[] bytes) {
    try {
      DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes));
      byte format = in.readByte();
      if (format != FORMAT) {
        throw new IllegalArgumentException("unknown StoryTally format " + format);
      }
      String title = in.readUTF();
      int copies = in.readInt();
      int n = in.readInt();
      List<String> outlets = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        outlets.add(in.readUTF());
      }
      return new StoryTally(title, copies, outlets);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
