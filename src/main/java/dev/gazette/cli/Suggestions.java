package dev.gazette.cli;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The known names closest to a mistyped one, by edit distance with swapped neighbours counting as
 * one edit: {@code biuld} is one edit from {@code build}, {@code --yaer} one from {@code --year}.
 * Picocli's own suggestions match by shared prefix and miss such typos.
 */
final class Suggestions {
  private Suggestions() {}

  /**
   * The names at most a third of the typed length away (at least one edit, at most three), closest
   * first, ties in the given order.
   */
  static List<String> closest(String typed, Iterable<String> names) {
    String t = typed.toLowerCase(Locale.ROOT);
    int limit = Math.max(1, Math.min(3, strip(t).length() / 3));
    List<String> found = new ArrayList<>();
    List<Integer> distances = new ArrayList<>();
    for (String name : names) {
      int d = distance(t, name.toLowerCase(Locale.ROOT));
      if (d <= limit && !found.contains(name)) {
        found.add(name);
        distances.add(d);
      }
    }
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < found.size(); i++) {
      order.add(i);
    }
    order.sort(Comparator.comparingInt(distances::get));
    return order.stream().map(found::get).toList();
  }

  private static String strip(String option) {
    return option.replaceFirst("^-+", "");
  }

  /** Optimal string alignment distance: insertions, deletions, substitutions, adjacent swaps. */
  static int distance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1
            && j > 1
            && a.charAt(i - 1) == b.charAt(j - 2)
            && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }
}
