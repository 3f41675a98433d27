package org.mentor.core.indicators;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.mentor.core.CaseId;
import org.mentor.core.pathway.CaseFile;
import org.mentor.core.pathway.Enrolled;
import org.mentor.core.pathway.Facts;
import org.mentor.core.pathway.Fold;
import org.mentor.core.pathway.PathwayEvent;
import org.mentor.core.registry.CaseRegistry;

/**
 * A case's facts as the registry evaluates them: its own effective events known at an instant,
 * plus the mother's own events (ART, viral loads, tests) recorded through her other cases. The
 * registry builds the same facts for {@link CaseRegistry#state} but does not publish them; this
 * mirrors it from public parts ({@link CaseRegistry#casesOf}, {@link CaseFile#knownAsOf},
 * {@link Fold}), and a test pins that evaluating these facts gives the registry's state.
 */
final class CaseFacts {
  private CaseFacts() {}

  /**
   * The merged facts.
   *
   * @param registry the registry, not null
   * @param known the case's file as known at {@code knownAsOf} (enrolled), not null
   * @param knownAsOf the instant, or null for everything recorded
   * @return the facts
   */
  static Facts merged(CaseRegistry registry, CaseFile known, @Nullable Instant knownAsOf) {
    Enrolled enrolled = known.facts().enrolment().orElseThrow();
    List<CaseId> siblings = registry.casesOf(enrolled.motherId()).stream().filter(id -> !id.equals(known.caseId())).toList();
    if (siblings.isEmpty()) {
      return known.facts();
    }
    List<PathwayEvent> merged = new ArrayList<>();
    known.facts().events().forEach(merged::add);
    boolean any = false;
    for (CaseId sibling : siblings) {
      CaseFile other = registry.file(sibling);
      CaseFile seen = knownAsOf == null ? other : other.knownAsOf(knownAsOf);
      for (PathwayEvent event : seen.facts().events()) {
        if (event.isMaternal()) {
          merged.add(event);
          any = true;
        }
      }
    }
    if (!any) {
      return known.facts();
    }
    merged.sort(Fold.ORDER);
    return Fold.fold(known.caseId(), merged);
  }
}
