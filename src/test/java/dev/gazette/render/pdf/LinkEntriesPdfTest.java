package dev.gazette.render.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gazette.api.DigestResult;
import dev.gazette.model.Format;
import dev.gazette.testing.Epubs;
import dev.gazette.testing.TestBuilds;
import dev.gazette.testing.TestPosts;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * OCaml's planet: 373 link entries (a title, a summary, the address of the post elsewhere) each
 * took a PDF page of three lines, 2,321 pages in all. They run on after the article before them
 * (2,083 pages); an article that is a post still starts a page, and the outline and the contents
 * still find each entry's page. Read back with PDFBox.
 */
class LinkEntriesPdfTest {
  @TempDir Path dir;

  @Test
  void linkEntriesRunOnAfterTheArticleBefore() throws Exception {
    Path posts = dir.resolve("planet");
    TestPosts.write(
        posts,
        "a/essay.md",
        "---\ntitle: A whole essay\ndate: 2024-01-01\n---\n\nIt has a body of its own.\n");
    for (int i = 1; i <= 2; i++) {
      TestPosts.write(
          posts,
          "b/entry-" + i + ".md",
          "---\ntitle: Linked entry "
              + i
              + "\ndate: 2024-01-0"
              + (i + 1)
              + "\ndescription: What the linked post says, in one line.\n"
              + "url: https://blog.example.org/posts/"
              + i
              + "\n---\n");
    }
    TestPosts.write(
        posts, "c/later.md", "---\ntitle: A later essay\ndate: 2024-01-09\n---\n\nAnother body.\n");
    DigestResult result =
        TestBuilds.build(
            TestBuilds.utc(posts, dir.resolve("out"))
                .offline(true)
                .formats(Format.EPUB, Format.PDF));
    assertThat(Epubs.check(result.outputs().get(0).path())).isEmpty();

    try (PDDocument pdf = Loader.loadPDF(result.outputs().get(1).path().toFile())) {
      int essay = pageOf(pdf, "A whole essay\n");
      assertThat(pageOf(pdf, "Linked entry 1\n")).isEqualTo(essay);
      assertThat(pageOf(pdf, "Linked entry 2\n")).isEqualTo(essay);
      assertThat(pageOf(pdf, "A later essay\n")).isEqualTo(essay + 1);
      List<PDOutlineItem> items = new ArrayList<>();
      pdf.getDocumentCatalog().getDocumentOutline().children().forEach(items::add);
      for (PDOutlineItem item : items) {
        PDPage target = item.findDestinationPage(pdf);
        assertThat(pdf.getPages().indexOf(target) + 1)
            .as(item.getTitle())
            .isEqualTo(pageOf(pdf, item.getTitle() + "\n"));
      }
      assertThat(items).hasSize(4);
    }
  }

  /** The last page whose text holds {@code text} (the contents come first), counted from 1. */
  private static int pageOf(PDDocument pdf, String text) throws Exception {
    PDFTextStripper stripper = new PDFTextStripper();
    int found = -1;
    for (int p = 1; p <= pdf.getNumberOfPages(); p++) {
      stripper.setStartPage(p);
      stripper.setEndPage(p);
      if (stripper.getText(pdf).contains(text)) {
        found = p;
      }
    }
    return found;
  }
}
