package dev.gazette.render.pdf;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.pdfwriter.COSWriter;
import org.apache.pdfbox.pdfwriter.compress.CompressParameters;
import org.apache.pdfbox.pdmodel.PDDocument;

/**
 * Saves a laid-out part of a chunked PDF without object streams, in time linear in its objects.
 *
 * <p>PDFBox 3.0.8 writes such a file ({@code CompressParameters.NO_COMPRESSION}) from a queue of
 * objects still to write, and asks that queue, an {@code ArrayDeque}, whether it already holds each
 * object it meets ({@code COSWriter.addObjectToWrite}): a linear search per reference. A tagged
 * part has tens of thousands of structure elements, all in the queue at once through the structure
 * tree's parent tree, so the save was quadratic: a third of the CPU of a chunked 1,000-post build.
 * Here the writer's queue is replaced by one that also counts its elements in a hash map; it holds
 * and yields the same objects in the same order, so the file is the same bytes. The file is the
 * same as {@code PDDocument.save(file, NO_COMPRESSION)} would write: the document's fonts are
 * subset first, as that method does. Should this PDFBox not have the fields used here, the part is
 * saved the plain way (slower, same bytes).
 */
final class PartWriter {
  private static final Field QUEUE = field(COSWriter.class, "objectsToWrite");
  private static final Method SUBSET_FONTS = method(PDDocument.class, "subsetDesignatedFonts");

  /**
   * Tests: as if this PDFBox had neither the queue field nor the subsetting method, so that parts
   * take the plain path here and the save-and-read-back path in {@link ChunkedPdf}.
   */
  static volatile boolean plainForTests;

  private PartWriter() {}

  /** Saves {@code pdf} to {@code file} without object streams (the document stays open). */
  static void save(PDDocument pdf, Path file) throws IOException {
    if (QUEUE == null || SUBSET_FONTS == null || plainForTests) {
      pdf.save(file.toFile(), CompressParameters.NO_COMPRESSION);
      return;
    }
    pdf.getDocument().setIsXRefStream(false);
    subsetFonts(pdf);
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
      COSWriter writer = new COSWriter(out, CompressParameters.NO_COMPRESSION);
      try {
        QUEUE.set(writer, new CountedQueue());
      } catch (IllegalAccessException e) {
        throw new IllegalStateException(e);
      }
      writer.write(pdf);
    }
  }

  /**
   * Subsets the document's fonts now, as a save does first (a later save finds nothing left to
   * subset): while the renderer that loaded them is still open, so that the part can be given its
   * structure fixes after the renderer and its layout are let go.
   */
  static void subsetFonts(PDDocument pdf) throws IOException {
    if (!canSubsetFonts()) {
      // Without the method the part is saved and read back (see ChunkedPdf); nothing to do here.
      return;
    }
    try {
      SUBSET_FONTS.invoke(pdf);
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof IOException io) {
        throw io;
      }
      throw new IllegalStateException(e.getCause());
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Whether {@link #subsetFonts} works with this PDFBox. */
  static boolean canSubsetFonts() {
    return SUBSET_FONTS != null && !plainForTests;
  }

  /** An {@code ArrayDeque} whose {@code contains} is a hash look-up (same equality). */
  static final class CountedQueue extends ArrayDeque<COSBase> {
    private static final long serialVersionUID = 1L;
    private final transient Map<Object, Integer> counts = new HashMap<>();

    @Override
    public void addLast(COSBase e) {
      super.addLast(e);
      counts.merge(e, 1, Integer::sum);
    }

    @Override
    public void addFirst(COSBase e) {
      super.addFirst(e);
      counts.merge(e, 1, Integer::sum);
    }

    @Override
    public COSBase pollFirst() {
      return forget(super.pollFirst());
    }

    @Override
    public COSBase pollLast() {
      return forget(super.pollLast());
    }

    @Override
    public boolean contains(Object o) {
      return o != null && counts.containsKey(o);
    }

    @Override
    public void clear() {
      super.clear();
      counts.clear();
    }

    @Override
    public boolean removeFirstOccurrence(Object o) {
      return super.removeFirstOccurrence(o) && forget(o) != null;
    }

    @Override
    public boolean removeLastOccurrence(Object o) {
      return super.removeLastOccurrence(o) && forget(o) != null;
    }

    private <T> T forget(T e) {
      if (e != null) {
        counts.computeIfPresent(e, (k, n) -> n == 1 ? null : n - 1);
      }
      return e;
    }
  }

  private static Field field(Class<?> owner, String name) {
    try {
      Field f = owner.getDeclaredField(name);
      if (!Deque.class.equals(f.getType())) {
        return null;
      }
      f.setAccessible(true);
      return f;
    } catch (ReflectiveOperationException | RuntimeException e) {
      return null;
    }
  }

  private static Method method(Class<?> owner, String name) {
    try {
      Method m = owner.getDeclaredMethod(name);
      m.setAccessible(true);
      return m;
    } catch (ReflectiveOperationException | RuntimeException e) {
      return null;
    }
  }
}
