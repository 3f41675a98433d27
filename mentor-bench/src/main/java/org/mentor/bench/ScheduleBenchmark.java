package org.mentor.bench;

import java.time.LocalDate;
import java.util.concurrent.TimeUnit;
import org.mentor.core.pathway.CaseState;
import org.mentor.core.pathway.Facts;
import org.mentor.core.pathway.Pathway;
import org.mentor.core.protocol.Protocol;
import org.mentor.core.schedule.Schedule;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A case's full milestone schedule as of a date, for cases of 5, 40 and 200 events: {@code
 * schedule} from an already evaluated state with the case's plan memoised (the steady state),
 * {@code scheduleCold} with the plan computed from scratch (the first schedule after a new event),
 * {@code evaluateAndSchedule} with the full evaluation, all against the same floor as {@link
 * EvaluateBenchmark} (every event touched once) in the same run. The date is two weeks after the
 * last event.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@State(Scope.Benchmark)
public class ScheduleBenchmark {
  /** The case's number of events. */
  @Param({"5", "40", "200"})
  public int events;

  Protocol protocol;
  Facts facts;
  CaseState state;
  LocalDate asOf;

  /** Generates, folds and evaluates the case. */
  @Setup(Level.Trial)
  public void generate() {
    SyntheticCase synthetic = SyntheticCase.generate(ApplyBenchmark.SEED, events);
    protocol = Protocol.who2021();
    facts = synthetic.file().facts();
    asOf = synthetic.lastDay().plusDays(14);
    state = Pathway.evaluate(protocol, facts, asOf);
  }

  /**
   * The schedule from an evaluated state, for a date after the case's last fact: after the first
   * call the case's plan is memoised, so this is the steady state of a daily due list.
   */
  @Benchmark
  public Schedule schedule() {
    return Schedule.of(protocol, facts, state);
  }

  /**
   * Equal facts instances of the case, each a version the memo has not planned: they are used in
   * turn, and the memo keeps one plan per case (the latest version's), so every call computes the
   * plan from scratch. Made before the trial, so their bytes are not counted per operation.
   */
  @State(Scope.Thread)
  public static class Cold {
    private static final int VERSIONS = 1024;
    private final Facts[] versions = new Facts[VERSIONS];
    private int next;

    /** Copies the facts into new instances (the memo knows a plan's facts by instance). */
    @Setup(Level.Trial)
    public void copy(ScheduleBenchmark benchmark) {
      for (int i = 0; i < VERSIONS; i++) {
        versions[i] = benchmark.facts.withEvents(benchmark.facts.events());
      }
    }

    Facts next() {
      Facts facts = versions[next];
      next = (next + 1) % VERSIONS;
      return facts;
    }
  }

  /** The first schedule of a case version (after a new event): the plan is computed from scratch. */
  @Benchmark
  public Schedule scheduleCold(Cold cold) {
    return Schedule.of(protocol, cold.next(), state);
  }

  /** Evaluation and schedule, as a due list would call them. */
  @Benchmark
  public Schedule evaluateAndSchedule() {
    return Schedule.of(protocol, facts, asOf);
  }

  /** The floor: touches every event once and nothing else. */
  @Benchmark
  public long floor() {
    return EvaluateBenchmark.touchEveryEvent(facts, asOf);
  }
}
