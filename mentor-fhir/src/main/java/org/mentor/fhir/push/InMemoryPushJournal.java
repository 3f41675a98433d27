package org.mentor.fhir.push;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.mentor.core.CaseId;

/** A {@link PushJournal} in memory: resumes within one process (after a server outage), forgets on exit. */
public final class InMemoryPushJournal implements PushJournal {
  private record State(Optional<PushRecord> confirmed, ImmutableList<PushRecord> unconfirmed) {}

  private static final State EMPTY = new State(Optional.empty(), ImmutableList.of());

  private final Map<CaseId, State> states = new ConcurrentHashMap<>();

  @Override
  public Optional<PushRecord> confirmed(CaseId caseId) {
    return states.getOrDefault(requireNonNull(caseId, "caseId"), EMPTY).confirmed();
  }

  @Override
  public ImmutableList<PushRecord> unconfirmed(CaseId caseId) {
    return states.getOrDefault(requireNonNull(caseId, "caseId"), EMPTY).unconfirmed();
  }

  @Override
  public void sending(CaseId caseId, PushRecord record) {
    requireNonNull(record, "record");
    states.compute(requireNonNull(caseId, "caseId"), (id, s) -> {
      State state = s == null ? EMPTY : s;
      if (state.unconfirmed().contains(record)) {
        return state;
      }
      return new State(state.confirmed(), ImmutableList.<PushRecord>builder().addAll(state.unconfirmed()).add(record).build());
    });
  }

  @Override
  public void confirm(CaseId caseId, PushRecord record) {
    requireNonNull(record, "record");
    states.put(requireNonNull(caseId, "caseId"), new State(Optional.of(record), ImmutableList.of()));
  }
}
