package dev.gazette.render.pdf;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.contentstream.operator.OperatorName;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdfparser.PDFStreamParser;
import org.apache.pdfbox.pdfwriter.ContentStreamWriter;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDStream;

/**
 * Removes the artifact sequences that mark nothing ({@code /Artifact /Prop7 BDC EMC}) and the
 * property lists only they used.
 *
 * <p>In tagged mode the layout engine opens an artifact, with a property list of its own (an
 * indirect object naming the box: {@code /Type /Background /BBox […]}), for the background and
 * borders of every box it paints, also when the box has neither (OpenHTMLtoPDF 1.1.65: {@code
 * Box.hasNonTextContent} asks whether {@code background-image} is the identifier {@code none}, but
 * that property is always a list, so every box "has" a background). On a 142-post Chinese archive
 * (834 pages) that was 120,015 property lists, almost all around nothing: 2 MB of a 7 MB file. An
 * empty artifact hides nothing from a screen reader, so leaving it out changes no reading.
 *
 * <p>The page's bytes are scanned, not parsed into objects and written out again: every text and
 * number of every page would otherwise become an object (at 1,000 posts that was a sixth of the CPU
 * of a tagged PDF). What is kept is copied byte for byte; only a page with an inline image (no page
 * of ours has one) takes the slower way through PDFBox's parser.
 *
 * <p>Gazette's own renders draw through {@link BackgroundArtifacts}, which never writes such a
 * sequence and drops its unused names when a page is closed; those pages are not read here at all.
 * What is left to read is a page changed after it was closed, or drawn some other way.
 */
final class EmptyArtifacts {
  private EmptyArtifacts() {}

  /**
   * Removes the empty artifacts of every page; returns how many went.
   *
   * @param clean the pages that need no reading ({@link BackgroundArtifacts}), or null
   */
  static int remove(PDDocument pdf, Clean clean) throws IOException {
    int removed = 0;
    Map<COSDictionary, Set<COSName>> used = new IdentityHashMap<>();
    for (PDPage page : pdf.getPages()) {
      COSDictionary properties = properties(page);
      Set<COSName> names;
      if (clean != null && clean.clean(page)) {
        names = properties == null ? Set.of() : properties.keySet(); // what it uses, no more
      } else {
        Trim trim = trim(pdf, page);
        removed += trim.removed();
        names = trim.names();
      }
      if (properties != null) {
        used.computeIfAbsent(properties, p -> new HashSet<>()).addAll(names);
      }
    }
    // Property lists no page uses any more are left out of the file (resources may be shared).
    for (Map.Entry<COSDictionary, Set<COSName>> e : used.entrySet()) {
      prune(e.getKey(), e.getValue());
    }
    return removed;
  }

  private static void prune(COSDictionary properties, Set<COSName> used) {
    for (COSName name : new ArrayList<>(properties.keySet())) {
      if (!used.contains(name)) {
        properties.removeItem(name);
      }
    }
  }

  /** What trimming one page did: how many artifacts went, which property lists it still names. */
  private record Trim(int removed, Set<COSName> names) {}

  private static Trim trim(PDDocument pdf, PDPage page) throws IOException {
    Scan scan;
    try (InputStream in = page.getContents()) {
      scan = Scan.of(in.readAllBytes());
    }
    if (scan != null) {
      if (scan.removed > 0) {
        PDStream stream = new PDStream(pdf);
        try (OutputStream os = stream.createOutputStream(COSName.FLATE_DECODE)) {
          os.write(scan.out, 0, scan.size);
        }
        page.setContents(stream);
      }
      return new Trim(scan.removed, scan.propertyNames);
    }
    List<Object> tokens = new PDFStreamParser(page).parse();
    List<Object> out = new ArrayList<>(tokens.size());
    int gone = removeByTokens(tokens, out);
    if (gone > 0) {
      PDStream stream = new PDStream(pdf);
      try (OutputStream os = stream.createOutputStream(COSName.FLATE_DECODE)) {
        new ContentStreamWriter(os).writeTokens(out);
      }
      page.setContents(stream);
    }
    return new Trim(gone, propertyNames(out));
  }

  /** Pages known to hold no empty artifact and to name every property list they keep. */
  interface Clean {
    boolean clean(PDPage page);
  }

  /**
   * One pass over a content stream's bytes: what is kept, the property lists it names, how many
   * empty artifacts went. Tokens are told apart as the PDF syntax does (strings, hex strings,
   * names, comments, arrays and dictionaries as operands), so bytes inside a string never count as
   * an operator.
   */
  static final class Scan {
    byte[] out;
    int size;
    int removed;
    final Set<COSName> propertyNames = new HashSet<>();

    /** Property lists named so far, with where their operator was written (undone on removal). */
    private final List<Object[]> named = new ArrayList<>();

    /** Open marked-content sequences: {start, end, artifact ? 1 : 0} in {@link #out}. */
    private int[] open = new int[48];

    private int depth;

    private Scan(int capacity) {
      out = new byte[Math.max(16, capacity)];
    }

    /** The scan of {@code in}, or null if the stream has an inline image (its data is binary). */
    static Scan of(byte[] in) {
      Scan s = new Scan(in.length);
      if (!s.run(in)) {
        return null;
      }
      for (Object[] n : s.named) {
        s.propertyNames.add(COSName.getPDFName((String) n[1]));
      }
      return s;
    }

    private boolean run(byte[] in) {
      int n = in.length;
      int i = 0;
      int operandsStart = 0; // where, in out, the current operator's operands begin
      int nesting = 0; // arrays and dictionaries open
      int operands = 0; // operands at the top level since the last operator
      String first = null; // the first operand, if a name
      String second = null; // the second operand, if a name
      while (true) {
        int tokenStart = i;
        // Whitespace and comments go with the token that follows them.
        while (i < n) {
          byte b = in[i];
          if (isWhite(b)) {
            i++;
          } else if (b == '%') {
            while (i < n && in[i] != '\n' && in[i] != '\r') {
              i++;
            }
          } else {
            break;
          }
        }
        if (i >= n) {
          append(in, tokenStart, n);
          return true;
        }
        byte b = in[i];
        int start = i;
        int levelBefore = nesting;
        boolean operand = true;
        String name = null;
        if (b == '(') {
          i = endOfString(in, i);
        } else if (b == '<' && i + 1 < n && in[i + 1] == '<') {
          i += 2;
          nesting++;
        } else if (b == '>' && i + 1 < n && in[i + 1] == '>') {
          i += 2;
          nesting--;
        } else if (b == '<') {
          while (i < n && in[i] != '>') {
            i++;
          }
          i = Math.min(n, i + 1);
        } else if (b == '[' || b == '{') {
          i++;
          nesting++;
        } else if (b == ']' || b == '}') {
          i++;
          nesting--;
        } else if (b == '/') {
          i++;
          while (i < n && isRegular(in[i])) {
            i++;
          }
          if (levelBefore == 0 && operands < 2) {
            name = name(in, start + 1, i); // only the first two operands are ever looked at
          }
        } else {
          while (i < n && isRegular(in[i])) {
            i++;
          }
          if (i == start) {
            i++; // a stray delimiter (')' or '>'): copied as it is
          } else {
            operand = isOperandWord(in, start, i);
          }
        }
        if (nesting < 0) {
          return false; // not a content stream we understand
        }
        if (operand) {
          append(in, tokenStart, i);
          if (levelBefore == 0) {
            // An operand begins (a composite one at its opening bracket).
            if (operands == 0) {
              first = name;
            } else if (operands == 1) {
              second = name;
            }
            operands++;
          }
          continue;
        }
        if (nesting != 0) {
          return false; // an operator inside an array or dictionary
        }
        int length = i - start;
        if (length == 2 && in[start] == 'B' && in[start + 1] == 'I') {
          return false; // an inline image: binary data follows
        }
        boolean emc =
            length == 3 && in[start] == 'E' && in[start + 1] == 'M' && in[start + 2] == 'C';
        if (emc && depth > 0) {
          depth--;
          int openStart = open[3 * depth];
          int openEnd = open[3 * depth + 1];
          if (open[3 * depth + 2] == 1 && size == openEnd) {
            size = openStart; // the artifact marked nothing: it goes, and so does this EMC
            while (!named.isEmpty() && (int) named.get(named.size() - 1)[0] >= openStart) {
              named.remove(named.size() - 1);
            }
            removed++;
            operandsStart = size;
            operands = 0;
            first = null;
            second = null;
            continue;
          }
        }
        append(in, tokenStart, i);
        boolean bdc =
            length == 3 && in[start] == 'B' && in[start + 1] == 'D' && in[start + 2] == 'C';
        boolean bmc =
            length == 3 && in[start] == 'B' && in[start + 1] == 'M' && in[start + 2] == 'C';
        boolean dp = length == 2 && in[start] == 'D' && in[start + 1] == 'P';
        if ((bdc || dp) && operands == 2 && second != null) {
          named.add(new Object[] {operandsStart, second});
        }
        if (bdc || bmc) {
          if (3 * depth + 3 > open.length) {
            open = Arrays.copyOf(open, open.length * 2);
          }
          boolean artifact = "Artifact".equals(first) && operands == (bdc ? 2 : 1);
          open[3 * depth] = operandsStart;
          open[3 * depth + 1] = size;
          open[3 * depth + 2] = artifact ? 1 : 0;
          depth++;
        }
        operandsStart = size;
        operands = 0;
        first = null;
        second = null;
      }
    }

    private void append(byte[] in, int from, int to) {
      int length = to - from;
      if (size + length > out.length) {
        out = Arrays.copyOf(out, Math.max(out.length * 2, size + length));
      }
      System.arraycopy(in, from, out, size, length);
      size += length;
    }

    /** A name's text, its {@code #xx} escapes decoded. */
    private static String name(byte[] in, int from, int to) {
      StringBuilder sb = new StringBuilder(to - from);
      for (int k = from; k < to; k++) {
        if (in[k] == '#' && k + 2 < to) {
          int hi = Character.digit(in[k + 1], 16);
          int lo = Character.digit(in[k + 2], 16);
          if (hi >= 0 && lo >= 0) {
            sb.append((char) (hi * 16 + lo));
            k += 2;
            continue;
          }
        }
        sb.append((char) (in[k] & 0xFF));
      }
      return sb.toString();
    }

    /** Numbers and the keywords true, false and null are operands; any other word an operator. */
    private static boolean isOperandWord(byte[] in, int start, int end) {
      byte b = in[start];
      if ((b >= '0' && b <= '9') || b == '+' || b == '-' || b == '.') {
        return true;
      }
      return is(in, start, end, TRUE) || is(in, start, end, FALSE) || is(in, start, end, NULL);
    }

    private static final byte[] TRUE = {'t', 'r', 'u', 'e'};
    private static final byte[] FALSE = {'f', 'a', 'l', 's', 'e'};
    private static final byte[] NULL = {'n', 'u', 'l', 'l'};

    private static boolean is(byte[] in, int start, int end, byte[] word) {
      return Arrays.equals(in, start, end, word, 0, word.length);
    }

    /** The index after the literal string starting at {@code i}: nested parentheses, escapes. */
    private static int endOfString(byte[] in, int i) {
      int level = 0;
      int n = in.length;
      while (i < n) {
        byte b = in[i++];
        if (b == '\\') {
          i++;
        } else if (b == '(') {
          level++;
        } else if (b == ')' && --level == 0) {
          return i;
        }
      }
      return n;
    }

    /**
     * Each byte's class, looked up instead of a chain of comparisons: the launcher's JVM runs C1
     * code only, which compiles such a chain as it is written, and this loop reads every byte of
     * every page (the scan was 3.4% of a 1,000-post PDF's JFR samples, a third of them on the loop
     * over a word's characters).
     */
    private static final byte[] CLASS = new byte[256];

    private static final byte WHITE = 1;
    private static final byte DELIMITER = 2; // the others are regular characters

    static {
      for (char c : new char[] {' ', '\n', '\r', '\t', '\f', 0}) {
        CLASS[c] = WHITE;
      }
      for (char c : "()<>[]{}/%".toCharArray()) {
        CLASS[c] = DELIMITER;
      }
    }

    private static boolean isWhite(byte b) {
      return CLASS[b & 0xff] == WHITE;
    }

    private static boolean isRegular(byte b) {
      return CLASS[b & 0xff] == 0;
    }
  }

  private static COSDictionary properties(PDPage page) {
    return page.getResources() == null
        ? null
        : page.getResources().getCOSObject().getCOSDictionary(COSName.PROPERTIES);
  }

  /** The slow way, for a stream with an inline image: PDFBox's tokens, written out again. */
  static int removeByTokens(List<Object> tokens, List<Object> out) {
    int removed = 0;
    for (Object t : tokens) {
      if (t instanceof Operator op
          && op.getName().equals(OperatorName.END_MARKED_CONTENT)
          && emptyArtifactAtEnd(out)) {
        removeOpening(out);
        removed++;
        continue;
      }
      out.add(t);
    }
    return removed;
  }

  /** Does {@code out} end with the opening of an artifact ({@code BMC} or {@code BDC})? */
  private static boolean emptyArtifactAtEnd(List<Object> out) {
    int n = out.size();
    if (n >= 2 && isOperator(out.get(n - 1), OperatorName.BEGIN_MARKED_CONTENT)) {
      return COSName.ARTIFACT.equals(out.get(n - 2));
    }
    if (n >= 3 && isOperator(out.get(n - 1), OperatorName.BEGIN_MARKED_CONTENT_SEQ)) {
      return COSName.ARTIFACT.equals(out.get(n - 3));
    }
    return false;
  }

  private static void removeOpening(List<Object> out) {
    int operands = isOperator(out.get(out.size() - 1), OperatorName.BEGIN_MARKED_CONTENT) ? 1 : 2;
    for (int i = 0; i <= operands; i++) {
      out.remove(out.size() - 1);
    }
  }

  /** The property lists named by {@code BDC} or {@code DP} operators ({@code /Tag /Name BDC}). */
  static Set<COSName> propertyNames(List<Object> tokens) {
    Set<COSName> names = new HashSet<>();
    for (int i = 1; i < tokens.size(); i++) {
      if ((isOperator(tokens.get(i), OperatorName.BEGIN_MARKED_CONTENT_SEQ)
              || isOperator(tokens.get(i), OperatorName.MARKED_CONTENT_POINT_WITH_PROPS))
          && tokens.get(i - 1) instanceof COSName name) {
        names.add(name);
      }
    }
    return names;
  }

  private static boolean isOperator(Object token, String name) {
    return token instanceof Operator op && op.getName().equals(name);
  }
}
