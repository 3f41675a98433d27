package org.mentor.examples.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.mentor.sim.calibration.Calibration;
import org.mentor.sim.economics.CostBenefit;
import org.mentor.sim.psa.PsaCharts;
import org.mentor.sim.study.EconomicsStudy;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code mentor economics}: the economics of mentor-mother support in a calibration setting
 * (docs/simulation.md, Economics): the study {@code scripts/economics.jsh} runs, from the command line.
 */
@Command(name = "economics", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"The economics of mentor-mother support (docs/simulation.md): costs, infections averted and "
        + "benefit-cost ratios of two simulated arms, with and without mentor mothers.",
        "The arms run on common random numbers and are priced with transmission.md §9's unit costs: each arm's resource "
            + "use and cost, the infections averted, the cost per infection averted, the benefit-cost ratio of C26 beside "
            + "the published 11.40, and a full-system ratio that adds the ART, tests and visits better retention causes.",
        "With --draws, a probabilistic sensitivity analysis (median and 95 % interval of each output) and the tornado of "
            + "the ratio; with --calibration, the calibration checks first. The same options give the same figures on any "
            + "machine and thread count. Simulated pairs, no patient data."})
final class EconomicsCommand implements Callable<Integer> {
  @Option(names = "--setting", paramLabel = "SETTING", defaultValue = "uganda-2011-2014",
      description = "A calibration setting of docs/simulation.md: uganda-2011-2014 (the default), uganda-2011-2014-one-hazard (its "
          + "sensitivity with one constant loss hazard) or m2m-2014-2018.")
  String setting;

  @Option(names = "--pairs", paramLabel = "N", defaultValue = "2000", description = "Pairs per arm (default 2000).")
  int pairs;

  @Option(names = "--draws", paramLabel = "S", defaultValue = "0",
      description = "Draws of the probabilistic sensitivity analysis; 0 (the default) prices the two arms only.")
  int draws;

  @Option(names = "--seed", paramLabel = "SEED", defaultValue = "2025", description = "The seed (default 2025).")
  long seed;

  @Option(names = "--calibration", description = "Run the calibration checks first (20000 pairs per arm for retention, "
      + "--pairs through the engine).")
  boolean calibration;

  @Option(names = "--threads", paramLabel = "N", description = "Worker threads (default: the processors). The figures do "
      + "not depend on it.")
  Integer threads;

  @Option(names = "--out", paramLabel = "DIR", description = "Write the CSV tables (and, with --draws, the PNG charts) "
      + "into this directory.")
  Path out;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    if (pairs < 1) {
      throw new BadUsage("--pairs: " + pairs + " is not a number of pairs (1 or more)");
    }
    if (draws < 0) {
      throw new BadUsage("--draws: " + draws + " is not a number of draws (0 or more)");
    }
    if (!Calibration.defaults().scenarios().containsKey(setting)) {
      throw new BadUsage("--setting: unknown setting '" + setting + "' (known: "
          + String.join(", ", Calibration.defaults().scenarios().keySet()) + ")");
    }
    int workers = threads != null ? threads : Math.max(1, Runtime.getRuntime().availableProcessors());
    if (workers < 1) {
      throw new BadUsage("--threads: " + workers + " is not a number of threads (1 or more)");
    }
    PrintWriter printed = spec.commandLine().getOut();
    if (calibration) {
      printed.println(Calibration.defaults().run(new Calibration.Sizes(20_000, pairs, seed, workers)).table());
    }
    EconomicsStudy study = new EconomicsStudy(setting, pairs, Math.max(1, draws), seed).threads(workers);
    if (draws == 0) {
      CostBenefit base = study.base();
      printed.print(base.table());
      if (out != null) {
        base.writeCsv(out);
        printed.println("CSV tables in " + out);
      }
    } else {
      EconomicsStudy.Result result = study.run();
      printed.print(result.base().table());
      printed.println();
      printed.print(result.psa().table());
      printed.println();
      printed.print(result.tornadoes().get(0).table(10));
      if (out != null) {
        result.write(out, PsaCharts.Format.PNG);
        printed.println(String.format(Locale.ROOT, "%nCSV tables and PNG charts in %s", out));
      }
    }
    printed.flush();
    return MentorCli.OK;
  }
}
