package dev.gazette.util;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class InOrderTest {
  private static final List<Integer> INPUTS = IntStream.range(0, 2000).boxed().toList();

  @Test
  void resultsComeInInputOrderOnTheCallingThread() {
    Thread caller = Thread.currentThread();
    List<Integer> seen = new ArrayList<>();
    // uneven work, so threads finish out of order
    InOrder.forEach(
        INPUTS,
        i -> {
          spin(i % 7 == 0 ? 20_000 : 10);
          return i * 2;
        },
        r -> {
          assertThat(Thread.currentThread()).isSameAs(caller);
          seen.add(r);
        });
    assertThat(seen).isEqualTo(INPUTS.stream().map(i -> i * 2).toList());
  }

  @Test
  void eachInputIsWorkedOnceAndMapKeepsOrder() {
    Set<Integer> worked = ConcurrentHashMap.newKeySet();
    AtomicInteger calls = new AtomicInteger();
    List<String> out =
        InOrder.map(
            INPUTS,
            i -> {
              calls.incrementAndGet();
              worked.add(i);
              return "#" + i;
            });
    assertThat(out).isEqualTo(INPUTS.stream().map(i -> "#" + i).toList());
    assertThat(calls).hasValue(INPUTS.size());
    assertThat(worked).hasSize(INPUTS.size());
  }

  @Test
  void emptyAndSingleInputs() {
    assertThat(InOrder.map(List.<Integer>of(), i -> i)).isEmpty();
    assertThat(InOrder.map(List.of(3), i -> i + 1)).containsExactly(4);
  }

  @Test
  void theFirstFailingInputsExceptionIsThrownAfterTheInputsBeforeIt() {
    for (int round = 0; round < 20; round++) {
      List<Integer> consumed = new ArrayList<>();
      assertThatThrownBy(
              () ->
                  InOrder.forEach(
                      INPUTS,
                      i -> {
                        if (i == 700 || i == 701 || i == 1500) {
                          throw new IllegalStateException("input " + i);
                        }
                        spin(i == 699 ? 200_000 : 10);
                        return i;
                      },
                      consumed::add))
          .isInstanceOf(IllegalStateException.class)
          .hasMessage("input 700");
      assertThat(consumed).isEqualTo(INPUTS.subList(0, 700));
    }
  }

  @Test
  void noInputIsWorkedOnAfterAFailureIsThrown() throws InterruptedException {
    for (int round = 0; round < 20; round++) {
      AtomicInteger running = new AtomicInteger();
      AtomicInteger started = new AtomicInteger();
      assertThatThrownBy(
              () ->
                  InOrder.map(
                      INPUTS,
                      i -> {
                        started.incrementAndGet();
                        running.incrementAndGet();
                        try {
                          spin(20_000);
                          if (i == 300) {
                            throw new IllegalStateException("input " + i);
                          }
                          return i;
                        } finally {
                          running.decrementAndGet();
                        }
                      }))
          .hasMessage("input 300");
      assertThat(running).hasValue(0);
      int afterwards = started.get();
      Thread.sleep(5);
      assertThat(started).hasValue(afterwards);
    }
  }

  @Test
  void errorsAndConsumerFailuresPropagateUnchanged() {
    assertThatThrownBy(
            () ->
                InOrder.map(
                    INPUTS,
                    i -> {
                      if (i == 5) {
                        throw new StackOverflowError("deep");
                      }
                      return i;
                    }))
        .isInstanceOf(StackOverflowError.class)
        .hasMessage("deep");
    assertThatThrownBy(
            () ->
                InOrder.forEach(
                    INPUTS,
                    i -> i,
                    r -> {
                      if (r == 10) {
                        throw new IllegalArgumentException("consumer");
                      }
                    }))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("consumer");
  }

  private static long sink;

  private static void spin(int n) {
    long x = 0;
    for (int i = 0; i < n; i++) {
      x += i * 31L ^ x;
    }
    sink += x;
  }
}
