package dev.gazette.normalize;

import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;
import org.jsoup.select.Selector;

/**
 * Header cells say what they head, so a screen reader can announce a cell with its column (EPUB
 * Accessibility, PDF/UA): a {@code th} gets {@code scope="col"} when its whole row is headers or it
 * sits in {@code thead} (its empty corner aside), {@code scope="row"} otherwise; {@code td} cells
 * of a header row ({@code thead}) become {@code th}. A table without a header row is left as the
 * author wrote it. A caption written after the rows comes first, and a header group written after
 * them ({@code <tbody><thead>}, yanhaijing's blog) before them, where (X)HTML wants them (EPUBCheck
 * rejects them elsewhere).
 */
final class TableHeaders implements NormalizeStep {
  private static final Evaluator HEAD_DATA_CELLS = Selector.evaluatorOf("thead > tr > td");
  private static final Evaluator HEADER_CELLS = Selector.evaluatorOf("th");
  private static final Evaluator IMAGES = Selector.evaluatorOf("img");
  private static final Evaluator CAPTIONS = Selector.evaluatorOf("table > caption");
  private static final Evaluator HEADS = Selector.evaluatorOf("table > thead");

  /** What a table's header group must come before (only a caption and column groups precede it). */
  private static final java.util.Set<String> ROWS_BEFORE_HEAD =
      java.util.Set.of("tbody", "tr", "tfoot");

  @Override
  public void apply(Element body, NormalizeContext context) {
    for (Element caption : body.select(CAPTIONS)) {
      Element table = caption.parent();
      if (table.child(0) != caption) {
        table.prependChild(caption); // moves it
      }
    }
    for (Element thead : body.select(HEADS)) {
      Element table = thead.parent();
      Element firstHead =
          table.children().stream()
              .filter(c -> c.normalName().equals("thead"))
              .findFirst()
              .orElseThrow();
      if (firstHead != thead) {
        thead.tagName("tbody"); // a second header group: rows (one is all a table may have)
        continue;
      }
      // <tbody><thead>…, as a blog wrote it: the parser closes the empty body before the head
      Element firstRows = null;
      for (Element before : table.children()) { // a copy: removing from the table is safe
        if (before == thead) {
          break;
        }
        if (before.normalName().equals("tbody") && before.childrenSize() == 0) {
          before.remove();
        } else if (firstRows == null && ROWS_BEFORE_HEAD.contains(before.normalName())) {
          firstRows = before;
        }
      }
      if (firstRows != null) {
        firstRows.before(thead); // moves it
      }
    }
    for (Element td : body.select(HEAD_DATA_CELLS)) {
      if (!td.text().isBlank()) {
        td.tagName("th");
      }
    }
    // A header cell without text heads nothing (a table's empty corner): a screen reader would
    // announce an empty header for the whole column.
    for (Element th : body.select(HEADER_CELLS)) {
      if (th.text().isBlank() && th.select(IMAGES).isEmpty()) {
        th.tagName("td").removeAttr("scope");
      }
    }
    for (Element th : body.select(HEADER_CELLS)) {
      String scope = th.attr("scope");
      if (scope.equals("col")
          || scope.equals("row")
          || scope.equals("colgroup")
          || scope.equals("rowgroup")) {
        continue;
      }
      Element row = th.parent();
      boolean headerRow =
          row == null
              || (row.parent() != null && row.parent().normalName().equals("thead"))
              || headsColumns(row);
      th.attr("scope", headerRow ? "col" : "row");
    }
  }

  /**
   * A row of headers only, after the table's empty corner if it has one: {@code <td></td><th>Heap
   * size</th><th>Pause time</th>} heads the columns below it, not its row.
   */
  private static boolean headsColumns(Element row) {
    int i = 0;
    while (i < row.childrenSize() && !row.child(i).normalName().equals("th")) {
      Element cell = row.child(i);
      if (!cell.text().isBlank() || !cell.select(IMAGES).isEmpty()) {
        return false;
      }
      i++;
    }
    for (; i < row.childrenSize(); i++) {
      if (!row.child(i).normalName().equals("th")) {
        return false;
      }
    }
    return true;
  }
}
