package org.mentor.fhir.push;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import com.google.common.collect.ImmutableList;
import java.util.Optional;
import org.apiguardian.api.API;
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
 * <p>Resources many cases share (a mentor's Practitioner and PractitionerRole) are written apart from the cases, once
 * per push, and remembered by their content hash ({@link #confirmedShared}, {@link #confirmShared}): an unchanged
 * shared resource is not sent again.
 *
 * <p>Implementations are thread-safe (cases are pushed concurrently, never one case from two threads) and durable as
 * far as they claim: {@link InMemoryPushJournal} for one process; {@link FilePushJournal} survives a crash.
 */
@API(status = EXPERIMENTAL, since = "0.1")
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

  /**
   * The content hash of a shared resource as the server last confirmed it.
   *
   * @param resource the resource, as {@code Type/id} with the mapping's deterministic id (never an identifier), not null
   * @return the hash, or empty if never confirmed
   */
  Optional<String> confirmedShared(String resource);

  /**
   * Records that the server confirmed a shared resource with this content. Need not be forced to disk before it
   * returns: losing it only means the resource is sent once more (idempotently).
   *
   * @param resource the resource, as {@code Type/id}, not null
   * @param contentHash the SHA-256 of its content, lowercase hex, not null
   */
  void confirmShared(String resource, String contentHash);
}
