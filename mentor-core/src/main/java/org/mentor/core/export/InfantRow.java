package org.mentor.core.export;

import static java.util.Objects.requireNonNull;
import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.Optional;
import org.apiguardian.api.API;

/**
 * One live-born infant in a research export: its pseudonym, coded values and coarsened quantities
 * (birth weight in 500 g bands, age at the final outcome in completed months). Its birth date is
 * the case's shifted delivery date.
 *
 * <p>Immutable and thread-safe.
 *
 * @param infantKey the infant's pseudonym, not null
 * @param caseKey the case's pseudonym, not null
 * @param sex FEMALE, MALE or UNDETERMINED, not null
 * @param birthWeightBand such as {@code 2500-2999} grams, if weighed, not null
 * @param riskClass HIGH or LOW on the export date, not null
 * @param hivStatus the infant's HIV status on the export date, not null
 * @param finalOutcome the final outcome category (infant.md §5), if reached by the export date, not null
 * @param ageAtOutcomeMonths completed months of age when the outcome was reached, not null
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record InfantRow(
    String infantKey,
    String caseKey,
    String sex,
    Optional<String> birthWeightBand,
    String riskClass,
    String hivStatus,
    Optional<String> finalOutcome,
    Optional<Integer> ageAtOutcomeMonths) {
  public InfantRow {
    requireNonNull(infantKey, "infantKey");
    requireNonNull(caseKey, "caseKey");
    requireNonNull(sex, "sex");
    requireNonNull(birthWeightBand, "birthWeightBand");
    requireNonNull(riskClass, "riskClass");
    requireNonNull(hivStatus, "hivStatus");
    requireNonNull(finalOutcome, "finalOutcome");
    requireNonNull(ageAtOutcomeMonths, "ageAtOutcomeMonths");
  }
}
