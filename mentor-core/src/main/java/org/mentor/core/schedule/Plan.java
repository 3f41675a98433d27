package org.mentor.core.schedule;

import com.google.common.collect.ImmutableList;
import java.lang.ref.WeakReference;
import java.time.LocalDate;
import org.mentor.core.CaseId;
import org.mentor.core.pathway.Facts;
import org.mentor.core.protocol.Protocol;

/**
 * A case's memoised plan: the protocol and facts instance it was made for, the day it holds from,
 * and its occurrences in schedule order. {@link #at} only classifies the states for a date.
 */
final class Plan {
  private final Protocol protocol;
  /** Weakly: the memo is keyed by the case id, which the facts hold, so a strong reference would keep both. */
  private final WeakReference<Facts> facts;
  final LocalDate stableFrom;
  private final Planned[] occurrences;
  /** Each occurrence's milestone as planned: the schedule on any date where no state changed. */
  private final ImmutableList<Milestone> asPlanned;

  Plan(Protocol protocol, Facts facts, LocalDate stableFrom, Planned[] occurrences) {
    this.protocol = protocol;
    this.facts = new WeakReference<>(facts);
    this.stableFrom = stableFrom;
    this.occurrences = occurrences;
    ImmutableList.Builder<Milestone> milestones = ImmutableList.builderWithExpectedSize(occurrences.length);
    for (Planned occurrence : occurrences) {
      milestones.add(occurrence.planned);
    }
    this.asPlanned = milestones.build();
  }

  /** Whether it was made for this protocol and this very facts instance. */
  boolean isFor(Protocol protocol, Facts facts) {
    return this.protocol == protocol && this.facts.get() == facts;
  }

  Schedule at(CaseId caseId, LocalDate asOf) {
    Milestone[] changed = null;
    for (int i = 0; i < occurrences.length; i++) {
      Milestone milestone = occurrences[i].at(asOf);
      if (milestone != asPlanned.get(i)) {
        if (changed == null) {
          changed = asPlanned.toArray(new Milestone[0]);
        }
        changed[i] = milestone;
      }
    }
    return new Schedule(caseId, asOf, changed == null ? asPlanned : ImmutableList.copyOf(changed));
  }
}
