package dev.gazette.render.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gazette.model.Format;
import dev.gazette.testing.PdfLines;
import dev.gazette.testing.TestBuilds;
import dev.gazette.testing.TestPosts;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A column of keys beside a column of long Japanese text (maku77's shortcut tables, written as raw
 * HTML) was squeezed to a few characters in the PDF, and {@code Ctrl-B} broke inside.
 */
class TableCellsTest {
  @TempDir Path dir;

  static final String TABLE =
      """
      <table>
        <tr><th></th><th>ショートカットキー</th><th>説明</th></tr>
        <tr>
          <td></td>
          <td><kbd>Ctrl-B</kbd><br><kbd>Ctrl-クリック</kbd><br><kbd>中ボタンでクリック</kbd></td>
          <td><b>Declaration</b><br>カーソルの位置によって動きが変わります。定義の上では使われている場所へ、\
      使われている場所では定義へ移動します。迷ったときは、目的のはっきりした別のキーを選びましょう。</td>
        </tr>
        <tr>
          <td>★</td>
          <td><kbd>Ctrl-Alt-B</kbd><br><kbd>Ctrl-Alt-クリック</kbd></td>
          <td><b>Implementation</b><br>実装クラスやメソッドの実装へ移動します。インタフェースからクラスへ、\
      呼び出しから実装へと移ります。</td>
        </tr>
      </table>
      """;

  /**
   * A notebook's pandas frame of 25 columns (jakevdp's bicycle counts) had a digit a line on an A5
   * page: a table of many columns is set smaller, and each count stays whole.
   */
  @Test
  void aTableOfManyColumnsKeepsItsNumbersWhole() throws Exception {
    StringBuilder table = new StringBuilder("<table>\n<tr><th>Date</th>");
    for (int h = 0; h < 24; h++) {
      table.append("<th>").append(h).append("</th>");
    }
    table.append("</tr>\n");
    for (int d = 1; d <= 3; d++) {
      table.append("<tr><td>2012-10-0").append(d).append("</td>");
      for (int h = 0; h < 24; h++) {
        table.append("<td>").append(1000 + 37 * h + d).append("</td>");
      }
      table.append("</tr>\n");
    }
    table.append("</table>\n");
    Path posts = dir.resolve("posts");
    TestPosts.write(posts, "2024-05-02-counts.md", "---\ntitle: Counts\n---\n\n" + table);
    TestBuilds.build(TestBuilds.utc(posts, dir.resolve("out")).name("t").formats(Format.PDF));

    Path pdf = dir.resolve("out/t.pdf");
    List<String> lines = new java.util.ArrayList<>();
    for (int page = 0; page < dev.gazette.testing.Pdfs.pageCount(pdf); page++) {
      PdfLines.read(pdf, page).stream().map(l -> l.text().replace(" ", "")).forEach(lines::add);
    }
    // the second day's row on one line, every count whole and none cut off at the page's edge
    StringBuilder row = new StringBuilder("2012-10-02");
    for (int h = 0; h < 24; h++) {
      row.append(1000 + 37 * h + 2);
    }
    assertThat(lines).contains(row.toString());
  }

  @Test
  void shortKeysInACellStayWholeBesideALongColumn() throws Exception {
    Path posts = dir.resolve("posts");
    TestPosts.write(posts, "2024-05-01-keys.md", "---\ntitle: キー\n---\n\n" + TABLE);
    TestBuilds.build(TestBuilds.utc(posts, dir.resolve("out")).name("t").formats(Format.PDF));

    Path pdf = dir.resolve("out/t.pdf");
    List<String> lines = PdfLines.read(pdf, 1).stream().map(PdfLines.Line::text).toList();
    // a cell's lines stand apart from its neighbours': the keys are whole
    assertThat(lines).contains("Ctrl-B").anyMatch(l -> l.startsWith("★Ctrl-Alt-B"));
    assertThat(lines).doesNotContain("B", "Alt-", "★Ctrl-");
  }

  /**
   * Flink's blog compares two charts a row in a table: each picture kept its own width, the table
   * ran off the page, and the first column held a letter a line ("O", "b", "j", …).
   */
  @Test
  void picturesInCellsShareTheMeasure() throws Exception {
    Path posts = dir.resolve("posts");
    for (String name : List.of("heap.png", "gc.png")) {
      java.nio.file.Files.createDirectories(posts);
      java.nio.file.Files.write(
          posts.resolve(name),
          dev.gazette.testing.TestImages.png(dev.gazette.testing.TestImages.photo(640, 400)));
    }
    TestPosts.write(
        posts,
        "2024-05-03-charts.md",
        """
        ---
        title: Charts
        ---

        <table width="100%">
          <tr><th></th><th><center><b>Garbage Collection</b></center></th>\
        <th><center><b>Memory Usage</b></center></th></tr>
          <tr><td><b>Object-on-Heap (int)</b></td>\
        <td><img src="gc.png" style="width:80%"></td><td><img src="heap.png" style="width:80%"></td></tr>
        </table>
        """);
    TestBuilds.build(TestBuilds.utc(posts, dir.resolve("out")).name("t").formats(Format.PDF));

    Path pdf = dir.resolve("out/t.pdf");
    int page = 0;
    List<float[]> sizes = dev.gazette.testing.Pdfs.imageSizes(pdf, page);
    while (sizes.size() < 3 && page + 1 < dev.gazette.testing.Pdfs.pageCount(pdf)) {
      sizes = dev.gazette.testing.Pdfs.imageSizes(pdf, ++page);
    }
    float pageWidth = sizes.get(sizes.size() - 1)[0];
    List<float[]> pictures = sizes.subList(0, sizes.size() - 1);
    assertThat(pictures).hasSize(2);
    for (float[] size : pictures) {
      assertThat(size[0]).isLessThan(pageWidth / 3);
      assertThat(size[1] / size[0])
          .isCloseTo(400f / 640, org.assertj.core.data.Offset.offset(0.01f));
    }
    List<String> lines = PdfLines.read(pdf, 1).stream().map(PdfLines.Line::text).toList();
    assertThat(lines).anyMatch(l -> l.contains("Object-on-"));
    assertThat(lines).noneMatch(l -> l.strip().equals("O") || l.strip().equals("b"));
  }

  /**
   * A cell's lines written as paragraphs (a code listing's line numbers, one div each) take no
   * first-line indent in a Chinese article: the numbers stand flush with the cell's edge.
   */
  @Test
  void paragraphsInACellAreNotIndented() throws Exception {
    Path posts = dir.resolve("posts");
    TestPosts.write(
        posts,
        "2024-05-04-listing.md",
        """
        ---
        title: 代码清单
        ---

        下面是一段代码和它的行号。

        <table>
          <tr><td><div>一</div><div>二</div></td><td><div>甲乙丙</div><div>丁戊己</div></td></tr>
          <tr><td>三</td><td>庚辛壬</td></tr>
        </table>
        """);
    TestBuilds.build(TestBuilds.utc(posts, dir.resolve("out")).name("t").formats(Format.PDF));

    List<PdfLines.Line> lines = PdfLines.read(dir.resolve("out/t.pdf"), 1);
    PdfLines.Line first =
        lines.stream().filter(l -> l.text().startsWith("一")).findFirst().orElseThrow();
    PdfLines.Line plain =
        lines.stream().filter(l -> l.text().startsWith("三")).findFirst().orElseThrow();
    assertThat(first.x0()).isCloseTo(plain.x0(), org.assertj.core.data.Offset.offset(1f));
  }

  /**
   * A column of short labels beside columns of long Chinese text (servicemesher's table of Linux
   * terms and their cluster counterparts) was squeezed to a letter a line: "Sh", "ell", ", C", and
   * a comma opening a line. A table of a few columns whose words fit keeps them whole.
   */
  @Test
  void shortLabelsBesideLongChineseTextStayWhole() throws Exception {
    Path posts = dir.resolve("posts");
    TestPosts.write(
        posts,
        "2024-05-05-terms.md",
        """
        ---
        title: 从操作系统看集群
        ---

        | 操作系统 | Linux | 集群 | 说明 |
        | --- | --- | --- | --- |
        | Shell, CMD | sh, bash | kubectl | kubectl 是集群的命令行工具，有了它你就可以连接并管理整个集群，        就像在一台机器上工作一样。 |
        | 用户，登录 Linux | User, Group, ssh 登录 | kubeconfig 文件类似 Linux ssh 的 .key 文件，        用户使用它访问集群就带上了用户信息。集群能根据用户限制权限，也能限制用户能使用的资源。 |         集群管理员（或者自动化的申请系统）为用户颁发 kubeconfig 文件。 |
        | 进程 | 进程 | Pod | Pod 就是集群这台“超级虚拟机”里的进程。 |
        """);
    TestBuilds.build(TestBuilds.utc(posts, dir.resolve("out")).name("t").formats(Format.PDF));

    List<String> lines =
        PdfLines.read(dir.resolve("out/t.pdf"), 1).stream().map(PdfLines.Line::text).toList();
    // the cells of a row share a line of the page's text (read without spaces): the labels open
    // the lines, whole
    assertThat(lines).anyMatch(l -> l.startsWith("Shell,sh,"));
    assertThat(lines).anyMatch(l -> l.startsWith("Linux"));
    assertThat(lines).noneMatch(l -> l.startsWith("，"));
  }
}
