// Two arms of 100 000 mother-infant pairs on common random numbers: mentor mothers against none (South Africa 2023).
import java.nio.file.Path;
import org.mentor.sim.result.Charts;
import org.mentor.sim.run.Simulation;
import org.mentor.sim.scenario.Scenario;
int pairs = 100_000;
Path out = Path.of("target", "two-arms");
Scenario mentors = Scenario.builder().name("mentor mothers").pairs(pairs).seed(2025).protocol("ZA_2023").build();
Scenario none = mentors.toBuilder().name("no mentor").mentorSupport(false).build();
var comparison = Simulation.compare(mentors, none).threads(Runtime.getRuntime().availableProcessors()).runComparison();
System.out.println(comparison.table());
comparison.writeCsv(out);
Charts.write(comparison, out, Charts.Format.PNG);
System.out.println("CSV tables and PNG charts in " + out.toAbsolutePath());
/exit
