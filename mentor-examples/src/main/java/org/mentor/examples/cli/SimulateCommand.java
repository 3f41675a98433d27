package org.mentor.examples.cli;

import com.google.common.base.Stopwatch;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.mentor.sim.result.Charts;
import org.mentor.sim.result.MilestoneCompletion;
import org.mentor.sim.result.SimulationResult;
import org.mentor.sim.run.Simulation;
import org.mentor.sim.scenario.InvalidScenarioException;
import org.mentor.sim.scenario.Scenario;
import org.mentor.sim.scenario.ScenarioJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code mentor simulate}: a Monte Carlo cohort from a scenario file, through mentor-sim
 * ({@code docs/simulation.md}), with a progress bar; the tables as CSV and the charts as PNG in a folder.
 */
@Command(name = "simulate", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Simulates a cohort of mother-infant pairs described by a scenario file (docs/simulation.md): each "
        + "pair walked through the real engine and protocol, reproducibly (the same scenario and seed give the same "
        + "files on any machine and any number of threads). Prints the cascade and transmission with 95% intervals; "
        + "writes the scenario as run, the CSV tables and the PNG charts into a folder.",
        "A scenario that breaks a rule is refused before anything runs (exit 1, naming the parameter and the rule)."})
final class SimulateCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "SCENARIO_JSON",
      description = "The scenario: JSON nested along the parameters' paths; anything left out keeps its default "
          + "(mentor-examples/samples/scenario.json; every parameter in docs/simulation.md).")
  Path scenarioFile;

  @Option(names = "--pairs", paramLabel = "N", description = "Overrides the scenario's number of pairs.")
  Integer pairs;

  @Option(names = "--seed", paramLabel = "S", description = "Overrides the scenario's seed.")
  Long seed;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "The folder for the files (created if needed).")
  Path out;

  @Option(names = "--threads", paramLabel = "N", description = "Worker threads (default: the processors); results do not depend on it.")
  Integer threads;

  @Option(names = "--pair-csv", description = "Also write one row per pair, pairs.csv (large for big cohorts).")
  boolean pairCsv;

  @Mixin
  ProgressBars.Options progress;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    if (!Files.isRegularFile(scenarioFile)) {
      throw new BadUsage("SCENARIO_JSON: no such file: " + scenarioFile);
    }
    if (threads != null && threads < 1) {
      throw new BadUsage("--threads: " + threads + " is not 1 or more");
    }
    Scenario scenario;
    try {
      Scenario.Builder builder = ScenarioJson.read(scenarioFile).toBuilder();
      if (pairs != null) {
        builder.pairs(pairs);
      }
      if (seed != null) {
        builder.seed(seed);
      }
      scenario = builder.build();
    } catch (InvalidScenarioException e) {
      throw new Finding(scenarioFile.getFileName() + ": " + e.getMessage(), e);
    }
    PrintWriter print = spec.commandLine().getOut();
    Files.createDirectories(out);
    Files.writeString(out.resolve("scenario.json"), ScenarioJson.write(scenario) + "\n", StandardCharsets.UTF_8);
    Simulation simulation = Simulation.of(scenario);
    if (threads != null) {
      simulation.threads(threads);
    }
    Stopwatch watch = Stopwatch.createStarted();
    SimulationResult result;
    try (Writer pairRows = pairCsv ? Files.newBufferedWriter(out.resolve("pairs.csv"), StandardCharsets.UTF_8) : Writer.nullWriter();
        ProgressBars.Bar bar = progress.on(spec.commandLine().getErr()).open("Simulating", scenario.pairs(), "pairs")) {
      if (pairCsv) {
        simulation.pairCsv(pairRows); // header first, then one row per pair in pair order
      }
      result = simulation.onProgress(bar::stepTo).run();
    } catch (UncheckedIOException e) {
      throw new Finding(out + ": cannot be written: " + e.getCause().getMessage(), e);
    }
    long millis = Math.max(1, watch.elapsed(TimeUnit.MILLISECONDS));
    result.writeCsv(out);
    List<Path> charts = Charts.write(result, out, Charts.Format.PNG);
    print.printf(Locale.ROOT, "Simulated %,d pairs in %.1f s (%,.0f pairs/s), %,d events recorded through the engine%n%n",
        result.pairs(), millis / 1000.0, result.pairs() * 1000.0 / millis, result.events());
    print.print(result.table());
    print.println();
    Table milestones = new Table("MILESTONE", "ON TIME", "LATE", "MISSED", "OPEN AT END", "CANCELLED");
    for (MilestoneCompletion m : result.milestones()) {
      milestones.row(m.ruleId(), Long.toString(m.onTime()), Long.toString(m.late()), Long.toString(m.missed()),
          Long.toString(m.openAtEnd()), Long.toString(m.cancelled()));
    }
    milestones.print(print);
    print.println();
    try (var files = Files.list(out)) {
      print.printf("Files in %s: %s%n", out, String.join(", ", files.map(p -> p.getFileName().toString()).sorted().toList()));
    }
    print.flush();
    return MentorCli.OK;
  }
}
