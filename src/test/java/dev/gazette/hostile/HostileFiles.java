package dev.gazette.hostile;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;

/**
 * The inputs of the hostile corpus that are made at run time: large files, binary files, legacy
 * encodings, links, FIFOs, unreadable files and forged image headers. Names are those of {@code
 * hostile/cases.tsv} after the {@code @}.
 */
final class HostileFiles {
  private HostileFiles() {}

  /** Writes the input called {@code name} into {@code dir}. */
  static void make(Path dir, String name) throws IOException, InterruptedException {
    make(dir, name, 1);
  }

  /**
   * Writes the input called {@code name} into {@code dir}; the inputs that are only big, not
   * malformed (40,000 paragraphs), are made {@code divisor} times smaller, the same shape.
   */
  static void make(Path dir, String name, int divisor) throws IOException, InterruptedException {
    Path file = dir.resolve(name);
    switch (name) {
      case "title-200k.md" -> text(file, "---\ntitle: " + "长".repeat(200_000) + "\n---\n\nBody.\n");
      case "title-1mb.md" -> text(file, "---\ntitle: " + "x".repeat(1 << 20) + "\n---\n\nBody.\n");
      case "frontmatter-just-under-limit.md" -> {
        StringBuilder sb = new StringBuilder("---\ntitle: just under the limit\n");
        while (sb.length() < 250 * 1024) {
          sb.append("# a comment line that only takes room in the front matter\n");
        }
        text(file, sb.append("---\n\nBody.\n").toString());
      }
      case "empty.md" -> Files.write(file, new byte[0]);
      case "binary-png.md" -> Files.write(file, png(4, 4));
      case "all-nul.md" -> Files.write(file, new byte[1000]);
      case "random-bytes.md" -> {
        byte[] b = new byte[4096];
        new Random(6).nextBytes(b);
        Files.write(file, b);
      }
      case "gbk.md" ->
          Files.write(
              file,
              ("---\ntitle: 用国标码写的新闻\ndate: 2021-07-02\n---\n\n" + chinese())
                  .getBytes(Charset.forName("GBK")));
      case "gbk-ascii-front-matter.md" ->
          Files.write(
              file,
              ("---\ntitle: ascii title\n---\n\n第二份稿件。" + chinese())
                  .getBytes(Charset.forName("GBK")));
      case "big5.md" ->
          Files.write(
              file,
              ("---\ntitle: 用大五碼寫的新聞\n---\n\n" + traditional()).getBytes(Charset.forName("Big5")));
      case "shift-jis.md" ->
          Files.write(
              file,
              ("---\ntitle: シフトJISで書かれた記事\n---\n\n"
                      + "これは日本語の文章です。昨日は雨が降りましたが、今日は晴れています。東京の天気はとても良いです。\n".repeat(8))
                  .getBytes(Charset.forName("Shift_JIS")));
      case "latin1.md" ->
          Files.write(
              file,
              "---\ntitle: café crème brûlée\n---\n\nÀ la carte, déjà vu, naïve façade.\n"
                  .getBytes(StandardCharsets.ISO_8859_1));
      case "cesu-surrogate.md" -> {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(
            "---\ntitle: encoded surrogate\n---\n\nBefore ".getBytes(StandardCharsets.US_ASCII));
        out.write(new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80});
        out.write(" after.\n".getBytes(StandardCharsets.US_ASCII));
        Files.write(file, out.toByteArray());
      }
      case "utf16le-bom.md" ->
          Files.write(
              file,
              bom(
                  new byte[] {(byte) 0xFF, (byte) 0xFE},
                  "---\ntitle: UTF-16 little endian\n---\n\n正文在这里。\n",
                  StandardCharsets.UTF_16LE));
      case "utf16be-bom.md" ->
          Files.write(
              file,
              bom(
                  new byte[] {(byte) 0xFE, (byte) 0xFF},
                  "---\ntitle: UTF-16 big endian\n---\n\n正文在这里。\n",
                  StandardCharsets.UTF_16BE));
      case "utf32le-bom.md" ->
          Files.write(
              file,
              bom(
                  new byte[] {(byte) 0xFF, (byte) 0xFE, 0, 0},
                  "---\ntitle: UTF-32\n---\n\nText.\n",
                  Charset.forName("UTF-32LE")));
      case "five-megabytes.md" -> {
        StringBuilder sb = new StringBuilder("---\ntitle: five megabytes\n---\n\n");
        String para =
            "A long paragraph of a very long post that goes on and on. ".repeat(20) + "\n\n";
        while (sb.length() < 5 * 1024 * 1024) {
          sb.append(para);
        }
        text(file, sb.toString());
      }
      case "unreadable.md" -> {
        text(file, "---\ntitle: unreadable\n---\n\nSecret.\n");
        Files.setPosixFilePermissions(file, java.util.Set.of());
      }
      case "loop-a.md" -> Files.createSymbolicLink(file, Path.of("loop-b.md"));
      case "loop-b.md" -> Files.createSymbolicLink(file, Path.of("loop-a.md"));
      case "link-to-passwd.md" -> Files.createSymbolicLink(file, Path.of("/etc/passwd"));
      case "dangling-link.md" -> Files.createSymbolicLink(file, Path.of("no-such-target.md"));
      case "dir-loop" -> Files.createSymbolicLink(file, Path.of("."));
      case "folder.md" -> Files.createDirectories(file);
      case "fifo.md" -> fifo(file);
      case "div-10000.md" ->
          post(file, "<div>".repeat(10_000) + "deep text" + "</div>".repeat(10_000));
      case "span-10000.md" ->
          post(file, "Text " + "<span>".repeat(10_000) + "deep text" + "</span>".repeat(10_000));
      case "blockquote-10000.md" ->
          post(file, "<blockquote>".repeat(10_000) + "deep" + "</blockquote>".repeat(10_000));
      case "list-10000.md" ->
          post(file, "<ul><li>".repeat(10_000) + "deep" + "</li></ul>".repeat(10_000));
      case "table-2000.md" ->
          post(file, "<table><tr><td>".repeat(2000) + "deep" + "</td></tr></table>".repeat(2000));
      case "html-body-div-10000.md" ->
          text(
              file,
              "---\ntitle: html body\n---\n"
                  + "<div>".repeat(10_000)
                  + "<p>deep</p>"
                  + "</div>".repeat(10_000));
      case "markdown-quote-10000.md" -> post(file, ">".repeat(10_000) + " deep quote");
      case "markdown-list-5000.md" -> post(file, "- ".repeat(5000) + "deep item");
      case "markdown-emphasis-20000.md" ->
          post(file, "*".repeat(20_000) + "x" + "*".repeat(20_000));
      case "markdown-brackets-20000.md" ->
          post(file, "[".repeat(20_000) + "x" + "](y)".repeat(20_000));
      case "many-paragraphs-40000.md" ->
          post(file, "<p>A paragraph.</p>\n".repeat(40_000 / divisor));
      case "unclosed-h1-50000-no-title.md" -> text(file, "<h1>".repeat(50_000) + "\n");
      default -> text(file, "Text of a post whose file name is odd.\n");
    }
  }

  /** The files the {@code paths} cases point at: a good image, links out, forged headers. */
  static void makeImages(Path src, Path outside) throws IOException, InterruptedException {
    Path images = Files.createDirectories(src.resolve("images"));
    Files.write(images.resolve("ok.png"), png(8, 8));
    Files.write(outside.resolve("outside.png"), png(8, 8));
    Files.createSymbolicLink(images.resolve("link-out.png"), outside.resolve("outside.png"));
    Files.createSymbolicLink(src.resolve("linkdir"), outside);
    Files.writeString(images.resolve("not-an-image.png"), "just text, not a picture");
    Files.write(images.resolve("empty.png"), new byte[0]);
    Files.write(images.resolve("bomb.png"), pngHeader(50_000, 50_000));
    Files.write(images.resolve("bomb.jpg"), jpegHeader(50_000, 50_000));
    Files.write(images.resolve("bomb.gif"), gifHeader(65_535, 65_535));
    try (RandomAccessFile f =
        new RandomAccessFile(images.resolve("huge-file.png").toFile(), "rw")) {
      f.write(png(8, 8));
      f.setLength(21L * 1024 * 1024); // sparse: costs no disk
    }
    fifo(images.resolve("fifo.png"));
  }

  static byte[] png(int w, int h) throws IOException {
    BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        image.setRGB(x, y, (x * 31 + y * 17) << 8);
      }
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(image, "png", out);
    return out.toByteArray();
  }

  /**
   * A PNG that declares {@code w}×{@code h} pixels in a few dozen bytes (a decompression bomb's
   * header).
   */
  static byte[] pngHeader(int w, int h) {
    ByteBuffer ihdr =
        ByteBuffer.allocate(13)
            .putInt(w)
            .putInt(h)
            .put((byte) 8)
            .put((byte) 2)
            .put((byte) 0)
            .put((byte) 0)
            .put((byte) 0);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
    chunk(out, "IHDR", ihdr.array());
    chunk(out, "IDAT", new byte[] {0x78, (byte) 0x9C, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01});
    chunk(out, "IEND", new byte[0]);
    return out.toByteArray();
  }

  private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
    out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
    byte[] t = type.getBytes(StandardCharsets.US_ASCII);
    out.writeBytes(t);
    out.writeBytes(data);
    CRC32 crc = new CRC32();
    crc.update(t);
    crc.update(data);
    out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
  }

  /** A baseline JPEG header (SOF0) declaring {@code w}×{@code h}, without image data. */
  static byte[] jpegHeader(int w, int h) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xD8});
    out.writeBytes(
        new byte[] {
          (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F', 0, 1, 1, 0, 0, 1, 0, 1, 0, 0
        });
    out.writeBytes(
        new byte[] {
          (byte) 0xFF,
          (byte) 0xC0,
          0,
          17,
          8,
          (byte) (h >> 8),
          (byte) h,
          (byte) (w >> 8),
          (byte) w,
          3,
          1,
          0x11,
          0,
          2,
          0x11,
          0,
          3,
          0x11,
          0
        });
    out.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xD9});
    return out.toByteArray();
  }

  /** A GIF whose screen and first image declare {@code w}×{@code h}. */
  static byte[] gifHeader(int w, int h) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes("GIF89a".getBytes(StandardCharsets.US_ASCII));
    out.writeBytes(new byte[] {(byte) w, (byte) (w >> 8), (byte) h, (byte) (h >> 8), 0, 0, 0});
    out.writeBytes(
        new byte[] {0x2C, 0, 0, 0, 0, (byte) w, (byte) (w >> 8), (byte) h, (byte) (h >> 8), 0});
    out.writeBytes(new byte[] {2, 2, 0x44, 0x01, 0, 0x3B});
    return out.toByteArray();
  }

  private static void post(Path file, String body) throws IOException {
    text(
        file,
        "---\ntitle: "
            + file.getFileName().toString().replace(".md", "")
            + "\n---\n\n"
            + body
            + "\n");
  }

  private static void text(Path file, String s) throws IOException {
    Files.writeString(file, s, StandardCharsets.UTF_8);
  }

  private static byte[] bom(byte[] bom, String text, Charset cs) {
    byte[] body = text.getBytes(cs);
    byte[] all = new byte[bom.length + body.length];
    System.arraycopy(bom, 0, all, 0, bom.length);
    System.arraycopy(body, 0, all, bom.length, body.length);
    return all;
  }

  private static void fifo(Path file) throws IOException, InterruptedException {
    Process p = new ProcessBuilder("mkfifo", file.toString()).inheritIO().start();
    if (p.waitFor() != 0) {
      throw new UncheckedIOException(new IOException("mkfifo failed"));
    }
  }

  private static String chinese() {
    return "今天上午，市政府召开新闻发布会，介绍了全市夏季防汛工作的最新进展。"
        + "据气象部门预测，今年汛期降雨量将比往年偏多，各区要做好充分准备。\n\n"
        + "发布会上，有关负责人表示，全市已经完成了排水管网的检查和维修，储备了足够的防汛物资。\n";
  }

  private static String traditional() {
    return "今天上午，市政府召開新聞發佈會，介紹了全市夏季防汛工作的最新進展。"
        + "據氣象部門預測，今年汛期降雨量將比往年偏多，各區要做好充分準備。\n\n"
        + "發佈會上，有關負責人表示，全市已經完成了排水管網的檢查和維修，儲備了足夠的防汛物資。\n";
  }
}
