package dev.gazette.typeset;

import java.awt.Font;
import java.awt.FontFormatException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Font files as AWT fonts, for what Java draws itself (the cover, CJK text in formulas). */
public final class AwtFonts {
  private static final Map<FontFile, Font> FONTS = new ConcurrentHashMap<>();

  private AwtFonts() {}

  /** The font file as an AWT font, loaded once per file and JVM. */
  public static Font of(FontFile file) {
    return FONTS.computeIfAbsent(
        file,
        f -> {
          try {
            // From a stream, AWT copies the whole font to a temporary file first (15 MB per CJK
            // face); a file that does not change is opened where it is.
            java.nio.file.Path onDisk = f.unchangingFile();
            return onDisk != null
                ? Font.createFont(Font.TRUETYPE_FONT, onDisk.toFile())
                : Font.createFont(Font.TRUETYPE_FONT, new ByteArrayInputStream(f.bytes()));
          } catch (FontFormatException e) {
            throw new IllegalArgumentException(
                "cannot draw with font " + f.location() + ": " + e.getMessage(), e);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
  }
}
