package org.mentor.core.export;

import static java.util.Objects.requireNonNull;
import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.time.LocalDate;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * One effective event (corrections applied, voids removed) in a research export: what happened,
 * to whom, on which shifted date, with its coded details only. Event ids, recording times, who
 * recorded it, regimen codes as typed and void reasons (free text) are never exported.
 *
 * <p>Immutable and thread-safe.
 *
 * @param caseKey the case's pseudonym, not null
 * @param subject {@code mother}, or the infant's pseudonym, not null
 * @param kind the event kind, such as {@code VIRAL_LOAD_RESULTED}, not null
 * @param date the clinical date, shifted, not null
 * @param infantAgeMonths for an infant event, the infant's completed months of age, not null
 * @param code the coded details, such as {@code NAT:NEGATIVE} or {@code INSTI}, not null
 * @param value a count, such as a viral load in copies/mL, not null
 * @param days an interval in days, such as sample to result, not null
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record EventRow(
    String caseKey,
    String subject,
    String kind,
    LocalDate date,
    Optional<Integer> infantAgeMonths,
    Optional<String> code,
    Optional<Integer> value,
    Optional<Integer> days) {
  public EventRow {
    requireNonNull(caseKey, "caseKey");
    requireNonNull(subject, "subject");
    requireNonNull(kind, "kind");
    requireNonNull(date, "date");
    requireNonNull(infantAgeMonths, "infantAgeMonths");
    requireNonNull(code, "code");
    requireNonNull(value, "value");
    requireNonNull(days, "days");
  }
}
