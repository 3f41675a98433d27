package org.mentor.fhir.push;

import com.google.common.collect.ImmutableList;
import java.util.Optional;
import org.mentor.core.CaseId;

/**
 * What the server confirmed, per case, and what was sent without a confirmation: the push's memory across runs.
 *
 * <p>The push calls {@link #sending} before each request and {@link #confirmed} after the server's answer. A request
 * whose answer never came (the process died, the connection was cut after the request went out) stays
 * {@linkplain #unconfirmed unconfirmed}: the server may or may not hold it. The next push therefore sends the case
 * again (every write is idempotent) and withdraws everything any unconfirmed attempt may have written that the case no
 * longer has.
 *
 * <p>Implementations are thread-safe (cases are pushed concurrently, never one case from two threads) and durable as
 * far as they claim: {@link InMemoryPushJournal} for one process; {@link FilePushJournal} survives a crash.
 */
public interface PushJournal {
  /**
   * The last push of a case the server confirmed.
   *
   * @param caseId the case, not null
   * @return the record, or empty if never confirmed
   */
  Optional<PushRecord> confirmed(CaseId caseId);

  /**
   * The pushes of a case sent since its last confirmation and never confirmed, oldest first.
   *
   * @param caseId the case, not null
   * @return the records, possibly empty
   */
  ImmutableList<PushRecord> unconfirmed(CaseId caseId);

  /**
   * Records that a push of a case is about to be sent. Must be durable before it returns.
   *
   * @param caseId the case, not null
   * @param record what is sent, not null
   */
  void sending(CaseId caseId, PushRecord record);

  /**
   * Records that the server confirmed a push of the case (or that the case, mapped again, still equals what it
   * confirmed): it becomes the case's {@link #confirmed} record and clears its {@link #unconfirmed} ones.
   *
   * @param caseId the case, not null
   * @param record what the server holds, not null
   */
  void confirm(CaseId caseId, PushRecord record);
}
