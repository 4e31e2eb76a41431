package dev.gazette.cover;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.List;
import org.junit.jupiter.api.Test;

class TextBlockTest {
  private final BufferedImage image = new BufferedImage(10, 10, BufferedImage.TYPE_INT_RGB);
  private final Graphics2D g = image.createGraphics();
  private final Font font =
      CoverPainter.awtFont(dev.gazette.typeset.FontSet.bundled().sans()).deriveFont(20f);

  private List<String> wrap(String text, int width, int maxLines) {
    g.setFont(font);
    FontMetrics fm = g.getFontMetrics();
    return new TextBlock(g, 0, width).wrap(text, fm, maxLines);
  }

  @Test
  void numbersAndLatinWordsAreNotSplitAcrossLines() {
    String text = "青澜港上半年集装箱吞吐量同比增长18.2%，海铁联运成新增长点";
    int width = g.getFontMetrics(font).stringWidth("青澜港上半年集装箱吞吐量同比增长18.");
    g.setFont(font);
    List<String> lines = wrap(text, width, 3);
    assertThat(lines.get(0)).endsWith("增长");
    assertThat(lines.get(1)).startsWith("18.2%");
    assertThat(String.join("", lines)).isEqualTo(text);
  }

  @Test
  void numberBeforeClosingPunctuationStaysWhole() {
    String text = "同比增长18.2%，海铁联运";
    int width = g.getFontMetrics(font).stringWidth("同比增长18.2%");
    List<String> lines = wrap(text, width, 3);
    assertThat(lines.get(0)).isEqualTo("同比增长");
    assertThat(lines.get(1)).startsWith("18.2%，");
  }

  @Test
  void closingPunctuationNeverStartsALine() {
    String text = "一二三四五六七八九十，一二三";
    int width = g.getFontMetrics(font).stringWidth("一二三四五六七八九十");
    List<String> lines = wrap(text, width, 3);
    assertThat(lines).allMatch(l -> !l.startsWith("，"));
    assertThat(String.join("", lines)).isEqualTo(text);
  }

  @Test
  void lastAllowedLineEndsInAnEllipsis() {
    List<String> lines = wrap("Rendering Markdown to XHTML in Java Without Surprises", 150, 2);
    assertThat(lines).hasSize(2);
    assertThat(lines.get(1)).endsWith("…");
    assertThat(lines.get(0)).doesNotEndWith(" ").matches("[A-Za-z ]+");
  }
}
