package dev.gazette.util;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Runs a function over a list on all cores, one input at a time per thread, and hands the results
 * to the calling thread in input order.
 *
 * <p>Why not a parallel stream: a stream splits the list into fixed ranges up front, so on two
 * cores one thread could finish its half while the other still had slow posts queued (the first
 * posts also run cold, before C1 has compiled anything); and its results come back only when all
 * are done. Here each thread takes the next input when it is free (a shared counter), and the
 * caller, which works too, passes every result that is ready, in order, to {@code consume} between
 * its own inputs, so what follows (merging, counting) runs while the other threads still work and
 * only the results not yet consumed are held.
 *
 * <p>Deterministic: {@code consume} sees the results in input order on the calling thread, whatever
 * the number of threads. A failure stops the taking of new inputs; the failure of the first input
 * that failed is thrown once the inputs before it are consumed (every input before it was taken, so
 * this is the same failure at any thread count).
 */
public final class InOrder {
  private InOrder() {}

  /** {@code work} applied to each of {@code inputs}, results in input order. */
  public static <T, R> List<R> map(List<T> inputs, Function<? super T, ? extends R> work) {
    List<R> out = new ArrayList<>(inputs.size());
    forEach(inputs, work, out::add);
    return out;
  }

  /**
   * Applies {@code work} to each of {@code inputs} on the common pool and the calling thread, and
   * passes the results to {@code consume} on the calling thread, in input order. Returns when every
   * result was consumed; throws the first failing input's exception (of {@code work} or {@code
   * consume}) unchanged when it is unchecked.
   */
  public static <T, R> void forEach(
      List<T> inputs, Function<? super T, ? extends R> work, Consumer<? super R> consume) {
    int n = inputs.size();
    List<CompletableFuture<R>> results = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      results.add(new CompletableFuture<>());
    }
    AtomicInteger next = new AtomicInteger();
    AtomicBoolean failed = new AtomicBoolean();
    // Helpers inside an input: counted before they look at the failure flag, so once the caller has
    // set the flag and seen the count at zero, no helper is working or will start.
    AtomicInteger busy = new AtomicInteger();
    Runnable helper =
        () -> {
          while (true) {
            busy.incrementAndGet();
            try {
              if (!workOne(inputs, work, results, next, failed)) {
                return;
              }
            } finally {
              busy.decrementAndGet();
            }
          }
        };
    int helpers = Math.min(ForkJoinPool.getCommonPoolParallelism(), n - 1);
    for (int h = 0; h < helpers; h++) {
      ForkJoinPool.commonPool().execute(helper);
    }
    int consumed = 0;
    try {
      // The caller takes inputs too; between its own it hands on whatever is ready at the head.
      while (workOne(inputs, work, results, next, failed)) {
        while (consumed < n && results.get(consumed).isDone()) {
          consume.accept(resultOf(results.get(consumed)));
          consumed++;
        }
      }
      // Every input up to the first failure was taken, so each result waited for here comes.
      for (; consumed < n; consumed++) {
        consume.accept(resultOf(results.get(consumed)));
      }
    } catch (RuntimeException | Error e) {
      failed.set(true);
      // Helpers still inside an input finish it before the failure leaves: no work outlives the
      // call.
      while (busy.get() > 0) {
        LockSupport.parkNanos(100_000);
      }
      throw e;
    }
  }

  /** Takes the next input and completes its result; false when none is left or one failed. */
  private static <T, R> boolean workOne(
      List<T> inputs,
      Function<? super T, ? extends R> work,
      List<CompletableFuture<R>> results,
      AtomicInteger next,
      AtomicBoolean failed) {
    if (failed.get()) {
      return false;
    }
    int i = next.getAndIncrement();
    if (i >= inputs.size()) {
      return false;
    }
    try {
      results.get(i).complete(work.apply(inputs.get(i)));
    } catch (RuntimeException | Error e) {
      failed.set(true);
      results.get(i).completeExceptionally(e);
    }
    return true;
  }

  private static <R> R resultOf(CompletableFuture<R> result) {
    try {
      return result.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      if (e.getCause() instanceof Error err) {
        throw err;
      }
      throw e;
    }
  }
}
