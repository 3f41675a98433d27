package org.mentor.sim.result;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Writes the aggregate tables of one or more arms, one CSV file per table, each row led by its arm. */
final class AggregateCsv {
  private AggregateCsv() {}

  static void write(Path dir, List<SimulationResult> arms, List<PairedDifference> differences) {
    StringBuilder cascade = new StringBuilder("arm,step,numerator,denominator,proportion,lower_95,upper_95\n");
    StringBuilder milestones = new StringBuilder("arm,milestone,on_time,late,missed,open_at_end,cancelled\n");
    StringBuilder load = new StringBuilder("arm,month");
    for (LoadKind kind : LoadKind.values()) {
      load.append(',').append(kind.name().toLowerCase(java.util.Locale.ROOT));
    }
    load.append('\n');
    StringBuilder ages = new StringBuilder("arm,age_month,infections,cumulative_per_exposed\n");
    StringBuilder outcomes = new StringBuilder("arm,final_outcome,exposed_infants\n");
    StringBuilder indicators = new StringBuilder("arm,period,indicator,title,numerator,denominator,proportion,not_computed\n");
    StringBuilder resources = new StringBuilder("arm,resource,total,per_pair\n");
    for (SimulationResult r : arms) {
      String arm = Csv.field(r.arm());
      for (Proportion p : withTransmission(r)) {
        cascade.append(arm).append(',').append(Csv.field(p.name())).append(',').append(p.numerator()).append(',')
            .append(p.denominator()).append(',').append(Csv.number(p.estimate())).append(',').append(Csv.number(p.lower()))
            .append(',').append(Csv.number(p.upper())).append('\n');
      }
      for (MilestoneCompletion m : r.milestones()) {
        milestones.append(arm).append(',').append(m.ruleId()).append(',').append(m.onTime()).append(',').append(m.late())
            .append(',').append(m.missed()).append(',').append(m.openAtEnd()).append(',').append(m.cancelled()).append('\n');
      }
      MonthlyLoad l = r.load();
      for (int month = 0; month < l.months(); month++) {
        load.append(arm).append(',').append(l.firstMonth().plusMonths(month));
        for (LoadKind kind : LoadKind.values()) {
          load.append(',').append(l.get(kind, month));
        }
        load.append('\n');
      }
      long exposed = r.transmissionAtFinal().denominator();
      long cumulative = 0;
      for (int age = 0; age < r.infectionsByAgeMonth().size(); age++) {
        cumulative += r.infectionsByAgeMonth().get(age);
        ages.append(arm).append(',').append(age).append(',').append(r.infectionsByAgeMonth().get(age)).append(',')
            .append(Csv.number(exposed == 0 ? 0 : (double) cumulative / exposed)).append('\n');
      }
      for (IndicatorValue i : r.indicators()) {
        indicators.append(arm).append(',').append(Csv.field(i.period())).append(',').append(i.code()).append(',')
            .append(Csv.field(i.title())).append(',').append(i.numerator()).append(',')
            .append(i.denominator().map(String::valueOf).orElse("")).append(',')
            .append(i.proportion().map(Csv::number).orElse("")).append(',').append(i.notComputed()).append('\n');
      }
      for (Resource resource : Resource.values()) {
        resources.append(arm).append(',').append(resource.name().toLowerCase(java.util.Locale.ROOT)).append(',')
            .append(r.resources().total(resource)).append(',').append(Csv.number(r.resources().perPair(resource))).append('\n');
      }
      for (Map.Entry<String, Long> e : r.finalOutcomes().entrySet()) {
        outcomes.append(arm).append(',').append(e.getKey()).append(',').append(e.getValue()).append('\n');
      }
    }
    SimulationResult.writeFile(dir.resolve("cascade.csv"), cascade.toString());
    SimulationResult.writeFile(dir.resolve("milestones.csv"), milestones.toString());
    SimulationResult.writeFile(dir.resolve("monthly-load.csv"), load.toString());
    SimulationResult.writeFile(dir.resolve("infections-by-age.csv"), ages.toString());
    SimulationResult.writeFile(dir.resolve("final-outcomes.csv"), outcomes.toString());
    SimulationResult.writeFile(dir.resolve("indicators.csv"), indicators.toString());
    SimulationResult.writeFile(dir.resolve("resource-use.csv"), resources.toString());
    if (!differences.isEmpty()) {
      StringBuilder diff = new StringBuilder("outcome,pairs,arm_a,arm_b,difference,lower_95,upper_95,discordant_pairs\n");
      for (PairedDifference d : differences) {
        diff.append(Csv.field(d.outcome())).append(',').append(d.pairs()).append(',').append(Csv.number(d.armA()))
            .append(',').append(Csv.number(d.armB())).append(',').append(Csv.number(d.difference())).append(',')
            .append(Csv.number(d.lower())).append(',').append(Csv.number(d.upper())).append(',').append(d.discordant())
            .append('\n');
      }
      SimulationResult.writeFile(dir.resolve("paired-differences.csv"), diff.toString());
    }
  }

  private static List<Proportion> withTransmission(SimulationResult r) {
    java.util.ArrayList<Proportion> all = new java.util.ArrayList<>(r.cascade());
    all.add(r.transmissionAt6Weeks());
    all.add(r.transmissionAtFinal());
    return all;
  }
}
