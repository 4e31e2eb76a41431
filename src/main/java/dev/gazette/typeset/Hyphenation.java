package dev.gazette.typeset;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Liang's hyphenation (TeX's algorithm) with the hyph-utf8 patterns of a language, for the PDF's
 * {@code hyphens: auto} text. It inserts soft hyphens (U+00AD) where a word may break; the layout
 * engine draws a hyphen only where it does break a line.
 *
 * <p>Only plain words are touched: a word with a digit, a capital after its first letter
 * ("JavaScript", "NASA"), or glued to {@code / @ _ = & ?} or a dot before a letter (a URL, a file
 * or e-mail name, an identifier) is left whole, as are words that already carry a soft hyphen, so
 * hyphenating twice changes nothing. Patterns ship as resources ({@code
 * hyphenation/hyph-<lang>.pat.txt}, each with its licence beside it).
 */
public final class Hyphenation {
  public static final char SOFT_HYPHEN = '\u00AD';

  /** A run of non-space text: the unit judged as a whole (URL, identifier, word with digits). */
  private static final Pattern CHUNK = Pattern.compile("[^\\s\\u00A0]+");

  /** A word inside a chunk: letters, possibly joined by apostrophes. */
  private static final Pattern WORD = Pattern.compile("\\p{L}+(?:['’]\\p{L}+)*");

  private static final Pattern TECHNICAL = Pattern.compile("[/@_=&?#\\\\~]|\\.\\p{L}|\\p{N}");

  private static final Map<String, Optional<Hyphenation>> LOADED = new HashMap<>();

  private final Map<String, byte[]> patterns = new HashMap<>();
  private final Map<String, String> exceptions = new HashMap<>();
  private final int maxPattern;
  private final int leftMin;
  private final int rightMin;

  Hyphenation(String patternText, String exceptionText, int leftMin, int rightMin) {
    int max = 0;
    for (String line : patternText.split("\\s+")) {
      if (line.isEmpty()) {
        continue;
      }
      StringBuilder letters = new StringBuilder();
      byte[] values = new byte[line.length() + 1];
      int n = 0;
      for (int i = 0; i < line.length(); i++) {
        char ch = line.charAt(i);
        if (ch >= '0' && ch <= '9') {
          values[n] = (byte) (ch - '0');
        } else {
          letters.append(ch);
          n++;
        }
      }
      byte[] trimmed = new byte[n + 1];
      System.arraycopy(values, 0, trimmed, 0, n + 1);
      patterns.put(letters.toString(), trimmed);
      max = Math.max(max, n);
    }
    for (String line : exceptionText.split("\\s+")) {
      if (!line.isEmpty()) {
        exceptions.put(line.replace("-", ""), line);
      }
    }
    this.maxPattern = max;
    this.leftMin = leftMin;
    this.rightMin = rightMin;
  }

  /**
   * The hyphenation for a BCP 47 language tag ({@code en}, {@code en-US}, ...), if patterns for it
   * ship.
   */
  public static synchronized Optional<Hyphenation> forLanguage(String lang) {
    String key = resourceName(lang);
    return LOADED.computeIfAbsent(key, Hyphenation::load);
  }

  private static String resourceName(String lang) {
    String l = lang == null ? "" : lang.toLowerCase(Locale.ROOT);
    // American patterns for any English: the detected language says "en", not which spelling.
    if (l.equals("en") || l.startsWith("en-")) {
      return "en-us";
    }
    return l;
  }

  private static Optional<Hyphenation> load(String name) {
    String patterns = resource("hyph-" + name + ".pat.txt");
    if (patterns == null) {
      return Optional.empty();
    }
    String exceptions = resource("hyph-" + name + ".hyp.txt");
    // hyph-en-us asks for at least 2 letters before and 3 after a break; the rest of Latin-script
    // patterns for 2 and 2.
    int right = name.startsWith("en") ? 3 : 2;
    return Optional.of(new Hyphenation(patterns, exceptions == null ? "" : exceptions, 2, right));
  }

  private static String resource(String file) {
    try (InputStream in = Hyphenation.class.getResourceAsStream("hyphenation/" + file)) {
      return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code text} with soft hyphens at the break points of its plain words. */
  public String hyphenateText(String text) {
    Matcher chunk = CHUNK.matcher(text);
    StringBuilder out = null;
    int copied = 0;
    while (chunk.find()) {
      String c = chunk.group();
      if (c.length() < leftMin + rightMin
          || c.indexOf(SOFT_HYPHEN) >= 0
          || TECHNICAL.matcher(c).find()) {
        continue;
      }
      Matcher word = WORD.matcher(c);
      while (word.find()) {
        String w = word.group();
        String h = hyphenate(w);
        if (h.length() != w.length()) {
          if (out == null) {
            out = new StringBuilder(text.length() + 16);
          }
          out.append(text, copied, chunk.start() + word.start()).append(h);
          copied = chunk.start() + word.end();
        }
      }
    }
    if (out == null) {
      return text;
    }
    return out.append(text, copied, text.length()).toString();
  }

  /** One word with soft hyphens at its break points; the word itself when it has none. */
  public String hyphenate(String word) {
    int n = word.length();
    if (n < leftMin + rightMin || !isPlainWord(word)) {
      return word;
    }
    String lower = word.toLowerCase(Locale.ROOT);
    if (lower.length() != n) {
      return word;
    }
    String exception = exceptions.get(lower);
    if (exception != null) {
      return withBreaks(word, exception);
    }
    String dotted = "." + lower + ".";
    byte[] values = new byte[dotted.length() + 1];
    for (int i = 0; i < dotted.length(); i++) {
      for (int j = i + 1; j <= Math.min(dotted.length(), i + maxPattern); j++) {
        byte[] v = patterns.get(dotted.substring(i, j));
        if (v != null) {
          for (int k = 0; k < v.length; k++) {
            values[i + k] = (byte) Math.max(values[i + k], v[k]);
          }
        }
      }
    }
    StringBuilder sb = new StringBuilder(n + 4);
    for (int i = 0; i < n; i++) {
      // values[i + 1] sits between dotted[i] and dotted[i + 1], i.e. before word[i].
      if (i >= leftMin && i <= n - rightMin && values[i + 1] % 2 == 1) {
        sb.append(SOFT_HYPHEN);
      }
      sb.append(word.charAt(i));
    }
    return sb.toString();
  }

  /** A word of letters (apostrophes allowed) with no capital after its first letter. */
  private static boolean isPlainWord(String word) {
    for (int i = 0; i < word.length(); i++) {
      char ch = word.charAt(i);
      if (ch == '\'' || ch == '’') {
        continue;
      }
      if (!Character.isLetter(ch) || (i > 0 && Character.isUpperCase(ch))) {
        return false;
      }
    }
    return true;
  }

  private String withBreaks(String word, String pattern) {
    StringBuilder sb = new StringBuilder(word.length() + 4);
    int w = 0;
    for (int i = 0; i < pattern.length(); i++) {
      if (pattern.charAt(i) == '-') {
        sb.append(SOFT_HYPHEN);
      } else {
        sb.append(word.charAt(w++));
      }
    }
    return sb.toString();
  }
}
