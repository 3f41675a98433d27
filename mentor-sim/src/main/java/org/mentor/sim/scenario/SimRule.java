package org.mentor.sim.scenario;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/**
 * Every rule a scenario (and the cost file, valuation and uncertainty ranges that go with it, SIM-013
 * to SIM-016) is checked against before anything runs, with a stable id that appears in exception
 * messages, {@code docs/simulation.md} and the rule's own test. Ids never change meaning.
 *
 * <p>These are the simulator's own rules: mentor-core's {@code org.mentor.core.Rule} is a closed
 * enum of clinical-data rules, so a scenario error is an {@link InvalidScenarioException}, shaped
 * like {@code MentorException} (field, rejected value, rule) rather than one of its subtypes.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public enum SimRule {
  COHORT_SIZE_POSITIVE("SIM-001", "a cohort has one or more pairs"),
  PROBABILITY_RANGE("SIM-002", "a probability or share lies between 0 and 1"),
  DISTRIBUTION_POSSIBLE("SIM-003", "a distribution's parameters are possible: finite numbers, a standard deviation above 0,"
      + " min below max, the mean within [min, max], bounds within the quantity's range (gestational age 0-45 weeks,"
      + " breastfeeding above 0 months), Beta shapes above 0"),
  SHARES_SUM_TO_ONE("SIM-004", "the shares of HIV and ART status at booking sum to 1"),
  PROTOCOL_UNKNOWN("SIM-005", "the protocol is a built-in protocol id (WHO_2021, WHO_2025, ZA_2023, KE_2022) or one given to the builder"),
  RATE_NON_NEGATIVE("SIM-006", "a hazard per month is zero or more, and a hazard ratio is above zero"),
  DURATION_POSITIVE("SIM-007", "a duration in days or months is one or more"),
  UNKNOWN_FIELD("SIM-008", "a scenario names only known parameters"),
  WRONG_TYPE("SIM-009", "a scenario is well-formed JSON and each parameter has its type (number, whole number, true/false, text, date)"),
  ARMS_NOT_COMPARABLE("SIM-010",
      "arms compared on common random numbers share the cohort size, seed, cohort start, enrolment period and follow-up"),
  VALUE_UNKNOWN("SIM-011", "a named choice is one of its listed values"),
  THRESHOLDS_ORDERED("SIM-012", "adherence.lowLevelFrom is at most adherence.suppressedFrom"),
  COST_FILE_WELL_FORMED("SIM-013", "a cost file is well-formed JSON naming every known cost once, each with a value, low, high,"
      + " price year, unit, source and confidence, and no unknown cost"),
  COST_POSSIBLE("SIM-014", "a cost is a finite number of zero or more with low <= value <= high, in a price year the deflator"
      + " covers"),
  VALUATION_POSSIBLE("SIM-015", "a valuation has a discount rate from 0 up to (not including) 1, a treatment horizon of 1 to 100"
      + " years and an annual mortality from 0 up to (not including) 1"),
  RANGE_HOLDS_POINT("SIM-016", "an uncertain parameter's range holds its point: low <= point <= high, low below high");

  private final String id;
  private final String description;

  SimRule(String id, String description) {
    this.id = id;
    this.description = description;
  }

  /** The stable id, such as {@code SIM-002}. */
  public String id() {
    return id;
  }

  /** What the rule requires, in the words the check uses. */
  public String description() {
    return description;
  }
}
