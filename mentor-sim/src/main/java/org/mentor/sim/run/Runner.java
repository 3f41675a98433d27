package org.mentor.sim.run;

import com.google.common.collect.ImmutableList;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongConsumer;
import org.jspecify.annotations.Nullable;
import org.mentor.core.protocol.Protocol;
import org.mentor.core.protocol.Protocols;
import org.mentor.core.registry.CaseRegistry;
import org.mentor.sim.result.PairOutcome;
import org.mentor.sim.result.SimulationResult;
import org.mentor.sim.scenario.Scenario;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one or two arms over the same pairs. Pairs are cut into fixed chunks (the chunk size never
 * depends on the thread count); each chunk runs on a worker with its own fresh registry per arm,
 * which is dropped when the chunk is done, so memory holds only the chunks in flight (the registry
 * cannot forget a case). The single consumer takes chunks back in pair order: per-pair rows are
 * written and totals merged in that order, so the output is the same for any number of threads.
 */
final class Runner {
  private static final Logger LOG = LoggerFactory.getLogger(Runner.class);
  static final int CHUNK = 64;

  private final List<Scenario> arms;
  private final int threads;
  private final @Nullable Appendable csv;
  private final @Nullable LongConsumer progress;
  private final boolean indicators;

  Runner(List<Scenario> arms, int threads, @Nullable Appendable csv, @Nullable LongConsumer progress, boolean indicators) {
    this.arms = List.copyOf(arms);
    this.threads = threads;
    this.csv = csv;
    this.progress = progress;
    this.indicators = indicators;
  }

  /** The results per arm, and the paired totals when there are two. */
  record Outcome(ImmutableList<SimulationResult> results, @Nullable Paired paired) {}

  private record Chunk(List<PairOutcome[]> rows, Tally[] tallies) {}

  Outcome run() {
    long pairs = arms.get(0).pairs();
    long chunks = (pairs + CHUNK - 1) / CHUNK;
    Tally[] totals = new Tally[arms.size()];
    for (int a = 0; a < arms.size(); a++) {
      totals[a] = new Tally(arms.get(a));
    }
    Paired paired = arms.size() == 2 ? new Paired() : null;
    append(PairOutcome.csvHeader());
    ExecutorService pool = Executors.newFixedThreadPool(threads, daemons());
    long start = System.nanoTime();
    try {
      ArrayDeque<Future<Chunk>> inFlight = new ArrayDeque<>();
      long done = 0;
      for (long c = 0; c < chunks; c++) {
        long from = c * CHUNK;
        long to = Math.min(pairs, from + CHUNK);
        inFlight.add(pool.submit(() -> chunk(from, to)));
        if (inFlight.size() >= threads * 3L) {
          done = consume(take(inFlight.poll()), totals, paired, done);
        }
      }
      while (!inFlight.isEmpty()) {
        done = consume(take(inFlight.poll()), totals, paired, done);
      }
    } finally {
      pool.shutdownNow();
    }
    LOG.info("simulated {} pairs in {} arm(s) on {} thread(s) in {} ms", pairs, arms.size(), threads,
        (System.nanoTime() - start) / 1_000_000);
    ImmutableList.Builder<SimulationResult> results = ImmutableList.builder();
    for (int a = 0; a < arms.size(); a++) {
      results.add(totals[a].result(arms.get(a)));
    }
    return new Outcome(results.build(), paired);
  }

  private long consume(Chunk chunk, Tally[] totals, @Nullable Paired paired, long done) {
    for (PairOutcome[] row : chunk.rows()) {
      for (int a = 0; a < row.length && csv != null; a++) { // a row's text only when it is written
        append(row[a].csvRow());
      }
      if (paired != null) {
        paired.add(row[0], row[1]);
      }
    }
    for (int a = 0; a < totals.length; a++) {
      totals[a].merge(chunk.tallies()[a]);
    }
    long now = done + chunk.rows().size();
    if (progress != null) {
      progress.accept(now);
    }
    return now;
  }

  private Chunk chunk(long from, long to) {
    int n = arms.size();
    PairWalk[] walkers = new PairWalk[n];
    Tally[] tallies = new Tally[n];
    CaseRegistry[] registries = new CaseRegistry[n];
    for (int a = 0; a < n; a++) {
      tallies[a] = new Tally(arms.get(a));
      registries[a] = registry(arms.get(a));
      walkers[a] = new PairWalk(arms.get(a), registries[a], tallies[a], null);
    }
    List<PairOutcome[]> rows = new ArrayList<>((int) (to - from));
    for (long i = from; i < to; i++) {
      PairOutcome[] row = new PairOutcome[n];
      for (int a = 0; a < n; a++) {
        try {
          row[a] = walkers[a].walk(i);
        } catch (RuntimeException e) {
          throw new IllegalStateException("simulating pair " + i + " of arm " + arms.get(a).name() + " failed", e);
        }
      }
      rows.add(row);
    }
    for (int a = 0; a < n && indicators; a++) {
      tallies[a].indicators.add(registries[a]); // the chunk's cases, before its registry is dropped
    }
    return new Chunk(rows, tallies);
  }

  /** A fresh registry knowing the scenario's protocol (built-ins are always known). */
  static CaseRegistry registry(Scenario scenario) {
    Protocol protocol = scenario.protocol();
    CaseRegistry.Builder builder = CaseRegistry.builder();
    if (Protocols.builtIn(protocol.ref()).isEmpty()) {
      builder.protocols(protocol);
    }
    return builder.build();
  }

  private static Chunk take(@Nullable Future<Chunk> future) {
    try {
      return future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new IllegalStateException(e.getCause());
    }
  }

  private void append(String line) {
    if (csv == null) {
      return;
    }
    try {
      csv.append(line).append('\n');
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static ThreadFactory daemons() {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, "mentor-sim-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }
}
