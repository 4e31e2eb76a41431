package dev.gazette.typeset;

import java.util.concurrent.ConcurrentHashMap;
import org.apache.fontbox.ttf.TrueTypeFont;

/**
 * Parsed fonts, kept for the life of a {@code Gazette} instance: parsing a 15 MB CJK font is the
 * slowest part of subsetting, and every build uses the same few files.
 */
public final class FontCache {
  private final ConcurrentHashMap<FontFile, TrueTypeFont> parsed = new ConcurrentHashMap<>();

  public TrueTypeFont get(FontFile file) throws FontSubsetter.UnsupportedFontException {
    TrueTypeFont ttf = parsed.get(file);
    if (ttf == null) {
      synchronized (this) {
        ttf = parsed.get(file);
        if (ttf == null) {
          ttf = FontSubsetter.parse(file.bytes(), file.location(), file.faceName());
          parsed.put(file, ttf);
        }
      }
    }
    return ttf;
  }
}
