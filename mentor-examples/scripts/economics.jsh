// Mentor-mother economics in the Uganda evaluation's setting: calibration checks, costs, benefit-cost ratios, PSA (docs/simulation.md).
import java.nio.file.Path;
import org.mentor.sim.calibration.Calibration;
import org.mentor.sim.psa.PsaCharts;
import org.mentor.sim.study.EconomicsStudy;
int probePairs = 20_000, enginePairs = 4_000, pairs = 2_000, draws = 50; long seed = 2025;
int threads = Runtime.getRuntime().availableProcessors();
Path out = Path.of("target", "economics");
System.out.println(Calibration.defaults().run(new Calibration.Sizes(probePairs, enginePairs, seed, threads)).table());
var study = new EconomicsStudy("uganda-2011-2014", pairs, draws, seed).threads(threads).run();
System.out.println(study.base().markdown());
var oneHazard = new EconomicsStudy("uganda-2011-2014-one-hazard", pairs, 1, seed).threads(threads).base(); // the sensitivity
System.out.println(EconomicsStudy.compare(new java.util.TreeMap<>(java.util.Map.of("uganda-2011-2014 (the basis: losses by period)",
    study.base(), "uganda-2011-2014-one-hazard (sensitivity: one constant hazard)", oneHazard))));
System.out.println(study.psa().table());
System.out.println(study.tornadoes().get(0).table(10));
study.write(out, PsaCharts.Format.PNG);
System.out.println("CSV tables and PNG charts in " + out.toAbsolutePath());
/exit
