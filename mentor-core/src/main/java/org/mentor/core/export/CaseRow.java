package org.mentor.core.export;

import static java.util.Objects.requireNonNull;
import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.time.LocalDate;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * One case (pregnancy) in a research export: pseudonyms, coded values, shifted dates and a
 * coarsened gestational age; no identifier, name, free text or real date.
 *
 * <p>Immutable and thread-safe.
 *
 * @param caseKey the case's pseudonym, not null
 * @param motherKey the mother's pseudonym (links her pregnancies), not null
 * @param facilityKey the enrolling facility's pseudonym, not null
 * @param protocol the protocol id and version, such as {@code WHO_2021@1}, not null
 * @param hivStatusAtEnrolment POSITIVE, NEGATIVE or UNKNOWN, not null
 * @param gestationalWeeksAtEnrolment completed weeks of gestation at enrolment, if the pregnancy is dated, not null
 * @param enrolledOn the enrolment date, shifted, not null
 * @param deliveredOn the delivery date, shifted, if delivered by the export date, not null
 * @param liveBirths live-born infants
 * @param stillbirths stillbirths
 * @param phase the case's phase on the export date, not null
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record CaseRow(
    String caseKey,
    String motherKey,
    String facilityKey,
    String protocol,
    String hivStatusAtEnrolment,
    Optional<Integer> gestationalWeeksAtEnrolment,
    LocalDate enrolledOn,
    Optional<LocalDate> deliveredOn,
    int liveBirths,
    int stillbirths,
    String phase) {
  public CaseRow {
    requireNonNull(caseKey, "caseKey");
    requireNonNull(motherKey, "motherKey");
    requireNonNull(facilityKey, "facilityKey");
    requireNonNull(protocol, "protocol");
    requireNonNull(hivStatusAtEnrolment, "hivStatusAtEnrolment");
    requireNonNull(gestationalWeeksAtEnrolment, "gestationalWeeksAtEnrolment");
    requireNonNull(enrolledOn, "enrolledOn");
    requireNonNull(deliveredOn, "deliveredOn");
    requireNonNull(phase, "phase");
  }
}
