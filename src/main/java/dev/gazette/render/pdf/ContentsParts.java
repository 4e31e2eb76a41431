package dev.gazette.render.pdf;

import com.openhtmltopdf.pdfboxout.PdfBoxRenderer;
import com.openhtmltopdf.render.Box;
import com.openhtmltopdf.render.PageBox;
import dev.gazette.model.Digest;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * The front matter of the chunked PDF (cover, masthead, contents) cut into parts at page breaks, so
 * that no part holds the whole contents: at 10,000 posts the contents is about 400 A5 pages with
 * 20,000 links, and laid out and painted as one part it took the live heap from ~350 to ~690 MB
 * ({@code bench/chunked-pdf.md}, "Bounded memory").
 *
 * <p>The contents is one table whose rows never break across pages ({@code page-break-inside:
 * avoid}), so a page of it holds whole rows, and what a page holds depends only on what comes
 * before it. The first part is the cover, the masthead, the contents' title and its first rows;
 * each further part is a table of the next rows. Where a part ends is found by laying out a group
 * of rows ({@link #cut}): the rows that start on the group's last page are left to the next part,
 * which therefore starts with the row that starts a page in one layout. The parts' pages are the
 * one layout's pages, and each part is laid out and painted like a chunk (its first page numbered
 * on from the parts before it; the contents numbers drawn when painted by {@link ContentsNumbers};
 * its links to articles are links to another part, which the join writes).
 *
 * <p>Where the parts end depends on the layout of the contents only, never on the number of
 * threads.
 */
final class ContentsParts {
  private static final String TABLE = "<table class=\"toc-table\">\n";
  private static final String ROW_END = "</tr>\n";
  private static final String CLOSING = "</table>\n</nav>\n";

  /** A part after the first: the contents' box and table, without its id and title. */
  private static final String CONTINUED = "<nav class=\"toc\">\n" + TABLE;

  /** Rows {@code from} (inclusive) to {@code to} (exclusive) of the contents. */
  record Rows(int from, int to) {
    /** Whether this part opens the front matter (cover, masthead, the contents' title). */
    boolean first() {
      return from == 0;
    }
  }

  /** A group of rows laid out: its length and the 1-based page each row starts on. */
  record Measured(int pages, int[] rowPages) {}

  /** Lays out the front matter holding {@code rows} (without painting it). */
  interface Layout {
    Measured measure(Rows rows) throws IOException;
  }

  private final String opening;
  private final List<String> rows;
  private final int rowsPerPart;

  private ContentsParts(String opening, List<String> rows, int rowsPerPart) {
    this.opening = opening;
    this.rows = rows;
    this.rowsPerPart = rowsPerPart;
  }

  /**
   * The front matter of {@code digest} as one layout writes it ({@link PdfRenderer#frontMatter}),
   * every contents number laid out as the {@link ContentsNumbers#STAND_IN}.
   *
   * @param rowsPerPart rows laid out at a time to find where a part ends (a part holds at most this
   *     many, unless its rows do not fill a page: then the group grows)
   */
  static ContentsParts of(Digest digest, String coverPage, int rowsPerPart) {
    if (rowsPerPart < 1) {
      throw new IllegalArgumentException("rowsPerPart must be positive");
    }
    StringBuilder sb = new StringBuilder(coverPage);
    PdfRenderer.frontMatter(digest, a -> ContentsNumbers.STAND_IN, sb);
    String markup = sb.toString();
    int table = markup.indexOf(TABLE);
    if (table < 0 || !markup.endsWith(CLOSING)) {
      throw new IllegalStateException("unexpected contents markup: no " + TABLE.strip());
    }
    int start = table + TABLE.length();
    int end = markup.length() - CLOSING.length();
    List<String> rows = new ArrayList<>();
    while (start < end) {
      int rowEnd = markup.indexOf(ROW_END, start);
      if (rowEnd < 0 || rowEnd >= end) {
        throw new IllegalStateException("unexpected contents markup: a row without " + ROW_END);
      }
      rows.add(markup.substring(start, rowEnd + ROW_END.length()));
      start = rowEnd + ROW_END.length();
    }
    return new ContentsParts(markup.substring(0, table + TABLE.length()), rows, rowsPerPart);
  }

  /** Every row: the whole front matter in one part. */
  Rows all() {
    return new Rows(0, rows.size());
  }

  /** Appends the body markup of the front-matter part holding {@code part}'s rows. */
  void markup(Rows part, StringBuilder sb) {
    sb.append(part.first() ? opening : CONTINUED);
    for (int i = part.from(); i < part.to(); i++) {
      sb.append(rows.get(i));
    }
    sb.append(CLOSING);
  }

  /**
   * Cuts the contents into parts that end where a page of one layout ends: lays out up to {@code
   * rowsPerPart} rows after the previous part, keeps the rows that start before the last page and
   * leaves the others to the next part. A group that does not fill a page grows until it does or
   * holds every row left. The last part keeps all its rows.
   *
   * @return the parts in order, each with the number of pages it was measured to have
   */
  List<Cut> cut(Layout layout) throws IOException {
    List<Cut> parts = new ArrayList<>();
    int from = 0;
    int group = rowsPerPart;
    while (true) {
      int to = (int) Math.min(rows.size(), (long) from + group);
      Measured m = layout.measure(new Rows(from, to));
      if (m.rowPages().length != to - from) {
        throw new IllegalStateException(
            "laid out " + m.rowPages().length + " contents rows of " + (to - from));
      }
      if (to == rows.size()) {
        parts.add(new Cut(new Rows(from, to), m.pages()));
        return parts;
      }
      int keep = keptRows(m);
      if (keep == 0) {
        group = group > Integer.MAX_VALUE / 2 ? Integer.MAX_VALUE : group * 2;
        continue;
      }
      // The rows kept end on the page before the last (or, if none starts on the last page, a row
      // taller than a page runs into it and the part keeps it).
      int pages = keep == to - from ? m.pages() : m.pages() - 1;
      parts.add(new Cut(new Rows(from, from + keep), pages));
      from += keep;
      group = rowsPerPart;
    }
  }

  /** A part of the front matter and its length. */
  record Cut(Rows rows, int pages) {}

  /** How many rows start before the measured group's last page. */
  private static int keptRows(Measured m) {
    int[] pages = m.rowPages();
    for (int i = 0; i < pages.length; i++) {
      if (pages[i] >= m.pages()) {
        return i;
      }
    }
    return pages.length;
  }

  /**
   * After {@link PdfBoxRenderer#layout()} of a front-matter part: the 1-based page each contents
   * row starts on, in reading order.
   */
  static int[] rowPages(PdfBoxRenderer renderer) {
    List<PageBox> pages = renderer.getRootBox().getLayer().getPages();
    List<Integer> found = new ArrayList<>();
    Deque<Box> todo = new ArrayDeque<>();
    todo.push(renderer.getRootBox());
    while (!todo.isEmpty()) {
      Box box = todo.pop();
      if (box.getElement() != null && "tr".equals(box.getElement().getNodeName())) {
        found.add(PageBreakAnchors.pageOf(pages, box.getAbsY()));
        continue;
      }
      for (int i = box.getChildCount() - 1; i >= 0; i--) {
        todo.push(box.getChild(i));
      }
    }
    return found.stream().mapToInt(Integer::intValue).toArray();
  }
}
