package dev.gazette.typeset;

import java.util.Collection;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.fontbox.ttf.TrueTypeFont;

/**
 * Parsed fonts, kept for the life of a {@code Gazette} instance: parsing a 15 MB CJK font is the
 * slowest part of subsetting, and every build uses the same few files.
 */
public final class FontCache {
  private final ConcurrentHashMap<FontFile, TrueTypeFont> parsed = new ConcurrentHashMap<>();

  /**
   * The font of {@code file}, for character lookups and {@link FontSubsetter}. A single TrueType
   * font comes without its outlines ({@link SparseFont}): subset it to draw with it.
   */
  public TrueTypeFont get(FontFile file) throws FontSubsetter.UnsupportedFontException {
    TrueTypeFont ttf = parsed.get(file);
    if (ttf == null) {
      // One lock per file, so a prefetch of one font does not hold up a request for another.
      synchronized (file) {
        ttf = parsed.get(file);
        if (ttf == null) {
          ttf = FontSubsetter.parse(file);
          parsed.put(file, ttf);
        }
      }
    }
    return ttf;
  }

  /**
   * Starts reading and parsing {@code files} on a background thread and returns at once. Reading
   * the bundled fonts takes most of a second on a cold JVM; done while posts are being read and
   * converted, it is off the critical path of a small digest. Failures are left for {@link #get} to
   * report.
   */
  public void prefetch(Collection<FontFile> files) {
    List<FontFile> todo = files.stream().distinct().filter(f -> !parsed.containsKey(f)).toList();
    if (todo.isEmpty()) {
      return;
    }
    Thread t =
        new Thread(
            () -> {
              for (FontFile f : todo) {
                try {
                  get(f);
                } catch (FontSubsetter.UnsupportedFontException
                    | RuntimeException
                    | OutOfMemoryError e) {
                  // get() on the build's own thread reports it (out of memory too: the command
                  // line turns that into one line, not a trace from a background thread).
                }
              }
            },
            "gazette-font-prefetch");
    t.setDaemon(true);
    t.start();
  }
}
