package dev.gazette.normalize;

import org.jsoup.nodes.Element;

/**
 * Header cells say what they head, so a screen reader can announce a cell with its column (EPUB
 * Accessibility, PDF/UA): a {@code th} gets {@code scope="col"} when its whole row is headers or it
 * sits in {@code thead}, {@code scope="row"} otherwise; {@code td} cells of a header row ({@code
 * thead}) become {@code th}. A table without a header row is left as the author wrote it.
 */
final class TableHeaders implements NormalizeStep {
  @Override
  public void apply(Element body, NormalizeContext context) {
    for (Element td : body.select("thead > tr > td")) {
      if (!td.text().isBlank()) {
        td.tagName("th");
      }
    }
    // A header cell without text heads nothing (a table's empty corner): a screen reader would
    // announce an empty header for the whole column.
    for (Element th : body.select("th")) {
      if (th.text().isBlank() && th.select("img").isEmpty()) {
        th.tagName("td").removeAttr("scope");
      }
    }
    for (Element th : body.select("th")) {
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
              || row.children().stream().allMatch(c -> c.normalName().equals("th"));
      th.attr("scope", headerRow ? "col" : "row");
    }
  }
}
