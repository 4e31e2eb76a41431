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
      Thread t = new Thread(() -> {
        try {
          f.complete(job.write());
        } catch (GazetteException | RuntimeException | Error e) {
          f.completeExceptionally(e);
        }
      }, "gazette-output");
      t.setDaemon(true);
      t.start();
      others.add(f);
    }
    List<OutputFile> outputs = new ArrayList<>();
    GazetteException failure = null;
    try {
      outputs.add(jobs.get(0).write());
    } catch (GazetteException e) {
      failure = e;
    }
    for (CompletableFuture<OutputFile> f : others) {
      try {
        outputs.add(f.join());
      } catch (CompletionException e) {
        if (e.getCause() instanceof GazetteException g) {
          failure = failure == null ? g : failure;
        } else if (e.getCause() instanceof RuntimeException r) {
          throw r;
        } else if (e.getCause() instanceof Error err) {
          throw err;
        } else {
          throw e;
        }
      }
    }
    if (failure != null) {
      throw failure;
    }
    return outputs;
  }
}
