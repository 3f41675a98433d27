package org.mentor.sim.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.mentor.sim.scenario.Scenario;

/**
 * Streaming: the heap retained while a cohort runs (measured after a full collection at regular
 * points of the run) does not grow with the cohort's size. Memory, not time, so no clock is read.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class MemoryTest {
  private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();
  private static final long MB = 1024 * 1024;

  /** The largest heap in use after a full GC, sampled every fourth chunk of a run (rows are discarded). */
  private static long peakRetained(int pairs) {
    Scenario s = Scenario.builder().pairs(pairs).seed(17).build();
    long[] peak = {0};
    int[] chunks = {0};
    Appendable discard = new Appendable() {
      @Override
      public Appendable append(CharSequence csq) {
        return this;
      }

      @Override
      public Appendable append(CharSequence csq, int start, int end) {
        return this;
      }

      @Override
      public Appendable append(char c) {
        return this;
      }
    };
    Simulation.of(s).threads(2).pairCsv(discard).onProgress(done -> {
      if (chunks[0]++ % 4 == 1) {
        System.gc();
        peak[0] = Math.max(peak[0], MEMORY.getHeapMemoryUsage().getUsed());
      }
    }).run();
    return peak[0];
  }

  @Test
  void a_cohort_ten_times_larger_does_not_raise_the_retained_heap_materially() {
    long small = peakRetained(320);
    long large = peakRetained(3_200);
    System.out.printf("retained heap: %d MB at 320 pairs, %d MB at 3200 pairs%n", small / MB, large / MB);
    assertThat(small).isPositive();
    assertThat(large).as("retained heap at 3200 pairs vs 320 (bytes)").isLessThan(small + 16 * MB);
  }
}
