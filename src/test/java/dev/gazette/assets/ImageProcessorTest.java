package dev.gazette.assets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gazette.testing.TestImages;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class ImageProcessorTest {
  private final ImageProcessor processor = new ImageProcessor();

  @Test
  void largePhotoIsScaledToTheLongSideLimitAndStaysJpeg() throws Exception {
    ProcessedImage out = processor.process(TestImages.jpeg(TestImages.photo(2400, 1200)));
    assertThat(out.type()).isEqualTo(ImageType.JPEG);
    assertThat(out.width()).isEqualTo(1600);
    assertThat(out.height()).isEqualTo(800);
    assertThat(decode(out.bytes()).getWidth()).isEqualTo(1600);
  }

  @Test
  void cmykJpegComesOutAsRgbWithTheRightColours() throws Exception {
    ProcessedImage out = processor.process(TestImages.cmykJpeg(64, 32));
    BufferedImage rgb = decode(out.bytes());
    Color left = new Color(rgb.getRGB(8, 16));
    Color right = new Color(rgb.getRGB(56, 16));
    assertThat(left.getRed()).as("cyan has little red: %s", left).isLessThan(120);
    assertThat(left.getBlue()).as("cyan is blue-ish: %s", left).isGreaterThan(150);
    assertThat(right.getGreen()).as("magenta has little green: %s", right).isLessThan(120);
    assertThat(right.getRed()).as("magenta is red-ish: %s", right).isGreaterThan(150);
  }

  @Test
  void transparencyKeepsPngAndItsAlpha() throws Exception {
    ProcessedImage out = processor.process(TestImages.pngWithAlpha(60, 40));
    assertThat(out.type()).isEqualTo(ImageType.PNG);
    BufferedImage image = decode(out.bytes());
    assertThat(image.getRGB(0, 0) >>> 24).isZero();
    assertThat(image.getRGB(30, 20) >>> 24).isEqualTo(0xFF);
  }

  @Test
  void gifKeepsItsFirstFrameAsPng() throws Exception {
    ProcessedImage out = processor.process(TestImages.animatedGif(20, 20));
    assertThat(out.type()).isEqualTo(ImageType.PNG);
    assertThat(new Color(decode(out.bytes()).getRGB(10, 10))).isEqualTo(Color.RED);
  }

  @Test
  void gifWithPaddingAfterItsTrailerIsKept() throws Exception {
    byte[] gif = TestImages.animatedGif(20, 20);
    assertThat(gif[gif.length - 1]).as("the trailer").isEqualTo((byte) 0x3B);
    byte[] zeros = java.util.Arrays.copyOf(gif, gif.length + 2941);
    byte[] junk = java.util.Arrays.copyOf(gif, gif.length + 600);
    new java.util.Random(7).nextBytes(junk);
    System.arraycopy(gif, 0, junk, 0, gif.length);
    for (byte[] padded : new byte[][] {zeros, junk}) {
      ProcessedImage out = processor.process(padded);
      assertThat(new Color(decode(out.bytes()).getRGB(10, 10))).isEqualTo(Color.RED);
      assertThat(ImageProcessor.headersOnly(100_000_000L).process(padded).width()).isEqualTo(20);
    }
  }

  @Test
  void gifCutOffBeforeItsTrailerIsRefusedEvenWhenItEndsInATrailerByte() throws Exception {
    byte[] gif = gif(TestImages.photo(400, 300));
    // past the header and colour tables (at most 13 + 768 + 19 + 768 bytes): image data
    assertThat(gif.length / 4).isGreaterThan(2000);
    int cut = gif.length / 2;
    while (cut > gif.length / 4 && gif[cut - 1] != 0x3B) {
      cut--;
    }
    assertThat(gif[cut - 1]).as("a 0x3B byte in the image data").isEqualTo((byte) 0x3B);
    for (byte[] cutOff :
        new byte[][] {
          java.util.Arrays.copyOf(gif, cut),
          java.util.Arrays.copyOf(gif, gif.length - 1),
          TestImages.truncated(gif, 0.6)
        }) {
      assertThatThrownBy(() -> processor.process(cutOff))
          .isInstanceOf(ImageException.class)
          .hasMessage("truncated GIF data (" + cutOff.length + " bytes)");
    }
  }

  /**
   * A download cut off half way into a file set aside at its full length: zeros after the cut. The
   * image data ends at the first zero, and the decoder draws the frame's top half without an error.
   */
  @Test
  void gifCutOffAndPaddedWithZerosToItsLengthIsRefused() throws Exception {
    byte[] gif = gif(TestImages.photo(400, 300));
    byte[] padded = java.util.Arrays.copyOf(TestImages.truncated(gif, 0.5), gif.length);
    assertThat(ImageIO.read(new ByteArrayInputStream(padded)))
        .as("what the decoder makes of it")
        .isNotNull();
    for (ImageProcessor p : new ImageProcessor[] {processor, ImageProcessor.headersOnly(1 << 30)}) {
      assertThatThrownBy(() -> p.process(padded))
          .isInstanceOf(ImageException.class)
          .hasMessage("truncated GIF data (" + padded.length + " bytes)");
    }
  }

  @Test
  void webpAndBmpBecomeEmbeddableFormats() throws Exception {
    ProcessedImage webp = processor.process(TestImages.resource("gradient.webp"));
    assertThat(webp.type()).isIn(ImageType.JPEG, ImageType.PNG);
    assertThat(webp.width()).isEqualTo(40);
    ProcessedImage photo = processor.process(TestImages.bmp(TestImages.photo(100, 80)));
    assertThat(photo.type()).as("a photo (8,000 colours) saved as BMP").isEqualTo(ImageType.JPEG);
    ProcessedImage small = processor.process(TestImages.bmp(TestImages.photo(30, 20)));
    assertThat(small.type())
        .as("600 colours: a diagram keeps sharp edges")
        .isEqualTo(ImageType.PNG);
  }

  /** PingCAP's blog saved three photos as TIFF under a .jpeg name; no reading system shows TIFF. */
  @Test
  void tiffBecomesAnEmbeddableFormat() throws Exception {
    byte[] tiff = TestImages.encode(TestImages.photo(100, 80), "tiff");
    assertThat(ImageType.sniff(tiff)).hasValue(ImageType.TIFF);
    ProcessedImage photo = processor.process(tiff);
    assertThat(photo.type()).isEqualTo(ImageType.JPEG);
    assertThat(photo.width()).isEqualTo(100);
    assertThat(photo.height()).isEqualTo(80);
  }

  @Test
  void metadataIsStripped() throws Exception {
    byte[] jpeg = TestImages.jpeg(TestImages.photo(50, 50));
    byte[] exif =
        "Exif\0\0GPS 48.85N 2.35E camera serial 1234".getBytes(StandardCharsets.ISO_8859_1);
    ByteArrayOutputStream withExif = new ByteArrayOutputStream();
    withExif.write(jpeg, 0, 2);
    withExif.write(new byte[] {(byte) 0xFF, (byte) 0xE1, 0, (byte) (exif.length + 2)});
    withExif.write(exif);
    withExif.write(jpeg, 2, jpeg.length - 2);
    ProcessedImage out = processor.process(withExif.toByteArray());
    assertThat(new String(out.bytes(), StandardCharsets.ISO_8859_1))
        .doesNotContain("Exif")
        .doesNotContain("GPS");
  }

  @Test
  void aJpegThatIsAlreadyFitKeepsItsCompressedData() throws Exception {
    byte[] jpeg = TestImages.jpeg(TestImages.photo(640, 480));
    assertThat(processor.process(jpeg).bytes()).isEqualTo(jpeg);
  }

  @Test
  void aPngThatIsAlreadyFitKeepsItsDataWithoutMetadata() throws Exception {
    BufferedImage diagram =
        box(BufferedImage.TYPE_BYTE_INDEXED, 300, 200, Color.WHITE, Color.BLUE, 20, 20, 120, 80);
    byte[] palette = png(diagram);
    assertThat(palette[8 + 8 + 9]).as("colour type: palette").isEqualTo((byte) 3);
    byte[] tagged =
        withChunkAfterHeader(
            withChunkAfterHeader(palette, "tEXt", "Author\0Jane Roe, Rue Example 5"),
            "tIME",
            "\7\352\14\4\1\2\3");

    ProcessedImage out = processor.process(tagged);

    assertThat(out.type()).isEqualTo(ImageType.PNG);
    assertThat(out.bytes())
        .as("the author's palette PNG, not a 24-bit re-encoding of it")
        .isEqualTo(palette);
    assertThat(new String(out.bytes(), StandardCharsets.ISO_8859_1))
        .doesNotContain("Jane")
        .doesNotContain("tIME");
    assertThat(out.width()).isEqualTo(300);
    assertThat(new Color(decode(out.bytes()).getRGB(50, 50))).isEqualTo(Color.BLUE);
  }

  @Test
  void aPngIsReEncodedWhenKeepingItWouldKeepTooMuchOrSomethingBroken() throws Exception {
    // 16 bits per sample: twice the data of what any screen shows
    BufferedImage grey =
        box(BufferedImage.TYPE_USHORT_GRAY, 120, 80, Color.BLACK, Color.DARK_GRAY, 10, 10, 50, 50);
    byte[] deep = png(grey);
    assertThat(deep[8 + 8 + 8]).as("bit depth").isEqualTo((byte) 16);
    ProcessedImage shallow = processor.process(deep);
    assertThat(shallow.type()).isEqualTo(ImageType.PNG);
    assertThat(shallow.bytes()[8 + 8 + 8]).as("bit depth").isEqualTo((byte) 8);

    // A chunk whose CRC does not match: readers that check it would refuse the picture.
    byte[] diagram = TestImages.png(TestImages.photo(30, 20));
    byte[] broken = withChunkAfterHeader(diagram, "gAMA", "\0\0\261\217");
    broken[8 + 25 + 8 + 4 + 3] ^= 1; // the gAMA chunk's last CRC byte
    ProcessedImage mended = processor.process(broken);
    assertThat(mended.type()).isEqualTo(ImageType.PNG);
    assertThat(mended.bytes()).isNotEqualTo(broken);
    assertThat(new String(mended.bytes(), StandardCharsets.ISO_8859_1)).doesNotContain("gAMA");
    assertThat(decode(mended.bytes()).getWidth()).isEqualTo(30);

    // Too large: scaled, so encoded anew.
    ProcessedImage scaled = processor.process(TestImages.png(TestImages.photo(40, 3200)));
    assertThat(scaled.height()).isEqualTo(1600);
  }

  @Test
  void anRgbaPngKeepsWhicheverIsSmallerOfItselfAndItsReEncoding() throws Exception {
    BufferedImage shot = new BufferedImage(200, 120, BufferedImage.TYPE_INT_ARGB);
    java.awt.Graphics2D g = shot.createGraphics();
    g.setColor(new Color(255, 255, 255, 128));
    g.fillRect(0, 0, 200, 120);
    g.setColor(Color.RED);
    g.fillOval(40, 20, 80, 80);
    g.dispose();
    byte[] stored = png(shot, 1.0f); // no compression, as a fast screenshot tool might write
    byte[] packed = png(shot, 0.0f); // the strongest
    assertThat(stored[8 + 8 + 9]).as("colour type: RGBA").isEqualTo((byte) 6);

    ProcessedImage fromStored = processor.process(stored);
    assertThat(fromStored.bytes().length).isLessThan(stored.length / 4);
    assertThat(decode(fromStored.bytes()).getRGB(80, 60)).isEqualTo(shot.getRGB(80, 60));
    assertThat(decode(fromStored.bytes()).getRGB(2, 2)).isEqualTo(shot.getRGB(2, 2));

    assertThat(processor.process(packed).bytes()).isEqualTo(packed);
  }

  private static byte[] png(BufferedImage image, float compressionQuality) throws IOException {
    javax.imageio.ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (var ios = ImageIO.createImageOutputStream(out)) {
      writer.setOutput(ios);
      javax.imageio.ImageWriteParam param = writer.getDefaultWriteParam();
      param.setCompressionMode(javax.imageio.ImageWriteParam.MODE_EXPLICIT);
      param.setCompressionQuality(compressionQuality);
      writer.write(null, new javax.imageio.IIOImage(image, null, null), param);
    }
    writer.dispose();
    return out.toByteArray();
  }

  /** A picture of {@code type}: {@code ground} with a {@code shape}-coloured box on it. */
  private static BufferedImage box(
      int type, int width, int height, Color ground, Color shape, int x, int y, int w, int h) {
    BufferedImage image = new BufferedImage(width, height, type);
    java.awt.Graphics2D g = image.createGraphics();
    g.setColor(ground);
    g.fillRect(0, 0, width, height);
    g.setColor(shape);
    g.fillRect(x, y, w, h);
    g.dispose();
    return image;
  }

  private static byte[] png(BufferedImage image) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    assertThat(ImageIO.write(image, "png", out)).isTrue();
    return out.toByteArray();
  }

  /** {@code png} with a chunk of {@code type} and {@code data} (Latin-1) after its IHDR. */
  private static byte[] withChunkAfterHeader(byte[] png, String type, String data) {
    byte[] body = (type + data).getBytes(StandardCharsets.ISO_8859_1);
    java.util.zip.CRC32 crc = new java.util.zip.CRC32();
    crc.update(body);
    java.nio.ByteBuffer chunk = java.nio.ByteBuffer.allocate(body.length + 8);
    chunk.putInt(body.length - 4).put(body).putInt((int) crc.getValue());
    int afterHeader = 8 + 25;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(png, 0, afterHeader);
    out.write(chunk.array(), 0, chunk.capacity());
    out.write(png, afterHeader, png.length - afterHeader);
    return out.toByteArray();
  }

  @Test
  void progressiveJpegIsReEncodedAsBaseline() throws Exception {
    javax.imageio.ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (var ios = ImageIO.createImageOutputStream(out)) {
      writer.setOutput(ios);
      javax.imageio.ImageWriteParam param = writer.getDefaultWriteParam();
      param.setProgressiveMode(javax.imageio.ImageWriteParam.MODE_DEFAULT);
      writer.write(null, new javax.imageio.IIOImage(TestImages.photo(300, 200), null, null), param);
    }
    writer.dispose();
    assertThat(JpegSegments.frame(out.toByteArray()).orElseThrow().progressive()).isTrue();
    ProcessedImage processed = processor.process(out.toByteArray());
    assertThat(JpegSegments.frame(processed.bytes()).orElseThrow().progressive()).isFalse();
  }

  @Test
  void sameBytesGiveTheSameOutput() throws Exception {
    byte[] in = TestImages.jpeg(TestImages.photo(1700, 900));
    assertThat(processor.process(in).bytes()).isEqualTo(processor.process(in).bytes());
  }

  @Test
  void assetsAreNamedFromTheirBytesAndAHeadersOnlyCheckSkipsSha256() throws Exception {
    byte[] photo = TestImages.jpeg(TestImages.photo(1200, 800));
    ProcessedImage made = processor.process(photo);
    assertThat(processor.asset(made)).isEqualTo(made.toAsset());
    assertThat(processor.asset(made).href())
        .isEqualTo(
            "images/" + dev.gazette.util.Hashes.sha256Hex(made.bytes()).substring(0, 16) + ".jpg");

    ImageProcessor headers = ImageProcessor.headersOnly(100_000_000L);
    var checked = headers.asset(headers.process(photo));
    assertThat(checked.href()).matches("images/checked-" + photo.length + "-[0-9a-f]{8}\\.jpg");
    assertThat(headers.asset(headers.process(photo.clone())).href()).isEqualTo(checked.href());
    byte[] other = TestImages.jpeg(TestImages.photo(1201, 800));
    assertThat(headers.asset(headers.process(other)).href()).isNotEqualTo(checked.href());
    assertThat(checked.bytes()).isSameAs(photo);
    assertThat(checked.width()).isEqualTo(1200);
  }

  @Test
  void headersOnlyRefusesWhatProcessRefusesButKeepsUsableImagesAsTheyAre() throws Exception {
    ImageProcessor headers = ImageProcessor.headersOnly(100_000_000L);
    byte[] photo = TestImages.jpeg(TestImages.photo(2400, 1200));
    ProcessedImage kept = headers.process(photo);
    // Not decoded, scaled or re-encoded: the bytes as given, the size the header declares.
    assertThat(kept.bytes()).isSameAs(photo);
    assertThat(kept.width()).isEqualTo(2400);
    assertThat(kept.height()).isEqualTo(1200);
    assertThat(headers.process(TestImages.png(TestImages.photo(300, 200))).type())
        .isEqualTo(ImageType.PNG);
    assertThatThrownBy(() -> headers.process(TestImages.truncated(photo, 0.6)))
        .isInstanceOf(ImageException.class)
        .hasMessageContaining("truncated");
    assertThatThrownBy(
            () ->
                ImageProcessor.headersOnly(1_000_000L).process(TestImages.jpeg(photo(1200, 1000))))
        .isInstanceOf(ImageException.class);
    assertThatThrownBy(
            () -> headers.process("<!DOCTYPE html><html></html>".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(ImageException.class)
        .hasMessageContaining("HTML page");
  }

  private static BufferedImage photo(int width, int height) {
    return TestImages.photo(width, height);
  }

  @Test
  void damagedAndFakeImagesAreRefusedWithAReason() {
    byte[] jpeg = TestImages.jpeg(TestImages.photo(200, 200));
    assertThatThrownBy(() -> processor.process(TestImages.truncated(jpeg, 0.6)))
        .isInstanceOf(ImageException.class)
        .hasMessageContaining("truncated");
    assertThatThrownBy(
            () ->
                processor.process(
                    "<!DOCTYPE html><html><body>Not found</body></html>"
                        .getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(ImageException.class)
        .hasMessageContaining("HTML page");
    // A repository cloned without Git LFS (Zola's theme screenshots): the pointer, not a picture.
    byte[] pointer =
        ("version https://git-lfs.github.com/spec/v1\n"
                + "oid sha256:0d4c5e3a1f1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5\n"
                + "size 69230\n")
            .getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(() -> processor.process(pointer))
        .isInstanceOf(ImageException.class)
        .hasMessageContaining("a Git LFS pointer, not the picture (`git lfs pull`");
  }

  @Test
  void svgLosesScriptsExternalReferencesAndItsDtd() throws Exception {
    String svg =
        """
        <?xml version="1.0"?>
        <!DOCTYPE svg [<!ENTITY boom "boom">]>
        <svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" \
        width="120" height="80" onload="alert(1)">
          <script>alert(2)</script>
          <style>@import url(https://evil.example/x.css); rect { fill: red }</style>
          <defs><linearGradient id="g"><stop offset="0" stop-color="#fff"/></linearGradient></defs>
          <rect width="120" height="80" fill="url(#g)"/>
          <image xlink:href="https://tracker.example/pixel.png" width="1" height="1"/>
          <image xlink:href="data:image/svg+xml;base64,PHN2Zy8+" width="1" height="1"/>
          <use href="#g"/>
          <foreignObject><div>html</div></foreignObject>
        </svg>
        """;
    ProcessedImage out = processor.process(svg.getBytes(StandardCharsets.UTF_8));
    String clean = new String(out.bytes(), StandardCharsets.UTF_8);
    assertThat(out.type()).isEqualTo(ImageType.SVG);
    assertThat(out.width()).isEqualTo(120);
    assertThat(clean)
        .doesNotContain(
            "DOCTYPE",
            "ENTITY",
            "script",
            "onload",
            "evil.example",
            "tracker.example",
            "foreignObject",
            "@import",
            "svg+xml");
    assertThat(clean).contains("url(#g)", "href=\"#g\"", "<rect");
  }

  /**
   * Figma's "outside stroke" mask, a white rectangle less the shape, is the clip path it amounts
   * to: renderers drew it as a bitmap (96 dpi tiles in the PDF). A mask that is more than shapes is
   * left alone.
   */
  @Test
  void svgOutsideStrokeMasksBecomeClipPaths() throws Exception {
    String svg =
        """
        <svg xmlns="http://www.w3.org/2000/svg" width="20" height="20" viewBox="0 0 20 20">
          <mask id="outside" width="16" height="16" x="2" y="2.5" fill="#000" maskUnits="userSpaceOnUse">
            <rect width="16" height="16" x="2" y="2.5" fill="#fff"/>
            <path fill-rule="evenodd" d="M4 4h12v12H4z" clip-rule="evenodd"/>
          </mask>
          <path stroke="#DBDBDB" stroke-width="4" d="M4 4h12v12H4z" mask="url(#outside)"/>
          <mask id="faded" maskUnits="userSpaceOnUse">
            <rect width="20" height="20" fill="#fff" opacity="0.5"/><path d="M1 1h2v2z"/>
          </mask>
          <circle r="5" cx="10" cy="10" mask="url(#faded)"/>
        </svg>
        """;
    byte[] once = processor.process(svg.getBytes(StandardCharsets.UTF_8)).bytes();
    String clean = new String(once, StandardCharsets.UTF_8);
    assertThat(clean)
        .contains(
            "<clipPath id=\"outside\"><path clip-rule=\"evenodd\" d=\"M2 2.5h16v16h-16Z"
                + " M4 4h12v12H4z\" /></clipPath>",
            "d=\"M4 4h12v12H4z\" clip-path=\"url(#outside)\"",
            "<mask id=\"faded\"",
            "mask=\"url(#faded)\"")
        .doesNotContain("<mask id=\"outside\"");
    assertThat(processor.process(once).bytes()).isEqualTo(once);
  }

  /**
   * Figma's usual outside stroke strokes the shape the element before it fills: drawn under that
   * opaque fill, the stroke shows what the mask showed, with neither mask nor clip (whose area
   * arithmetic gave the PDF other bytes on JDK 17 and 25). A translucent fill, or a mask whose
   * rectangle does not cover the shape, keeps the clip path.
   */
  @Test
  void svgOutsideStrokeOverAnOpaqueFillIsDrawnUnderIt() throws Exception {
    String shape = "M4 4h12v12H4z";
    String svg =
        """
        <svg xmlns="http://www.w3.org/2000/svg" width="40" height="20" fill="none">
          <mask id="a" width="16" height="16" x="2" y="2" maskUnits="userSpaceOnUse">
            <rect width="16" height="16" x="2" y="2" fill="#fff"/><path fill-rule="evenodd" d="S"/>
          </mask>
          <path fill="#DBDBDB" fill-rule="evenodd" d="S"/>
          <path fill-rule="evenodd" stroke="#000" stroke-width="4" d="S" mask="url(#a)"/>
          <mask id="b" width="16" height="16" x="2" y="2" maskUnits="userSpaceOnUse">
            <rect width="16" height="16" x="2" y="2" fill="#fff"/><path fill-rule="evenodd" d="S"/>
          </mask>
          <path fill="#DBDBDB" fill-opacity="0.5" fill-rule="evenodd" d="S"/>
          <path fill-rule="evenodd" stroke="#000" stroke-width="4" d="S" mask="url(#b)"/>
          <mask id="c" width="8" height="8" x="2" y="2" maskUnits="userSpaceOnUse">
            <rect width="8" height="8" x="2" y="2" fill="#fff"/><path fill-rule="evenodd" d="S"/>
          </mask>
          <path fill="#DBDBDB" fill-rule="evenodd" d="S"/>
          <path fill-rule="evenodd" stroke="#000" stroke-width="4" d="S" mask="url(#c)"/>
        </svg>
        """
            .replace("\"S\"", "\"" + shape + "\"");
    byte[] once = processor.process(svg.getBytes(StandardCharsets.UTF_8)).bytes();
    String clean = new String(once, StandardCharsets.UTF_8);
    assertThat(clean)
        .contains(
            "<path fill-rule=\"evenodd\" stroke=\"#000\" stroke-width=\"4\" d=\"M4 4h12v12H4z\" />"
                + "<path fill=\"#DBDBDB\" fill-rule=\"evenodd\" d=\"M4 4h12v12H4z\" />",
            "<clipPath id=\"b\">",
            "clip-path=\"url(#b)\"",
            "<clipPath id=\"c\">",
            "clip-path=\"url(#c)\"")
        .doesNotContain("<mask", "url(#a)", "<clipPath id=\"a\"");
    assertThat(processor.process(once).bytes()).isEqualTo(once);
  }

  @Test
  void svgTextIsSetInTheDigestFacesFirstAndSanitizingTwiceChangesNothing() throws Exception {
    String svg =
        """
        <svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">
          <style>.a { font-family: Consolas, monospace; } .b { font: 12px serif; }</style>
          <text font-family="Georgia">a</text><text style="font-family:Arial;fill:red">b</text>
          <text>c</text>
        </svg>
        """;
    byte[] once = processor.process(svg.getBytes(StandardCharsets.UTF_8)).bytes();
    String clean = new String(once, StandardCharsets.UTF_8);
    assertThat(clean)
        .contains(
            "font-family: 'Gazette Mono', Consolas, monospace;",
            "font-family=\"'Gazette Body', Georgia\"",
            "font-family:'Gazette Accent', Arial;fill:red",
            // the root's default, for text that names no family
            "font-family=\"'Gazette Accent', sans-serif\"");
    assertThat(processor.process(once).bytes()).isEqualTo(once);
  }

  @Test
  void svgIdsThatAreNotXmlNamesAreRenamedWithTheirReferences() throws Exception {
    String svg =
        """
        <svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="10" height="10">
          <style>.a { clip-path: url(#cpMjE3fDQz==); }</style>
          <defs><clipPath id="cpMjE3fDQz=="><rect width="5" height="5"/></clipPath>
          <linearGradient id="1grad"><stop offset="0"/></linearGradient>
          <path id="p.1" d="M0 0"/></defs>
          <rect width="10" height="10" clip-path="url(#cpMjE3fDQz==)" fill="url('#1grad')"/>
          <use xlink:href="#1grad"/><use href="#p.1"/>
        </svg>
        """;
    String clean =
        new String(
            processor.process(svg.getBytes(StandardCharsets.UTF_8)).bytes(),
            StandardCharsets.UTF_8);
    assertThat(clean).doesNotContain("==", "\"1grad\"", "#1grad");
    assertThat(clean)
        .contains(
            "id=\"id-cpMjE3fDQz__\"",
            "url(#id-cpMjE3fDQz__)",
            "url('#id-1grad')",
            "xlink:href=\"#id-1grad\"",
            "id=\"p.1\"",
            "href=\"#p.1\"");
  }

  @Test
  void htmlLabelsInAnSvgBecomeSvgTextUnlessTheDrawingHasItsOwn() throws Exception {
    // mermaid writes every label as HTML in a foreignObject; draw.io puts SVG text beside it
    String svg =
        """
        <svg xmlns="http://www.w3.org/2000/svg" width="200" height="100">
          <g transform="translate(10,20)"><foreignObject width="88" height="26">\
        <div xmlns="http://www.w3.org/1999/xhtml" style="display: inline-block">あいうえお</div>\
        </foreignObject></g>
          <foreignObject x="100" y="50" width="60" height="40"><div>Two<br/>lines</div></foreignObject>
          <foreignObject width="10" height="10"><div> </div></foreignObject>
          <switch><foreignObject width="50" height="20"><div>Rich</div></foreignObject>\
        <text x="25" y="15">Plain</text></switch>
        </svg>
        """;
    String clean =
        new String(
            processor.process(svg.getBytes(StandardCharsets.UTF_8)).bytes(),
            StandardCharsets.UTF_8);
    assertThat(clean)
        .doesNotContainIgnoringCase("foreignObject")
        .doesNotContain("<div", "Rich")
        .contains(
            "<g transform=\"translate(10,20)\"><text x=\"44\" y=\"13\" text-anchor=\"middle\">"
                + "<tspan x=\"44\" dy=\"0.35em\">あいうえお</tspan></text></g>")
        .contains(
            "<text x=\"130\" y=\"70\" text-anchor=\"middle\"><tspan x=\"130\" dy=\"-0.25em\">Two"
                + "</tspan><tspan x=\"130\" dy=\"1.2em\">lines</tspan></text>")
        .contains("<text x=\"25\" y=\"15\">Plain</text>");
  }

  @Test
  void svgIdsRepeatedInOneFileAreKeptOnTheFirstElementOnly() throws Exception {
    // pprof's graphs (graphviz with a pan script) repeat node ids: EPUBCheck RSC-005
    String svg =
        """
        <svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="10" height="10">
          <g id="node1" class="node"><rect width="5" height="5"/></g>
          <g id="node1" class="node"><rect x="5" width="5" height="5"/></g>
          <path id="1a" d="M0 0"/><path id="1a" d="M1 1"/>
          <use xlink:href="#node1"/><use href="#1a"/>
        </svg>
        """;
    String clean =
        new String(
            processor.process(svg.getBytes(StandardCharsets.UTF_8)).bytes(),
            StandardCharsets.UTF_8);
    assertThat(clean.split("id=\"node1\"", -1)).hasSize(2);
    assertThat(clean.split("id=\"id-1a\"", -1)).hasSize(2);
    assertThat(clean).contains("xlink:href=\"#node1\"", "href=\"#id-1a\"", "x=\"5\"", "M1 1");
  }

  private static BufferedImage decode(byte[] bytes) throws IOException {
    return ImageIO.read(new ByteArrayInputStream(bytes));
  }

  @Test
  void coloursAndTransparencyReadFromPackedIntsAgreeWithOtherLayouts() {
    // The (A)RGB int images are read from their array, every other layout through getRGB.
    java.util.Random random = new java.util.Random(16);
    for (int colours : new int[] {1, 4096, 4097, 20000}) {
      BufferedImage packed = new BufferedImage(200, 150, BufferedImage.TYPE_INT_ARGB);
      BufferedImage other = new BufferedImage(200, 150, BufferedImage.TYPE_4BYTE_ABGR);
      for (int i = 0; i < 200 * 150; i++) {
        int rgb = 0xFF000000 | (i % colours) * 397;
        packed.setRGB(i % 200, i / 200, rgb);
        other.setRGB(i % 200, i / 200, rgb);
      }
      assertThat(ImageProcessor.hasFewColours(packed))
          .as("%d colours", colours)
          .isEqualTo(ImageProcessor.hasFewColours(other))
          .isEqualTo(colours <= 4096);
      assertThat(ImageProcessor.hasTransparency(packed)).isFalse();
      assertThat(ImageProcessor.hasTransparency(other)).isFalse();
      int x = random.nextInt(200);
      int y = random.nextInt(150);
      packed.setRGB(x, y, 0x80FFFFFF);
      other.setRGB(x, y, 0x80FFFFFF);
      assertThat(ImageProcessor.hasTransparency(packed)).isTrue();
      assertThat(ImageProcessor.hasTransparency(other)).isTrue();
    }
  }

  private static byte[] gif(BufferedImage image) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    assertThat(ImageIO.write(image, "gif", out)).isTrue();
    return out.toByteArray();
  }
}
