package dev.gazette.cover;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gazette.model.Article;
import dev.gazette.model.Asset;
import dev.gazette.model.DateRange;
import dev.gazette.model.Digest;
import dev.gazette.model.Post;
import dev.gazette.model.Section;
import dev.gazette.typeset.FontRole;
import dev.gazette.typeset.FontSet;
import dev.gazette.typeset.Theme;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.font.FontRenderContext;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/**
 * The cover draws each character with the first face of its role's chain that has it, as the PDF
 * does: emoji, Polish and Turkish names, math letters and Chinese in one title, no missing-glyph
 * box.
 */
class FaceChainTest {
  static final Theme THEME = Theme.load("book", FontSet.bundled(), "");
  static final String TITLE = "💡 Łódź, İstanbul 与 Kraków 周报 ★ 𝐀 👨‍💻 1️⃣";
  static final FontRenderContext FRC = new FontRenderContext(null, true, true);

  @Test
  void everyCharacterOfATitleHasAFaceThatDrawsIt() {
    FaceChain chain = FaceChain.of(THEME, FontRole.HEADING, 150f);
    String drawable = chain.drawable(TITLE);
    // Joiners and variation selectors go, the keycap becomes the circled digit (as in the PDF).
    assertThat(drawable).doesNotContain("\u200D", "\uFE0F", "\u20E3").contains("👨💻", "①");
    drawable
        .codePoints()
        .filter(cp -> cp != ' ')
        .forEach(
            cp -> {
              Font font = chain.fontFor(cp);
              assertThat(font).as(Character.toString(cp)).isNotNull();
              int glyph = font.createGlyphVector(FRC, Character.toString(cp)).getGlyphCode(0);
              assertThat(glyph).as(Character.toString(cp)).isNotEqualTo(font.getMissingGlyphCode());
            });
    assertThat(chain.fontFor("周".codePointAt(0)).getFamily()).isEqualTo("Noto Sans SC");
    assertThat(chain.fontFor('ł').getFamily()).isEqualTo("Noto Sans");
    assertThat(chain.fontFor('İ').getFamily()).isEqualTo("Noto Sans");
    assertThat(chain.fontFor("💡".codePointAt(0)).getFamily()).isEqualTo("Noto Emoji");
    assertThat(chain.fontFor("𝐀".codePointAt(0)).getFamily()).isEqualTo("Noto Sans Math");
    // One run per face change, in order; the CJK face keeps what it has (ó, d), as in the PDF.
    assertThat(chain.runs("周报 Łódź").stream().map(r -> r.text() + "|" + r.font().getFamily()))
        .containsExactly("周报 |Noto Sans SC", "Ł|Noto Sans", "ód|Noto Sans SC", "ź|Noto Sans");
    // A space after an emoji is the own face's, not the emoji face's em-wide one.
    assertThat(chain.runs("💡 周").get(1).text()).isEqualTo(" 周");
  }

  @Test
  void whatNoFaceHasIsTheBoxThePdfDraws() {
    FaceChain chain = FaceChain.of(THEME, FontRole.BODY, 60f);
    assertThat(chain.drawable("ภาษา 周报 김치")).isEqualTo("□□□□ 周报 김치");
  }

  @Test
  void theEmojiIsDrawnNotTheCjkFacesMissingGlyph() {
    FaceChain chain = FaceChain.of(THEME, FontRole.HEADING, 150f);
    BufferedImage withChain = blank();
    Graphics2D g = withChain.createGraphics();
    g.setColor(Color.BLACK);
    new TextBlock(g, 10, 380).draw("💡", chain, Color.BLACK, 10, 1);
    g.dispose();
    // What one CJK face alone drew before: its missing glyph.
    BufferedImage alone = blank();
    Graphics2D g2 = alone.createGraphics();
    g2.setRenderingHint(
        RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    g2.setColor(Color.BLACK);
    g2.setFont(CoverPainter.awtFont(THEME.font(FontRole.HEADING)).deriveFont(150f));
    g2.drawString("💡", 10, 10 + Math.round(150 * 1.05f));
    g2.dispose();
    int inked = ink(withChain);
    assertThat(inked).as("ink of the drawn emoji").isGreaterThan(2_000);
    assertThat(ink(alone)).as("the missing glyph has ink too").isPositive();
    int differing = 0;
    for (int y = 0; y < 240; y++) {
      for (int x = 0; x < 400; x++) {
        if ((withChain.getRGB(x, y) < -1) != (alone.getRGB(x, y) < -1)) {
          differing++;
        }
      }
    }
    assertThat(differing).as("pixels that differ from the missing glyph").isGreaterThan(inked / 3);
  }

  @Test
  void aCoverWithSuchATitleIsPainted() throws Exception {
    Post post = Post.builder(Path.of("1.md"), "1.md").body(() -> "").build();
    Article article =
        new Article("a001", post, "İstanbul ve Łódź 🚀 周末见", "tr", "<p>x</p>", List.of());
    Digest digest =
        new Digest(
            TITLE,
            "",
            "zh-CN",
            ZoneId.of("UTC"),
            new DateRange(LocalDate.of(2021, 6, 28), LocalDate.of(2021, 7, 4)),
            List.of(new Section("s01", null, List.of(article), List.of())),
            Instant.parse("2021-07-04T00:00:00Z"),
            "id");
    Asset cover = CoverPainter.paint(digest, THEME);
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(cover.bytes()));
    assertThat(image.getWidth()).isEqualTo(CoverPainter.WIDTH);
    Path look = Path.of(System.getProperty("java.io.tmpdir"), "gazette-cover-chain.jpg");
    Files.write(look, cover.bytes()); // for a person to look at; the assertions are above
  }

  private static BufferedImage blank() {
    BufferedImage image = new BufferedImage(400, 240, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, 400, 240);
    g.dispose();
    return image;
  }

  private static int ink(BufferedImage image) {
    int n = 0;
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        if ((image.getRGB(x, y) & 0xFF) < 128) {
          n++;
        }
      }
    }
    return n;
  }
}
