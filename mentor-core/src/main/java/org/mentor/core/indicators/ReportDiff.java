package org.mentor.core.indicators;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;
import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import com.google.common.collect.ImmutableList;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.apiguardian.api.API;
import org.mentor.core.CaseId;
import org.mentor.core.pathway.CaseFile;
import org.mentor.core.pathway.Enrolled;
import org.mentor.core.pathway.EventKind;
import org.mentor.core.pathway.PathwayEvent;
import org.mentor.core.pathway.Voided;
import org.mentor.core.registry.CaseRegistry;

/**
 * How two reports of one period differ, unit by unit, and why: typically the report submitted
 * (known as of its submission instant) against the current figure after late entries arrived.
 *
 * <p>Immutable and thread-safe.
 *
 * @param before the earlier report, not null
 * @param after the later report, not null
 * @param moves every unit that counts differently, by indicator then unit, not null
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record ReportDiff(IndicatorReport before, IndicatorReport after, ImmutableList<Move> moves) {
  public ReportDiff {
    requireNonNull(before, "before");
    requireNonNull(after, "after");
    moves = ImmutableList.copyOf(requireNonNull(moves, "moves"));
  }

  static ReportDiff between(CaseRegistry registry, IndicatorReport before, IndicatorReport after) {
    requireNonNull(registry, "registry");
    requireNonNull(before, "before");
    requireNonNull(after, "after");
    checkArgument(before.request().period().equals(after.request().period()), "the reports are of one period");
    Instant from = before.request().knownAsOf().orElse(Instant.MAX);
    Instant to = after.request().knownAsOf().orElse(Instant.MAX);
    Instant lo = from.isBefore(to) ? from : to;
    Instant hi = from.isBefore(to) ? to : from;
    boolean dateChanged = !before.request().evaluatedOn().equals(after.request().evaluatedOn());
    Map<CaseId, ImmutableList<RecordedChange>> recorded = new HashMap<>();
    List<Move> moves = new ArrayList<>();
    for (Indicator indicator : Indicator.values()) {
      if (!before.results().containsKey(indicator) || !after.results().containsKey(indicator)) {
        continue;
      }
      Map<Unit, Contribution> was = byUnit(before.result(indicator));
      Map<Unit, Contribution> is = byUnit(after.result(indicator));
      TreeSet<Unit> units = new TreeSet<>(was.keySet());
      units.addAll(is.keySet());
      for (Unit unit : units) {
        Optional<Contribution> b = Optional.ofNullable(was.get(unit));
        Optional<Contribution> a = Optional.ofNullable(is.get(unit));
        if (!b.equals(a)) {
          ImmutableList<RecordedChange> why = recorded.computeIfAbsent(unit.caseId(), id -> recordedBetween(registry, id, lo, hi));
          moves.add(new Move(indicator, unit, b, a, why, dateChanged));
        }
      }
    }
    return new ReportDiff(before, after, ImmutableList.copyOf(moves));
  }

  private static Map<Unit, Contribution> byUnit(IndicatorResult result) {
    Map<Unit, Contribution> map = new HashMap<>();
    result.contributions().forEach(c -> map.put(c.unit(), c));
    return map;
  }

  /** The case's events, and the mother's own events in her other cases, recorded in (lo, hi]. */
  private static ImmutableList<RecordedChange> recordedBetween(CaseRegistry registry, CaseId caseId, Instant lo, Instant hi) {
    if (!lo.isBefore(hi)) {
      return ImmutableList.of();
    }
    List<RecordedChange> changes = new ArrayList<>();
    CaseFile file = registry.file(caseId);
    add(changes, file, lo, hi, false);
    Optional<Enrolled> enrolled = file.facts().enrolment();
    if (enrolled.isPresent()) {
      for (CaseId sibling : registry.casesOf(enrolled.get().motherId())) {
        if (!sibling.equals(caseId)) {
          add(changes, registry.file(sibling), lo, hi, true);
        }
      }
    }
    changes.sort(Comparator.comparing(RecordedChange::recordedAt).thenComparing(c -> c.eventId().value()));
    return ImmutableList.copyOf(changes);
  }

  private static void add(List<RecordedChange> changes, CaseFile file, Instant lo, Instant hi, boolean maternalOnly) {
    for (PathwayEvent event : file.history()) {
      if (event.recordedAt().isAfter(lo) && !event.recordedAt().isAfter(hi)
          && (!maternalOnly || event.isMaternal() || (event.kind() == EventKind.VOIDED && voidsMaternal(file, event)))) {
        changes.add(RecordedChange.of(file.caseId(), event));
      }
    }
  }

  private static boolean voidsMaternal(CaseFile file, PathwayEvent voided) {
    return file.event(((Voided) voided).voids()).map(PathwayEvent::isMaternal).orElse(false);
  }

  /**
   * The moves of one indicator.
   *
   * @param indicator the indicator, not null
   * @return its moves, by unit
   */
  public ImmutableList<Move> moves(Indicator indicator) {
    requireNonNull(indicator, "indicator");
    return moves.stream().filter(m -> m.indicator() == indicator).collect(ImmutableList.toImmutableList());
  }

  /** A plain-text account: each indicator whose figure changed, then each move with its reason. */
  public String describe() {
    StringBuilder out = new StringBuilder();
    for (Indicator indicator : Indicator.values()) {
      if (!before.results().containsKey(indicator) || !after.results().containsKey(indicator)) {
        continue;
      }
      IndicatorResult b = before.result(indicator);
      IndicatorResult a = after.result(indicator);
      if (b.numerator() != a.numerator() || !b.denominator().equals(a.denominator())) {
        out.append(indicator.code()).append(": ").append(figure(b)).append(" -> ").append(figure(a)).append('\n');
      }
    }
    moves.forEach(m -> out.append("  ").append(m.describe()).append('\n'));
    return out.toString();
  }

  private static String figure(IndicatorResult result) {
    return result.numerator() + result.denominator().map(d -> "/" + d).orElse("");
  }
}
