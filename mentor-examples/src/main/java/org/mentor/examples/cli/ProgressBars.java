package org.mentor.examples.cli;

import java.io.PrintWriter;
import me.tongfei.progressbar.DelegatingProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/**
 * Progress bars for long steps (simulating, pushing), drawn by me.tongfei:progressbar on the
 * command's standard error, redrawn in place: the percentage, the count, the time spent and the time
 * left, and the rate ({@code Simulating 42% [====      ] 4200/10000 pairs (0:00:03 / 0:00:04) 1234.5 pairs/s}).
 * By default drawn only when the command runs in a terminal, so a script's output holds none.
 */
final class ProgressBars {
  /** When bars are drawn. */
  enum When { auto, always, never }

  /** The {@code --progress} option of the commands that draw bars. */
  static final class Options {
    @Option(names = "--progress", paramLabel = "WHEN", defaultValue = "auto",
        description = "Progress bars on standard error: auto (in a terminal, the default), always or never.")
    When when = When.auto;

    ProgressBars on(PrintWriter err) {
      return new ProgressBars(err, when == When.always || (when == When.auto && System.console() != null));
    }
  }

  private static final int WIDTH = 100;
  private final PrintWriter err;
  private final boolean on;

  private ProgressBars(PrintWriter err, boolean on) {
    this.err = err;
    this.on = on;
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
    if (!on) {
      return new Bar(null, err);
    }
    DelegatingProgressBarConsumer consumer = new DelegatingProgressBarConsumer(line -> {
      err.print('\r');
      err.print(line);
      err.flush();
    }, WIDTH);
    return new Bar(new ProgressBarBuilder().setTaskName(task).setInitialMax(total).setStyle(ProgressBarStyle.ASCII)
        .setUnit(" " + unit, 1).showSpeed().setUpdateIntervalMillis(250).setConsumer(consumer).build(), err);
  }

  /** One bar; a no-op when bars are off. Thread-safe. */
  static final class Bar implements AutoCloseable {
    private final @Nullable ProgressBar bar;
    private final PrintWriter err;

    private Bar(@Nullable ProgressBar bar, PrintWriter err) {
      this.bar = bar;
      this.err = err;
    }

    /** Sets the units done. */
    void stepTo(long done) {
      if (bar != null) {
        bar.stepTo(done);
      }
    }

    /** Draws the bar a last time and ends its line. */
    @Override
    public void close() {
      if (bar != null) {
        bar.close();
        err.println();
        err.flush();
      }
    }
  }
}
