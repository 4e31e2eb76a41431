package dev.gazette.source;

import java.math.BigInteger;
import java.util.Comparator;
import java.util.Locale;

/**
 * Compares relative paths the way people number files: folder by folder, digit runs by value
 * ({@code issue-2} before {@code issue-10}, {@code 02-setup/} before {@code 10-end.md}), the
 * extension only as a last resort. Ties fall back to plain string order so the order is total.
 */
public final class NaturalOrder implements Comparator<String> {
  public static final NaturalOrder PATHS = new NaturalOrder();

  private NaturalOrder() {}

  @Override
  public int compare(String a, String b) {
    String[] as = a.split("/");
    String[] bs = b.split("/");
    for (int i = 0; i < Math.min(as.length, bs.length); i++) {
      boolean aIsFile = i == as.length - 1;
      boolean bIsFile = i == bs.length - 1;
      int c = compareNames(aIsFile ? stem(as[i]) : as[i], bIsFile ? stem(bs[i]) : bs[i]);
      if (c != 0) {
        return c;
      }
    }
    int c = Integer.compare(as.length, bs.length);
    return c != 0 ? c : a.compareTo(b);
  }

  private static String stem(String fileName) {
    int dot = fileName.lastIndexOf('.');
    return dot > 0 ? fileName.substring(0, dot) : fileName;
  }

  static int compareNames(String a, String b) {
    int i = 0;
    int j = 0;
    while (i < a.length() && j < b.length()) {
      boolean ad = isDigit(a.charAt(i));
      boolean bd = isDigit(b.charAt(j));
      int ie = runEnd(a, i, ad);
      int je = runEnd(b, j, bd);
      int c;
      if (ad && bd) {
        c = new BigInteger(a.substring(i, ie)).compareTo(new BigInteger(b.substring(j, je)));
      } else {
        c =
            a.substring(i, ie)
                .toLowerCase(Locale.ROOT)
                .compareTo(b.substring(j, je).toLowerCase(Locale.ROOT));
      }
      if (c != 0) {
        return c;
      }
      i = ie;
      j = je;
    }
    return Integer.compare(a.length() - i, b.length() - j);
  }

  private static int runEnd(String s, int from, boolean digits) {
    int k = from;
    while (k < s.length() && isDigit(s.charAt(k)) == digits) {
      k++;
    }
    return k;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }
}
