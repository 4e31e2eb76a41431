package dev.gazette.cli;

import dev.gazette.api.GazetteListener;
import dev.gazette.api.OutputFile;
import dev.gazette.model.Format;
import dev.gazette.model.Post;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Turns an {@link OutOfMemoryError} into one line that says what was being built, how large the
 * heap was and what to do, instead of a stack trace. It follows the build through the listener so
 * the line can name the format and the number of posts.
 */
final class OutOfMemory implements GazetteListener {
  /** Printed when there is not even room to make the full line. */
  static final String FIXED_LINE =
      "gazette: out of memory; raise the heap (GAZETTE_HEAP=2g bin/gazette …, or java -Xmx2g -jar"
          + " …) or build fewer posts at a time (--week, --from/--to)";

  private final GazetteListener next;
  private volatile int posts = -1;

  /** The outputs being rendered (EPUB and PDF are written at the same time). */
  private final Set<Format> rendering = EnumSet.noneOf(Format.class);

  OutOfMemory(GazetteListener next) {
    this.next = next;
  }

  /** True when {@code t} or one of its causes is an out-of-memory error. */
  static boolean causedBy(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
      if (c instanceof OutOfMemoryError) {
        return true;
      }
      // A class whose static initialiser ran out of memory fails later with "Could not initialize
      // class", caused by an error that names the original one only in its message.
      if (c instanceof ExceptionInInitializerError
          && String.valueOf(c.getMessage()).contains(OutOfMemoryError.class.getName())) {
        return true;
      }
    }
    return false;
  }

  /** The line to print, for the heap this JVM runs with. */
  String message() {
    List<String> formats;
    synchronized (rendering) {
      formats = rendering.stream().map(Format::name).toList();
    }
    return message(formats, posts, Runtime.getRuntime().maxMemory());
  }

  static String message(List<String> formats, int posts, long maxHeapBytes) {
    StringBuilder what = new StringBuilder("gazette: out of memory");
    if (!formats.isEmpty()) {
      what.append(" building the ").append(String.join(" and ", formats)).append(" digest");
      if (posts >= 0) {
        what.append(String.format(Locale.ROOT, " of %,d posts", posts));
      }
    } else if (posts >= 0) {
      what.append(String.format(Locale.ROOT, " converting %,d posts", posts));
    }
    long mb = maxHeapBytes / (1024 * 1024);
    String bigger = mb < 1536 ? "2g" : (mb * 2 + 1023) / 1024 + "g";
    what.append(String.format(Locale.ROOT, " with a %,d MB heap", mb))
        .append("; raise it (GAZETTE_HEAP=")
        .append(bigger)
        .append(" bin/gazette …, or java -Xmx")
        .append(bigger)
        .append(" -jar …) or build fewer posts at a time (--week, --from/--to)");
    return what.toString();
  }

  @Override
  public void postsRead(int selected) {
    posts = selected;
    next.postsRead(selected);
  }

  @Override
  public void articleMade(Post post, int done, int total) {
    next.articleMade(post, done, total);
  }

  @Override
  public void renderingStarted(Format format) {
    synchronized (rendering) {
      rendering.add(format);
    }
    next.renderingStarted(format);
  }

  @Override
  public void outputWritten(OutputFile output) {
    synchronized (rendering) {
      rendering.remove(output.format());
    }
    next.outputWritten(output);
  }
}
