package org.mentor.sim.run;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.mentor.core.InfantId;
import org.mentor.core.pathway.CaseState;
import org.mentor.core.pathway.Codes.ProphylaxisRegimen;
import org.mentor.core.pathway.InfantState;
import org.mentor.core.pathway.ProphylaxisPlan;
import org.mentor.sim.result.LoadKind;
import org.mentor.sim.result.Resource;
import org.mentor.sim.result.ResourceUse;

/**
 * An arm's running resource totals (whole days and counts, so merging in any order gives the same
 * result). The day counts are worked out at the end of each walk from the pair's truth (losses,
 * deaths, ART start) and what the engine recorded (prophylaxis course, cotrimoxazole and infant ART
 * starts); tests and visits come from the monthly load. Not thread-safe: one per chunk and arm.
 */
final class ResourceCount {
  private final long[] days = new long[Resource.values().length];

  /** Adds one finished walk. */
  void add(PairPlan plan, MotherCourse mother, boolean mentorSupport, LocalDate end, CaseState state, InfantId[] infants,
      @Nullable LocalDate[] ctxStart, @Nullable LocalDate[] infantArtStart) {
    LocalDate motherEnd = min(end, plan.maternalDeath);
    if (mentorSupport) {
      add(Resource.MENTOR_CLIENT_DAYS, inCareDays(plan, plan.booking, motherEnd));
    }
    LocalDate art = mother.artStart();
    if (art != null) {
      add(Resource.MATERNAL_ART_DAYS, inCareDays(plan, art.isBefore(plan.booking) ? plan.booking : art, motherEnd));
    }
    for (int k = 0; k < infants.length; k++) {
      LocalDate infantEnd = min(end, plan.infantDeaths[k]);
      if (ctxStart[k] != null) {
        add(Resource.INFANT_CTX_DAYS, inCareDays(plan, ctxStart[k], infantEnd));
      }
      if (infantArtStart[k] != null) {
        add(Resource.INFANT_ART_DAYS, inCareDays(plan, infantArtStart[k], infantEnd));
      }
      InfantState infant = PairWalk.infantState(state, infants[k]);
      if (infant != null && infant.prophylaxis().startedOn().isPresent()) {
        prophylaxis(infant.prophylaxis(), infantEnd);
      }
    }
  }

  /**
   * A course as dispensed: from its start to its planned stop or its recorded stop, whichever is first
   * (a stop recorded at a late visit does not lengthen what was dispensed), else its minimum length;
   * the first phase on its regimen, the rest on the later one.
   */
  private void prophylaxis(ProphylaxisPlan p, LocalDate infantEnd) {
    LocalDate start = p.startedOn().orElseThrow();
    LocalDate stop = p.plannedStopOn().isPresent() && p.stoppedOn().isPresent()
        ? min(p.plannedStopOn().get(), p.stoppedOn().get())
        : p.plannedStopOn().or(p::stoppedOn).orElse(start.plusDays(p.plannedDays()));
    LocalDate end = min(stop, infantEnd);
    LocalDate switchOn = min(p.laterRegimen().isPresent() ? p.firstPhaseEndsOn().orElse(end) : end, end);
    add(regimenDays(p.regimen()), days(start, switchOn));
    p.laterRegimen().ifPresent(later -> add(regimenDays(later), days(switchOn, end)));
  }

  private static Resource regimenDays(ProphylaxisRegimen regimen) {
    return switch (regimen) {
      case NVP -> Resource.PROPHYLAXIS_NVP_DAYS;
      case AZT -> Resource.PROPHYLAXIS_AZT_DAYS;
      case AZT_NVP -> Resource.PROPHYLAXIS_AZT_NVP_DAYS;
      case THREE_DRUG -> Resource.PROPHYLAXIS_THREE_DRUG_DAYS;
    };
  }

  /** Days in [from, to) on which the mother is not lost to follow-up (the infant comes with her). */
  private static long inCareDays(PairPlan plan, LocalDate from, LocalDate to) {
    long total = days(from, to);
    for (PairPlan.Loss loss : plan.losses) {
      LocalDate back = loss.back() == null ? to : min(loss.back(), to);
      LocalDate onset = loss.onset().isBefore(from) ? from : loss.onset();
      total -= days(onset, back);
    }
    return Math.max(0, total);
  }

  private static long days(LocalDate from, LocalDate to) {
    return Math.max(0, to.toEpochDay() - from.toEpochDay());
  }

  private static LocalDate min(LocalDate a, @Nullable LocalDate b) {
    return b == null || a.isBefore(b) ? a : b;
  }

  private void add(Resource r, long n) {
    days[r.ordinal()] += n;
  }

  void merge(ResourceCount other) {
    for (int i = 0; i < days.length; i++) {
      days[i] += other.days[i];
    }
  }

  /** The totals, with the counted tests, visits and mentor contacts taken from the monthly load. */
  ResourceUse use(long pairs, long[][] load) {
    Map<Resource, Long> totals = new EnumMap<>(Resource.class);
    for (Resource r : Resource.values()) {
      totals.put(r, days[r.ordinal()]);
    }
    totals.put(Resource.CLINIC_VISITS, sum(load[LoadKind.CLINIC_VISITS.ordinal()]));
    totals.put(Resource.VIRAL_LOADS, sum(load[LoadKind.VIRAL_LOADS.ordinal()]));
    totals.put(Resource.NAT_TESTS, sum(load[LoadKind.NAT_TESTS.ordinal()]));
    totals.put(Resource.ANTIBODY_TESTS, sum(load[LoadKind.ANTIBODY_TESTS.ordinal()]));
    totals.put(Resource.MENTOR_CONTACTS, sum(load[LoadKind.MENTOR_CONTACTS.ordinal()]));
    return ResourceUse.of(pairs, totals);
  }

  private static long sum(long[] perMonth) {
    long s = 0;
    for (long v : perMonth) {
      s += v;
    }
    return s;
  }
}
