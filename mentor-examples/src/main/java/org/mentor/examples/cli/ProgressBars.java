package org.mentor.examples.cli;

import java.util.function.Consumer;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.DelegatingProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarConsumer;
import me.tongfei.progressbar.ProgressBarStyle;
import org.jspecify.annotations.Nullable;

/**
 * Progress bars for long steps (simulating, pushing), drawn by me.tongfei:progressbar on standard
 * error with the count, the rate and the time left: {@code pairs 42% [=====     ] 4200/10000 (0:00:03 / 0:00:04) 1234.5 pairs/s}.
 * Drawn only when the command runs in a terminal, so a script's or a test's output never holds them.
 */
final class ProgressBars {
  /** Where bars go: nowhere, the terminal's standard error, or a consumer of rendered lines. */
  private enum Target { NONE, TERMINAL, SINK }

  private final Target target;
  private final Consumer<String> sink;

  private ProgressBars(Target target, Consumer<String> sink) {
    this.target = target;
    this.sink = sink;
  }

  /** Bars on standard error when the command runs in a terminal, else none. */
  static ProgressBars forTerminal() {
    return System.console() != null ? new ProgressBars(Target.TERMINAL, line -> {}) : none();
  }

  /** No bars. */
  static ProgressBars none() {
    return new ProgressBars(Target.NONE, line -> {});
  }

  /** Bars whose rendered lines go to a consumer (tests). */
  static ProgressBars into(Consumer<String> lines) {
    return new ProgressBars(Target.SINK, lines);
  }

  /**
   * Starts a bar.
   *
   * @param task what is being done, shown first
   * @param total the units of work
   * @param unit the unit's name, such as "pairs"
   * @return the bar: step it, then close it
   */
  Bar open(String task, long total, String unit) {
    if (target == Target.NONE) {
      return new Bar(null);
    }
    ProgressBarConsumer consumer = target == Target.TERMINAL ? new ConsoleProgressBarConsumer(System.err)
        : new DelegatingProgressBarConsumer(sink, 120);
    return new Bar(new ProgressBarBuilder().setTaskName(task).setInitialMax(total).setStyle(ProgressBarStyle.ASCII)
        .setUnit(" " + unit, 1).showSpeed().setUpdateIntervalMillis(200).setConsumer(consumer).build());
  }

  /** One bar; a no-op when bars are off. Thread-safe. */
  static final class Bar implements AutoCloseable {
    private final @Nullable ProgressBar bar;

    private Bar(@Nullable ProgressBar bar) {
      this.bar = bar;
    }

    /** Sets the units done. */
    void stepTo(long done) {
      if (bar != null) {
        bar.stepTo(done);
      }
    }

    @Override
    public void close() {
      if (bar != null) {
        bar.close();
      }
    }
  }
}
