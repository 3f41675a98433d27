package org.mentor.bench;

import java.time.LocalDate;
import java.util.concurrent.TimeUnit;
import org.mentor.core.pathway.CaseFile;
import org.mentor.core.pathway.CaseState;
import org.mentor.core.pathway.Facts;
import org.mentor.core.pathway.Pathway;
import org.mentor.core.pathway.PathwayEvent;
import org.mentor.core.protocol.Protocol;
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
 * Evaluating a case of {@code events} events as of a date: {@code evaluate} is the full
 * table-driven replay ({@link Pathway#evaluate}); {@code fromCheckpoint} is what the facade does
 * for a date on or after the last event ({@link CaseFile#evaluate}: a memoised replay to the last
 * event, copied and advanced). Both against a floor that only reads the same events once. The date
 * is two weeks after the last event, a typical "today" for a due list.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@State(Scope.Benchmark)
public class EvaluateBenchmark {
  /** The case's number of events. */
  @Param({"5", "40", "200"})
  public int events;

  Protocol protocol;
  Facts facts;
  CaseFile file;
  LocalDate asOf;

  /** Generates and folds the case. */
  @Setup(Level.Trial)
  public void generate() {
    SyntheticCase synthetic = SyntheticCase.generate(ApplyBenchmark.SEED, events);
    protocol = Protocol.who2021();
    file = synthetic.file();
    facts = file.facts();
    asOf = synthetic.lastDay().plusDays(14);
    file.evaluate(protocol, asOf); // the case file memoises its checkpoint on first use
  }

  /** The evaluation. */
  @Benchmark
  public CaseState evaluate() {
    return Pathway.evaluate(protocol, facts, asOf);
  }

  /**
   * The evaluation as the facade does it for a date on or after the last event: from the case
   * file's memoised checkpoint, replaying only the days since.
   */
  @Benchmark
  public CaseState fromCheckpoint() {
    return file.evaluate(protocol, asOf);
  }

  /** The floor: touches every event once and nothing else. */
  @Benchmark
  public long floor() {
    return touchEveryEvent(facts, asOf);
  }

  /** The floor shared by the evaluation benchmarks: reads every event's date once, nothing else. */
  static long touchEveryEvent(Facts facts, LocalDate asOf) {
    long sum = asOf.toEpochDay();
    for (PathwayEvent event : facts.events()) {
      sum += event.occurredOn().toEpochDay();
    }
    return sum;
  }
}
