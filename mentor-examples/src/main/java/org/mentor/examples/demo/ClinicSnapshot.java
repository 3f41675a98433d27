package org.mentor.examples.demo;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSortedMap;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.mentor.core.CaseId;
import org.mentor.core.pathway.ArtStatus;
import org.mentor.core.pathway.CaseState;
import org.mentor.core.pathway.Codes.HivStatus;
import org.mentor.core.pathway.Codes.InfantTestType;
import org.mentor.core.pathway.FinalOutcome;
import org.mentor.core.pathway.InfantState;
import org.mentor.core.pathway.Phase;
import org.mentor.core.pathway.Retention;
import org.mentor.core.pathway.ViralLoadStatus;
import org.mentor.core.registry.CaseRegistry;
import org.mentor.core.registry.CaseView;
import org.mentor.core.schedule.Milestone;

/**
 * A clinic on one day, read off the engine's own evaluation of every case: how many cases are at
 * each stage, the care cascade, and the monthly workload of milestones. Every figure counts an
 * engine state (phase, ART, viral load, retention, an infant's tests and final outcome, each
 * milestone's state); nothing here re-derives a clinical rule.
 *
 * @param asOf the day
 * @param phases cases by phase
 * @param cascade the cascade's steps, in order
 * @param workload milestones by the month they fall due, from {@value #MONTHS_BACK} months back to
 *     {@value #MONTHS_AHEAD} ahead, each month's milestones by what became of them as of the day
 */
public record ClinicSnapshot(LocalDate asOf, ImmutableSortedMap<Phase, Integer> phases, ImmutableList<Step> cascade,
    ImmutableSortedMap<YearMonth, ImmutableSortedMap<Workload, Integer>> workload) {
  /** Months of workload before the day's month. */
  public static final int MONTHS_BACK = 11;
  /** Months of workload after the day's month. */
  public static final int MONTHS_AHEAD = 2;

  public ClinicSnapshot {
    requireNonNull(asOf, "asOf");
    phases = ImmutableSortedMap.copyOf(phases);
    cascade = ImmutableList.copyOf(cascade);
    workload = ImmutableSortedMap.copyOf(workload);
  }

  /**
   * One step of the cascade.
   *
   * @param name what is counted
   * @param count how many
   * @param of the step it is a share of, if any
   */
  public record Step(String name, int count, Optional<Step> of) {
    public Step {
      requireNonNull(name, "name");
      requireNonNull(of, "of");
    }

    /** The share of the step it is drawn from, if any (and that step is not empty). */
    public Optional<Double> share() {
      return of.filter(base -> base.count() > 0).map(base -> (double) count / base.count());
    }
  }

  /** What became of a milestone as of the day (a cancelled one is no work and is not counted). */
  public enum Workload {
    /** Met within its window. */
    DONE("done"),
    /** Its window has opened and it is not met: due, late or overdue. */
    OPEN("due, late or overdue"),
    /** Closed unmet. */
    MISSED("missed"),
    /** Its window has not opened yet. */
    UPCOMING("upcoming");

    private final String label;

    Workload(String label) {
      this.label = label;
    }

    /** How the report names it. */
    public String label() {
      return label;
    }
  }

  /**
   * Evaluates every case of a registry as of a day.
   *
   * @param registry the clinic, not null
   * @param asOf the day, not null
   * @return the snapshot
   */
  public static ClinicSnapshot of(CaseRegistry registry, LocalDate asOf) {
    requireNonNull(registry, "registry");
    requireNonNull(asOf, "asOf");
    Map<Phase, Integer> phases = new EnumMap<>(Phase.class);
    int cases = 0;
    int living = 0;
    int onArt = 0;
    int withResult = 0;
    int suppressed = 0;
    int interrupted = 0;
    int exposed = 0;
    int twoMonthsOld = 0;
    int natBy2Months = 0;
    int finalOutcome = 0;
    int positive = 0;
    YearMonth first = YearMonth.from(asOf).minusMonths(MONTHS_BACK);
    YearMonth last = YearMonth.from(asOf).plusMonths(MONTHS_AHEAD);
    Map<YearMonth, Map<Workload, Integer>> workload = new TreeMap<>();
    for (YearMonth m = first; !m.isAfter(last); m = m.plusMonths(1)) {
      Map<Workload, Integer> month = new EnumMap<>(Workload.class);
      for (Workload w : Workload.values()) {
        month.put(w, 0);
      }
      workload.put(m, month);
    }
    for (CaseId id : registry.caseIds()) {
      CaseView view = registry.view(id, asOf, null);
      CaseState state = view.state();
      cases++;
      phases.merge(state.phaseStatus(), 1, Integer::sum);
      if (state.mother().hivStatus() == HivStatus.POSITIVE) {
        living++;
        if (state.mother().retentionStatus() == Retention.INTERRUPTED) {
          interrupted++;
        }
        if (state.mother().artStatus() == ArtStatus.ON_ART) {
          onArt++;
          if (state.mother().latestViralLoad().isPresent()) {
            withResult++;
            if (state.mother().viralLoadStatus() == ViralLoadStatus.SUPPRESSED) {
              suppressed++;
            }
          }
        }
        for (InfantState infant : state.infants()) {
          exposed++;
          LocalDate twoMonths = infant.bornOn().plusMonths(2);
          if (!twoMonths.isAfter(asOf)) {
            twoMonthsOld++;
            if (infant.tests().stream().anyMatch(t -> t.testType() == InfantTestType.NAT && !t.occurredOn().isAfter(twoMonths))) {
              natBy2Months++;
            }
          }
          if (infant.outcome().isPresent()) {
            finalOutcome++;
            if (infant.outcome().get().category() == FinalOutcome.Category.HIV_POSITIVE) {
              positive++;
            }
          }
        }
      }
      for (Milestone m : view.schedule().milestones()) {
        Map<Workload, Integer> month = workload.get(YearMonth.from(m.due()));
        Optional<Workload> kind = workload(m);
        if (month != null && kind.isPresent()) {
          month.merge(kind.get(), 1, Integer::sum);
        }
      }
    }
    Step enrolled = new Step("pregnancies enrolled", cases, Optional.empty());
    Step living1 = new Step("mothers living with HIV", living, Optional.of(enrolled));
    Step art = new Step("on ART", onArt, Optional.of(living1));
    Step result = new Step("on ART with a viral-load result", withResult, Optional.of(art));
    Step vls = new Step("latest viral load suppressed", suppressed, Optional.of(result));
    Step iit = new Step("mothers in interruption of treatment", interrupted, Optional.of(living1));
    Step hei = new Step("HIV-exposed infants born", exposed, Optional.empty());
    Step old = new Step("exposed infants 2 months or older", twoMonthsOld, Optional.of(hei));
    Step nat = new Step("tested by NAT by 2 months of age", natBy2Months, Optional.of(old));
    Step fo = new Step("exposed infants with a final outcome", finalOutcome, Optional.of(hei));
    Step pos = new Step("final outcome HIV-positive", positive, Optional.of(fo));
    ImmutableSortedMap.Builder<YearMonth, ImmutableSortedMap<Workload, Integer>> months = ImmutableSortedMap.naturalOrder();
    workload.forEach((m, counts) -> months.put(m, ImmutableSortedMap.copyOf(counts)));
    return new ClinicSnapshot(asOf, ImmutableSortedMap.copyOf(phases),
        ImmutableList.of(enrolled, living1, art, result, vls, iit, hei, old, nat, fo, pos), months.build());
  }

  private static Optional<Workload> workload(Milestone m) {
    return switch (m.state()) {
      case DONE -> Optional.of(Workload.DONE);
      case DUE, LATE, OVERDUE -> Optional.of(Workload.OPEN);
      case MISSED -> Optional.of(Workload.MISSED);
      case UPCOMING -> Optional.of(Workload.UPCOMING);
      case CANCELLED -> Optional.empty();
    };
  }
}
