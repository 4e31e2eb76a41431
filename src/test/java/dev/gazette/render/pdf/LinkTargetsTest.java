package dev.gazette.render.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gazette.bench.CorpusGenerator;
import dev.gazette.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionGoTo;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDPageDestination;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bookmarks and contents links land on the page their article starts on, now that pages are found
 * through {@link PageIndexedDocument} instead of PDFBox's page-tree walk.
 */
class LinkTargetsTest {
  @TempDir Path dir;

  @Test
  void pageIndexAnswersLikeThePageTree() throws Exception {
    try (PDDocument doc = new PageIndexedDocument()) {
      for (int i = 0; i < 40; i++) {
        doc.addPage(new PDPage());
      }
      for (int i = 0; i < 40; i++) {
        assertThat(doc.getPage(i).getCOSObject()).isSameAs(doc.getPages().get(i).getCOSObject());
      }
      PDPage third = doc.getPage(2);
      doc.removePage(0);
      assertThat(doc.getPage(1).getCOSObject()).isSameAs(third.getCOSObject());
      doc.getPages().add(new PDPage()); // behind its back: it falls back to the walk
      assertThat(doc.getPage(39).getCOSObject()).isSameAs(doc.getPages().get(39).getCOSObject());
    }
  }

  @Test
  void bookmarksAndContentsLinksPointAtTheArticlesPages() throws Exception {
    Path posts = dir.resolve("posts");
    CorpusGenerator.write(posts, 12, 7, false);
    StringWriter err = new StringWriter();
    int code =
        Main.run(
            new PrintWriter(new StringWriter()),
            new PrintWriter(err),
            "build",
            posts.toString(),
            "--format",
            "pdf",
            "--zone",
            "UTC",
            "--out",
            dir.resolve("out").toString(),
            "--name",
            "d");
    assertThat(code).as(err.toString()).isZero();
    try (PDDocument pdf = Loader.loadPDF(dir.resolve("out/d.pdf").toFile())) {
      PDFTextStripper text = new PDFTextStripper();
      List<Integer> bookmarkPages = new ArrayList<>();
      List<PDOutlineItem> items = new ArrayList<>();
      pdf.getDocumentCatalog().getDocumentOutline().children().forEach(items::add);
      for (int i = 0; i < items.size(); i++) {
        PDOutlineItem item = items.get(i);
        if (item.hasChildren()) {
          // A section: its articles are the bookmarks checked below.
          item.children().forEach(items::add);
          continue;
        }
        int page = pageOf(pdf, item.getDestination());
        text.setStartPage(page + 1);
        text.setEndPage(page + 1);
        String onPage = text.getText(pdf).replaceAll("\\s+", "");
        assertThat(onPage)
            .as("page %d of %s", page + 1, item.getTitle())
            .contains(item.getTitle().replaceAll("\\s+", ""));
        bookmarkPages.add(page);
      }
      bookmarkPages.sort(null);
      assertThat(bookmarkPages).hasSize(12).doesNotHaveDuplicates();
      // The contents: two links per article (title and page number), in bookmark order.
      List<Integer> linkPages = new ArrayList<>();
      for (PDPage page : pdf.getPages()) {
        for (PDAnnotation a : page.getAnnotations()) {
          if (a instanceof PDAnnotationLink link && link.getAction() instanceof PDActionGoTo go) {
            linkPages.add(pageOf(pdf, go.getDestination()));
          } else if (a instanceof PDAnnotationLink link && link.getDestination() != null) {
            linkPages.add(pageOf(pdf, link.getDestination()));
          }
        }
      }
      assertThat(linkPages.stream().distinct().sorted().toList()).isEqualTo(bookmarkPages);
      assertThat(linkPages).hasSizeGreaterThanOrEqualTo(24);
    }
    try (Stream<Path> files = Files.list(dir.resolve("out"))) {
      assertThat(files).hasSize(1);
    }
  }

  private static int pageOf(
      PDDocument pdf,
      org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDDestination d) {
    assertThat(d).isInstanceOf(PDPageDestination.class);
    return pdf.getPages().indexOf(((PDPageDestination) d).getPage());
  }
}
