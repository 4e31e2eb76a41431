package dev.gazette.render.pdf;

import java.io.IOException;
import java.util.concurrent.Callable;

/**
 * Runs a piece of markup work on a thread of its own that ends with it, so that what jsoup keeps
 * per thread goes with the thread.
 *
 * <p>jsoup 1.21 memoizes the matches of structural selectors ({@code a b}, {@code a > b}, {@code
 * :has}) in a {@code ThreadLocal} map per selector, keyed by the document's nodes, and clears it
 * only when the same selector runs again on that thread. Selectors parsed anew for each {@code
 * select} leave their maps in the thread's {@code ThreadLocal} table after the selector is gone
 * (stale entries are dropped only now and then). Each thread of the chunked PDF (parts laid out one
 * after another) thus kept the jsoup trees of earlier parts alive: 1.2 million {@code TextNode}s,
 * about 96 MB, through the whole chunk phase of a 10,000-post digest (JFR old-object samples:
 * {@code Thread.threadLocals} → {@code StructuralEvaluator}'s memo → {@code Element}s). jsoup
 * 1.22.1 clears the memo after each use (jhy/jsoup#2411); until the project moves to it, the work
 * of each part runs here.
 */
final class FreshThread {
  private FreshThread() {}

  /** The result of {@code work}, run on a new thread; its exceptions are thrown here. */
  static <T> T call(String name, Callable<T> work) throws IOException {
    Object[] result = new Object[1];
    Throwable[] failure = new Throwable[1];
    Thread t =
        new Thread(
            () -> {
              try {
                result[0] = work.call();
              } catch (Throwable e) {
                failure[0] = e;
              }
            },
            name);
    t.setDaemon(true);
    t.start();
    try {
      t.join();
    } catch (InterruptedException e) {
      t.interrupt();
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while laying out the PDF", e);
    }
    if (failure[0] != null) {
      throw rethrown(failure[0]);
    }
    @SuppressWarnings("unchecked")
    T value = (T) result[0];
    return value;
  }

  /**
   * A failure of work run on another thread, as the caller throws it: unchecked ones and errors as
   * they are, an {@code IOException} as it is, anything else wrapped in one.
   */
  static IOException rethrown(Throwable failure) {
    if (failure instanceof RuntimeException re) {
      throw re;
    }
    if (failure instanceof Error err) {
      throw err;
    }
    return failure instanceof IOException io ? io : new IOException(failure);
  }
}
