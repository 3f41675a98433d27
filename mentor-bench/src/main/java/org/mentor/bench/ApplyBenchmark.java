package org.mentor.bench;

import com.google.common.collect.ImmutableList;
import java.util.concurrent.TimeUnit;
import org.mentor.core.CaseId;
import org.mentor.core.pathway.CaseFile;
import org.mentor.core.pathway.Facts;
import org.mentor.core.pathway.Fold;
import org.mentor.core.pathway.PathwayEvent;
import org.mentor.core.pathway.Timeline;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Applying in-order events to a case of {@code events} events, against re-folding its whole history.
 *
 * <ul>
 *   <li>{@link #refold}: the baseline, {@link Fold#fold} of the case's events plus the next one.
 *   <li>{@link #apply}: {@link Fold#evolve}, the incremental step, per event.
 *   <li>{@link #record}: {@link CaseFile#record} end to end (id check, validation, evolve), per event.
 *   <li>{@link #applyOverhead}, {@link #recordOverhead}: the harness alone, to subtract.
 * </ul>
 *
 * <p><b>Why a chain on a fresh case, set up per invocation.</b> A {@link Timeline} appends in place
 * only for the first caller to extend a given prefix; a second {@code evolve} of the same facts
 * copies the whole array (so an older case never sees a newer event). Applying one event to the
 * same facts again and again would therefore time that O(n) copy, which real recording never takes
 * (it always extends the newest facts). So each invocation gets facts (or a file) no one has
 * extended yet, made by a {@code Level.Invocation} setup, and applies {@value #CHAIN} routine visit
 * events in a row ({@link SyntheticCase#routineVisitsAfter}: the same four kinds whatever the size).
 * Figures are per event ({@link OperationsPerInvocation}). The setup is not timed, but its
 * allocation is counted by {@code -prof gc}; the overhead benchmarks run the same setup and
 * measured loop without the engine call, so {@code apply − applyOverhead} is the engine's own time
 * and allocation, exactly for bytes (allocation is deterministic) and up to noise for time.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@State(Scope.Benchmark)
public class ApplyBenchmark {
  /** Events applied per invocation: two routine monthly visits. */
  static final int CHAIN = 8;

  /** The seed of the synthetic case. */
  static final long SEED = 20_240_108L;

  /** The case's history length before the measured event(s). */
  @Param({"5", "40", "200"})
  public int events;

  CaseId caseId;
  ImmutableList<PathwayEvent> history;
  Facts facts;
  ImmutableList<PathwayEvent> timeline;
  ImmutableList<PathwayEvent> next;
  ImmutableList<PathwayEvent> historyAndNext;

  /** Generates the case, its facts and the events that follow it. */
  @Setup(Level.Trial)
  public void generate() {
    SyntheticCase synthetic = SyntheticCase.generate(SEED, events);
    caseId = synthetic.caseId();
    history = synthetic.events();
    facts = synthetic.file().facts();
    timeline = facts.events().toList();
    next = synthetic.routineVisitsAfter(CHAIN / 4);
    historyAndNext = ImmutableList.<PathwayEvent>builder().addAll(history).add(next.get(0)).build();
  }

  /** Facts of the case that no one has extended yet (a fresh timeline over the same events). */
  @State(Scope.Thread)
  public static class FreshFacts {
    Facts facts;

    /**
     * Copies the case's facts with an unclaimed timeline. From a ready list, so the copy allocates
     * the same bytes however the JIT compiles it (which keeps {@code apply − applyOverhead} exact).
     */
    @Setup(Level.Invocation)
    public void copy(ApplyBenchmark bench) {
      facts = bench.facts.withEvents(Timeline.of(bench.timeline));
    }
  }

  /** A file of the case that no one has extended yet. */
  @State(Scope.Thread)
  public static class FreshFile {
    CaseFile file;

    /** Records the case's events into a new file. */
    @Setup(Level.Invocation)
    public void replay(ApplyBenchmark bench) {
      file = CaseFile.replay(bench.caseId, bench.history);
    }
  }

  /** The baseline: re-folds the whole history with the next event, as a late event or a correction does. */
  @Benchmark
  public Facts refold() {
    return Fold.fold(caseId, historyAndNext);
  }

  /** The incremental step, per event. */
  @Benchmark
  @OperationsPerInvocation(CHAIN)
  public Facts apply(FreshFacts fresh) {
    Facts f = fresh.facts;
    for (PathwayEvent event : next) {
      f = Fold.evolve(f, event);
    }
    return f;
  }

  /** The harness of {@link #apply} without the engine: the same setup and loop. */
  @Benchmark
  @OperationsPerInvocation(CHAIN)
  public Facts applyOverhead(FreshFacts fresh, Blackhole blackhole) {
    for (PathwayEvent event : next) {
      blackhole.consume(event);
    }
    return fresh.facts;
  }

  /** Recording end to end, per event. */
  @Benchmark
  @OperationsPerInvocation(CHAIN)
  public CaseFile record(FreshFile fresh) {
    CaseFile file = fresh.file;
    for (PathwayEvent event : next) {
      file = file.record(event);
    }
    return file;
  }

  /** The harness of {@link #record} without the engine: the same setup and loop. */
  @Benchmark
  @OperationsPerInvocation(CHAIN)
  public CaseFile recordOverhead(FreshFile fresh, Blackhole blackhole) {
    for (PathwayEvent event : next) {
      blackhole.consume(event);
    }
    return fresh.file;
  }
}
