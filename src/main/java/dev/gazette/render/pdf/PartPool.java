package dev.gazette.render.pdf;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The threads a chunked PDF's parts are worked on ({@link ChunkedPdf}): a fixed number of workers
 * taking tasks in the order they were given. Each task runs on a {@link FreshThread} of its own
 * (jsoup's per-thread memos go with it).
 *
 * <p>Tasks start in submission order, so a task may wait for a task given before it (a chunk waits
 * for the page counts of the front matter and the chunks before it): that one has started, on
 * another worker, and the wait ends. Nothing a task computes depends on which worker runs it or
 * when, so the output never depends on the number of threads.
 */
final class PartPool implements AutoCloseable {
  private final ExecutorService pool;

  PartPool(int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be positive: " + threads);
    }
    pool =
        Executors.newFixedThreadPool(
            threads,
            r -> {
              Thread t = new Thread(r, "gazette-pdf-worker");
              t.setDaemon(true);
              return t;
            });
  }

  /** Runs {@code work} on a fresh thread named {@code name} once a worker is free. */
  <T> Future<T> submit(String name, Callable<T> work) {
    return pool.submit(() -> FreshThread.call(name, work));
  }

  /**
   * Runs every task and returns their results in the order given (not the order they end in); the
   * first failure, in that order, is thrown.
   */
  <T> List<T> all(String name, List<Callable<T>> work) throws IOException {
    List<Future<T>> futures = new ArrayList<>();
    for (Callable<T> w : work) {
      futures.add(submit(name, w));
    }
    List<T> results = new ArrayList<>();
    for (Future<T> f : futures) {
      results.add(get(f));
    }
    return results;
  }

  /** The result of a task given to this pool; its failure as {@link FreshThread#rethrown}. */
  static <T> T get(Future<T> f) throws IOException {
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while laying out the PDF", e);
    } catch (ExecutionException e) {
      throw FreshThread.rethrown(e.getCause());
    }
  }

  @Override
  public void close() {
    pool.shutdownNow();
  }
}
