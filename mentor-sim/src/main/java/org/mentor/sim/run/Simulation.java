package org.mentor.sim.run;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;
import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongConsumer;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;
import org.mentor.core.pathway.PathwayEvent;
import org.mentor.sim.result.ArmComparison;
import org.mentor.sim.result.PairOutcome;
import org.mentor.sim.result.SimulationResult;
import org.mentor.sim.scenario.InvalidScenarioException;
import org.mentor.sim.scenario.Scenario;
import org.mentor.sim.scenario.SimRule;

/**
 * Runs a simulated cohort through the real engine: each pair is walked against a mentor-core
 * {@code CaseRegistry} under the scenario's protocol, in parallel, reproducibly (the same seed gives
 * byte-identical output on any machine and any number of threads), and streaming (memory does not
 * grow with the cohort).
 *
 * <pre>{@code
 * SimulationResult result = Simulation.of(scenario).threads(2).run();
 * ArmComparison mentors = Simulation.compare(withMentors, withoutMentors).pairCsv(writer).runComparison();
 * }</pre>
 *
 * <p>A simulation is configured, then run once per {@code run…} call; not thread-safe itself (it
 * uses its own worker threads).
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class Simulation {
  private final ImmutableList<Scenario> arms;
  private int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
  private @Nullable Appendable pairCsv;
  private @Nullable LongConsumer progress;
  private boolean indicators = true;

  private Simulation(List<Scenario> arms) {
    this.arms = ImmutableList.copyOf(arms);
  }

  /**
   * One arm.
   *
   * @param scenario the scenario, not null
   * @return the simulation
   */
  public static Simulation of(Scenario scenario) {
    return new Simulation(List.of(requireNonNull(scenario, "scenario")));
  }

  /**
   * Two arms on the same pairs with common random numbers: pair i of both arms draws from the same
   * streams, so differences come from what the arms change, not from chance alone.
   *
   * @param a the first arm, not null
   * @param b the second arm, not null
   * @return the simulation
   * @throws InvalidScenarioException if the arms differ in size, seed, cohort start, enrolment period
   *     or follow-up (SIM-010), or share a name
   */
  public static Simulation compare(Scenario a, Scenario b) {
    requireNonNull(a, "a");
    requireNonNull(b, "b");
    for (String path : List.of("pairs", "seed", "cohortStart", "enrolmentDays", "followUpMonths")) {
      if (!a.values().get(path).equals(b.values().get(path))) {
        throw new InvalidScenarioException(path, a.values().get(path) + " vs " + b.values().get(path),
            SimRule.ARMS_NOT_COMPARABLE);
      }
    }
    if (a.name().equals(b.name())) {
      throw new InvalidScenarioException("name", a.name(), SimRule.ARMS_NOT_COMPARABLE);
    }
    return new Simulation(List.of(a, b));
  }

  /**
   * The number of worker threads (default: the available processors). Results do not depend on it.
   *
   * @param threads one or more
   * @return this simulation
   */
  public Simulation threads(int threads) {
    checkArgument(threads > 0, "threads must be positive");
    this.threads = threads;
    return this;
  }

  /**
   * Where to write one CSV row per pair and arm ({@link PairOutcome#csvHeader()}), in pair order, as
   * the run goes.
   *
   * @param out the destination, not null; not closed
   * @return this simulation
   */
  public Simulation pairCsv(Appendable out) {
    this.pairCsv = requireNonNull(out, "out");
    return this;
  }

  /**
   * Called from the consuming thread after each chunk with the number of pairs finished.
   *
   * @param progress the callback, not null
   * @return this simulation
   */
  public Simulation onProgress(LongConsumer progress) {
    this.progress = requireNonNull(progress, "progress");
    return this;
  }

  /**
   * Whether to compute the core's indicators on the simulated cases (default on). They cost about a
   * fifth of a pair's time: every case is evaluated again as of each period's cut-off.
   *
   * @param on whether to compute them
   * @return this simulation
   */
  public Simulation indicators(boolean on) {
    this.indicators = on;
    return this;
  }

  /**
   * Runs the one arm.
   *
   * @return the result
   * @throws IllegalStateException if this simulation compares two arms
   */
  public SimulationResult run() {
    checkArgument(arms.size() == 1, "a comparison runs with runComparison()");
    return new Runner(arms, threads, pairCsv, progress, indicators).run().results().get(0);
  }

  /**
   * Runs both arms.
   *
   * @return both results and their paired differences
   * @throws IllegalStateException if this simulation has one arm
   */
  public ArmComparison runComparison() {
    checkArgument(arms.size() == 2, "one arm runs with run()");
    Runner.Outcome outcome = new Runner(arms, threads, pairCsv, progress, indicators).run();
    return new ArmComparison(outcome.results().get(0), outcome.results().get(1), outcome.paired().differences());
  }

  /**
   * One pair's events, batch by batch, exactly as the simulator records them through a fresh registry
   * (for inspection, and for benchmarks that replay the same events without the simulation logic).
   *
   * @param scenario the scenario, not null
   * @param pair the pair index, 0 or more and below the scenario's size
   * @return the batches, in recording order (the first holds only the enrolment)
   */
  public static ImmutableList<ImmutableList<PathwayEvent>> eventsOf(Scenario scenario, long pair) {
    requireNonNull(scenario, "scenario");
    checkArgument(pair >= 0 && pair < scenario.pairs(), "pair out of range");
    List<ImmutableList<PathwayEvent>> batches = new ArrayList<>();
    new PairWalk(scenario, Runner.registry(scenario), new Tally(scenario), b -> batches.add(ImmutableList.copyOf(b)))
        .walk(pair);
    return ImmutableList.copyOf(batches);
  }
}
