package org.mentor.fhir.push;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;
import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import com.google.common.collect.ImmutableList;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apiguardian.api.API;
import org.mentor.core.CaseId;

/**
 * A {@link PushJournal} in memory: resumes within one process (after a server outage), forgets on exit. Thread-safe
 * (a push with concurrency above one records from several threads).
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class InMemoryPushJournal implements PushJournal {
  private record State(Optional<PushRecord> confirmed, ImmutableList<PushRecord> unconfirmed) {}

  private static final State EMPTY = new State(Optional.empty(), ImmutableList.of());

  private final Map<CaseId, State> states = new ConcurrentHashMap<>();
  private final Map<String, String> shared = new ConcurrentHashMap<>();

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

  /** The shared resources confirmed, in no particular order (for {@link FilePushJournal}'s compaction). */
  Map<String, String> sharedConfirmed() {
    return Map.copyOf(shared);
  }

  @Override
  public Optional<String> confirmedShared(String resource) {
    return Optional.ofNullable(shared.get(requireNonNull(resource, "resource")));
  }

  @Override
  public void confirmShared(String resource, String contentHash) {
    requireNonNull(resource, "resource");
    requireNonNull(contentHash, "contentHash");
    checkArgument(contentHash.matches("[0-9a-f]{64}"), "contentHash must be 64 lowercase hex digits");
    shared.put(resource, contentHash);
  }
}
