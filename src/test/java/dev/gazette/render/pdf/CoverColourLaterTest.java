package dev.gazette.render.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gazette.cover.JpegWriter;
import dev.gazette.model.Article;
import dev.gazette.model.Asset;
import dev.gazette.model.DateRange;
import dev.gazette.model.Digest;
import dev.gazette.model.Post;
import dev.gazette.model.Section;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;

/**
 * The PDF's markup is prepared while the cover is painted, with a place for the cover's colour
 * filled in before the library's copy: the document must be the one the colour written at once
 * gives.
 */
class CoverColourLaterTest {
  private static Digest digest() {
    Post post = Post.builder(Path.of("1.md"), "1.md").body(() -> "").build();
    Article article = new Article("a001", post, "Harbour news", "en", "<p>Text.</p>", List.of());
    return new Digest(
        "The Harbour Weekly",
        "",
        "en",
        ZoneId.of("UTC"),
        new DateRange(LocalDate.of(2021, 6, 28), LocalDate.of(2021, 7, 4)),
        List.of(new Section("s01", null, List.of(article), List.of())),
        Instant.parse("2021-07-04T00:00:00Z"),
        "id");
  }

  private static byte[] jpeg(Color colour) {
    BufferedImage image = new BufferedImage(64, 96, BufferedImage.TYPE_3BYTE_BGR);
    Graphics2D g = image.createGraphics();
    g.setColor(colour);
    g.fillRect(0, 0, 64, 96);
    g.dispose();
    return JpegWriter.write(image);
  }

  @Test
  void filledColourGivesTheDocumentOfTheColourWrittenAtOnce() {
    // A --css stylesheet that happens to hold the same comment keeps it.
    String css =
        "body { margin: 0; }\n" + PdfRenderer.COVER_COLOUR_LATER + "\n@page { size: A5; }\n";
    for (Color colour : List.of(new Color(0x0F2A44), new Color(0xF4EFE6), Color.WHITE)) {
      Digest digest =
          digest().withCover(new Asset("images/cover.jpg", "image/jpeg", jpeg(colour), 64, 96));
      String atOnce =
          PdfRenderer.document(digest, css + PdfRenderer.coverBackgroundCss(digest), "", Set.of());
      assertThat(PdfRenderer.coverBackgroundCss(digest)).contains("@page cover");

      org.jsoup.nodes.Document later =
          Jsoup.parse(
              PdfRenderer.document(digest, css + PdfRenderer.COVER_COLOUR_LATER, "", Set.of()),
              "",
              Parser.xmlParser());
      PdfRenderer.fillCoverColour(later, digest);
      assertThat(later.outerHtml())
          .isEqualTo(Jsoup.parse(atOnce, "", Parser.xmlParser()).outerHtml());
    }
  }

  @Test
  void noCoverLeavesNoColour() {
    String css = "body { margin: 0; }\n";
    org.jsoup.nodes.Document later =
        Jsoup.parse(
            PdfRenderer.document(digest(), css + PdfRenderer.COVER_COLOUR_LATER, "", Set.of()),
            "",
            Parser.xmlParser());
    PdfRenderer.fillCoverColour(later, digest());
    assertThat(later.outerHtml())
        .isEqualTo(
            Jsoup.parse(PdfRenderer.document(digest(), css, "", Set.of()), "", Parser.xmlParser())
                .outerHtml());
  }
}
