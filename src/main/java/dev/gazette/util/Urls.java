package dev.gazette.util;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/** Checks for URLs written into a digest: only ones an XML reader and EPUBCheck accept. */
public final class Urls {
  /**
   * Characters browsers tolerate in a URL but XML readers and EPUBCheck do not, with their escapes.
   */
  private static final String[][] ESCAPES = {
    {" ", "%20"},
    {"\"", "%22"},
    {"<", "%3C"},
    {">", "%3E"},
    {"\\", "%5C"},
    {"^", "%5E"},
    {"`", "%60"},
    {"{", "%7B"},
    {"|", "%7C"},
    {"}", "%7D"}
  };

  private Urls() {}

  /**
   * A protocol-relative address ({@code //host/path}) with https added; any other text unchanged.
   */
  public static String withScheme(String url) {
    return url.startsWith("//") ? "https:" + url : url;
  }

  /**
   * The URL, when it is http(s) or mailto, with the tolerated characters percent-encoded; empty
   * when it is another scheme or still not a valid URL.
   */
  public static Optional<String> followable(String url) {
    String lower = url.strip().toLowerCase(Locale.ROOT);
    if (!(lower.startsWith("http://")
        || lower.startsWith("https://")
        || lower.startsWith("mailto:"))) {
      return Optional.empty();
    }
    String s = url.strip();
    for (String[] e : ESCAPES) {
      s = s.replace(e[0], e[1]);
    }
    try {
      URI uri = new URI(s);
      return uri.getScheme() == null ? Optional.empty() : Optional.of(s);
    } catch (URISyntaxException e) {
      return Optional.empty();
    }
  }
}
