package org.mentor.core.registry;

import static org.apiguardian.api.API.Status.STABLE;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.apiguardian.api.API;
import org.mentor.core.CaseId;
import org.mentor.core.VersionConflictException;
import org.mentor.core.pathway.PathwayEvent;

/**
 * Where a registry keeps its cases' events. The registry holds nothing that cannot be rebuilt from
 * its store: each case is the list of events accepted for it, in the order they were accepted.
 * {@link InMemoryCaseStore} is the default; {@code mentor-store-jdbc} keeps events in SQL, and an
 * EMR may keep them in its own database by implementing this interface.
 *
 * <p>Implementations are thread-safe. The registry validates events before it appends them, so a
 * store checks only what concurrency needs: the expected version.
 */
@API(status = STABLE, since = "0.1")
public interface CaseStore {
  /**
   * Appends events to a case atomically: all of them or none.
   *
   * @param caseId the case, not null
   * @param expectedVersion the case's version before the append (0 for a new case); a case's
   *     version is the number of events stored for it
   * @param events the events, in the order accepted, not null or empty
   * @return the case's version after the append
   * @throws VersionConflictException if the stored version is not {@code expectedVersion} (another
   *     writer got there first, or the case exists when 0 was expected); nothing is written
   */
  long append(CaseId caseId, long expectedVersion, List<PathwayEvent> events);

  /**
   * Loads a case.
   *
   * @param caseId the case, not null
   * @return its events and version, or empty if the store has no such case
   */
  Optional<StoredCase> load(CaseId caseId);

  /**
   * Streams every case to an action, one at a time, so a registry can rebuild in bounded memory.
   *
   * @param action called once per case, not null
   */
  void forEach(Consumer<StoredCase> action);

  /**
   * The cases changed after a cursor, in the order their changes committed, for a second registry
   * on the same store and for FHIR sync. A reader that advances to {@link ChangedCases#next()} never
   * misses a change that commits later.
   *
   * @param after the cursor read last time, or {@link StoreCursor#START}
   * @param limit the most cases to return, positive
   * @return the cases (each at most once) and the cursor to read from next time
   */
  ChangedCases changedSince(StoreCursor after, int limit);
}
