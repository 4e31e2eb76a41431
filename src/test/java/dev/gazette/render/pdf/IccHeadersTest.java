package dev.gazette.render.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gazette.api.DigestResult;
import dev.gazette.model.Format;
import dev.gazette.testing.TestBuilds;
import dev.gazette.testing.TestImages;
import dev.gazette.testing.TestPosts;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.DeflaterOutputStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.junit.jupiter.api.io.TempDir;

/**
 * A PNG's ICC profile reaches the PDF with a header no JDK rewrites differently: JDK 17 wrote its
 * primary platform as {@code APPL}, JDK 25 kept the file's {@code MSFT} (a Hexo blog's chart), so
 * the PDFs differed. The profile in the PDF has no platform and no id; its colour data is the
 * file's.
 */
class IccHeadersTest {
  @TempDir Path dir;

  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(booleans = {false, true})
  void aPicturesProfileHasNoPlatformOrIdAndKeepsItsColourData(boolean palette) throws Exception {
    byte[] profile = ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData().clone();
    System.arraycopy("MSFT".getBytes(StandardCharsets.US_ASCII), 0, profile, 40, 4);
    Arrays.fill(profile, 84, 100, (byte) 7); // a profile id
    java.awt.image.BufferedImage chart =
        new java.awt.image.BufferedImage(
            300,
            200,
            palette
                ? java.awt.image.BufferedImage.TYPE_BYTE_INDEXED // kept as it is: /Indexed
                : java.awt.image.BufferedImage.TYPE_INT_RGB);
    java.awt.Graphics2D g = chart.createGraphics();
    g.setColor(java.awt.Color.WHITE);
    g.fillRect(0, 0, 300, 200);
    g.setColor(new java.awt.Color(200, 40, 40));
    g.fillRect(20, 50, 60, 150);
    g.dispose();
    byte[] png = withIccp(TestImages.png(chart), profile);
    Path posts = dir.resolve("posts");
    Files.createDirectories(posts);
    Files.write(posts.resolve("chart.png"), png);
    TestPosts.write(
        posts,
        "a.md",
        "---\ntitle: Chart\ndate: 2024-01-01\n---\n\nThe chart:\n\n![a chart](chart.png)\n");
    DigestResult result =
        TestBuilds.build(
            TestBuilds.utc(posts, dir.resolve("out")).offline(true).formats(Format.PDF));

    List<byte[]> profiles = new ArrayList<>();
    try (PDDocument pdf = Loader.loadPDF(result.outputs().get(0).path().toFile())) {
      for (PDPage page : pdf.getPages()) {
        PDResources r = page.getResources();
        for (COSName name : r.getXObjectNames()) {
          if (r.getXObject(name) instanceof PDImageXObject image
              && image.getCOSObject().getDictionaryObject(COSName.COLORSPACE) instanceof COSArray cs
              && iccOf(cs) instanceof COSStream s) {
            try (InputStream in = s.createInputStream()) {
              profiles.add(in.readAllBytes());
            }
          }
        }
      }
    }
    assertThat(profiles).isNotEmpty();
    for (byte[] p : profiles) {
      assertThat(Arrays.copyOfRange(p, 40, 44)).containsOnly(0);
      assertThat(Arrays.copyOfRange(p, 84, 100)).containsOnly(0);
      assertThat(new String(p, 12, 4, StandardCharsets.US_ASCII)).isEqualTo("mntr");
      assertThat(p.length).isGreaterThan(128);
    }
  }

  /** The profile stream of an ICC-based colour space, or of the one a palette is over. */
  private static Object iccOf(COSArray cs) {
    if (COSName.INDEXED.equals(cs.getObject(0)) && cs.getObject(1) instanceof COSArray base) {
      return iccOf(base);
    }
    return COSName.getPDFName("ICCBased").equals(cs.getObject(0)) ? cs.getObject(1) : null;
  }

  /** {@code png} with an {@code iCCP} chunk holding {@code profile}, right after its header. */
  static byte[] withIccp(byte[] png, byte[] profile) throws Exception {
    ByteArrayOutputStream data = new ByteArrayOutputStream();
    data.write("ICC profile".getBytes(StandardCharsets.US_ASCII));
    data.write(0); // the name's end
    data.write(0); // deflate
    try (DeflaterOutputStream z = new DeflaterOutputStream(data)) {
      z.write(profile);
    }
    byte[] body = data.toByteArray();
    ByteArrayOutputStream chunk = new ByteArrayOutputStream();
    chunk.write(ByteBuffer.allocate(4).putInt(body.length).array());
    byte[] typed = new byte[4 + body.length];
    System.arraycopy("iCCP".getBytes(StandardCharsets.US_ASCII), 0, typed, 0, 4);
    System.arraycopy(body, 0, typed, 4, body.length);
    chunk.write(typed);
    CRC32 crc = new CRC32();
    crc.update(typed);
    chunk.write(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    int afterHeader = 8 + 4 + 4 + 13 + 4; // signature, IHDR length, type, data, CRC
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(png, 0, afterHeader);
    out.write(chunk.toByteArray());
    out.write(png, afterHeader, png.length - afterHeader);
    return out.toByteArray();
  }
}
