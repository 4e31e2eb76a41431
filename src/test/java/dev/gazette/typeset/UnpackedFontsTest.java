package dev.gazette.typeset;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A bundled font in a jar is unpacked once into the {@link FontFile#UNPACKED_FONTS} folder, under a
 * name holding the jar entry's size and CRC, and read from there in parts.
 */
class UnpackedFontsTest {
  private static final String ENTRY = "dev/gazette/fonts/NotoSans-Regular.ttf";

  @TempDir Path dir;

  @Test
  void aFontInAJarIsUnpackedOnceUnderItsSizeAndCrc() throws Exception {
    FontFile font = FontFile.bundled("NotoSans-Regular.ttf");
    URL url = jarUrl(dir.resolve("g.jar"), font.bytes());
    Path folder = dir.resolve("g-fonts");

    Path copy = FontFile.unpacked(font, url, folder.toString());

    assertThat(copy.getParent()).isEqualTo(folder);
    assertThat(copy.getFileName().toString())
        .matches("NotoSans-Regular-" + font.bytes().length + "-[0-9a-f]{8}\\.ttf");
    assertThat(Files.readAllBytes(copy)).isEqualTo(font.bytes());
    assertThat(folder).isDirectoryNotContaining("glob:**.part");

    // The next run finds it and leaves it alone.
    FileTime written = FileTime.fromMillis(1_000_000_000_000L);
    Files.setLastModifiedTime(copy, written);
    assertThat(FontFile.unpacked(font, url, folder.toString())).isEqualTo(copy);
    assertThat(Files.getLastModifiedTime(copy)).isEqualTo(written);

    // A copy cut short (a full disk, a killed run) is made again.
    Files.write(copy, new byte[10]);
    assertThat(FontFile.unpacked(font, url, folder.toString())).isEqualTo(copy);
    assertThat(Files.readAllBytes(copy)).isEqualTo(font.bytes());
  }

  @Test
  void withoutAFolderOrWithOtherBytesNothingIsUnpacked() throws Exception {
    FontFile font = FontFile.bundled("NotoSans-Regular.ttf");
    assertThat(FontFile.unpacked(font, jarUrl(dir.resolve("a.jar"), font.bytes()), "")).isNull();
    URL other = jarUrl(dir.resolve("b.jar"), new byte[] {1, 2, 3});
    assertThat(FontFile.unpacked(font, other, dir.resolve("f").toString())).isNull();
    assertThat(dir.resolve("f")).doesNotExist();
  }

  @Test
  void aFontOnTheClassPathAsAFileIsReadWhereItIs() throws Exception {
    FontFile font = FontFile.bundled("NotoSans-Regular.ttf");
    URL url = FontFile.class.getResource("/" + ENTRY);
    if (url.getProtocol().equals("file")) {
      assertThat(FontFile.unpacked(font, url, "")).isEqualTo(Path.of(url.toURI()));
      assertThat(font.unchangingFile()).isEqualTo(Path.of(url.toURI()));
    }
  }

  @Test
  void aUsersFontIsNeverReadAgainInParts() throws Exception {
    Path file =
        Files.write(dir.resolve("mine.ttf"), FontFile.bundled("NotoSans-Regular.ttf").bytes());
    assertThat(FontFile.of(file, null).unchangingFile()).isNull();
  }

  private static URL jarUrl(Path jar, byte[] content) throws Exception {
    try (OutputStream out = Files.newOutputStream(jar);
        JarOutputStream zip = new JarOutputStream(out)) {
      zip.putNextEntry(new JarEntry(ENTRY));
      zip.write(content);
      zip.closeEntry();
    }
    return new URL("jar:" + jar.toUri() + "!/" + ENTRY);
  }
}
