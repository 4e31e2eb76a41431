package dev.gazette.api;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Writes several outputs of one digest at the same time. Each renderer is single-threaded (PDF
 * layout most of all), so on two cores an EPUB is written while the PDF is laid out. Results keep
 * the order of the jobs; every job finishes before the first failure is thrown.
 */
final class ConcurrentOutputs {
  /** One output to write. */
  @FunctionalInterface
  interface Job {
    OutputFile write() throws GazetteException;
  }

  private ConcurrentOutputs() {}

  static List<OutputFile> writeAll(List<Job> jobs) throws GazetteException {
    if (jobs.size() == 1) {
      return List.of(jobs.get(0).write());
    }
    List<CompletableFuture<OutputFile>> others = new ArrayList<>();
    for (Job job : jobs.subList(1, jobs.size())) {
      CompletableFuture<OutputFile> f = new CompletableFuture<>();
      Thread t =
          new Thread(
              () -> {
                try {
                  f.complete(job.write());
                } catch (GazetteException | RuntimeException | Error e) {
                  f.completeExceptionally(e);
                }
              },
              "gazette-output");
      t.setDaemon(true);
      t.start();
      others.add(f);
    }
    List<OutputFile> outputs = new ArrayList<>();
    GazetteException failure = null;
    // A renderer bug (unchecked) waits for the other outputs too, and wins over an expected
    // failure.
    Throwable unexpected = null;
    try {
      outputs.add(jobs.get(0).write());
    } catch (GazetteException e) {
      failure = e;
    } catch (RuntimeException | Error e) {
      unexpected = e;
    }
    for (CompletableFuture<OutputFile> f : others) {
      try {
        outputs.add(f.join());
      } catch (CompletionException e) {
        Throwable cause = e.getCause() != null ? e.getCause() : e;
        if (cause instanceof GazetteException g) {
          failure = failure == null ? g : failure;
        } else {
          unexpected = unexpected == null ? cause : unexpected;
        }
      }
    }
    if (unexpected instanceof RuntimeException r) {
      throw r;
    }
    if (unexpected instanceof Error err) {
      throw err;
    }
    if (failure != null) {
      throw failure;
    }
    return outputs;
  }
}
