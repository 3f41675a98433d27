package org.mentor.core.export;

import static java.util.Objects.requireNonNull;
import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.util.Optional;
import org.apiguardian.api.API;
import org.mentor.core.indicators.Csv;

/**
 * A de-identified cohort: one row per case, per infant and per effective event, and aggregate
 * tables after small-cell suppression. {@link #files()} gives them as CSV documents.
 *
 * <p>Immutable and thread-safe.
 *
 * @param study the study label the pseudonyms were derived for, not null
 * @param cases the cases, by pseudonym, not null
 * @param infants the infants, by case then infant pseudonym, not null
 * @param events the events, by case pseudonym then shifted date, not null
 * @param tables the aggregate tables, suppressed, not null
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record ExportedCohort(
    String study,
    ImmutableList<CaseRow> cases,
    ImmutableList<InfantRow> infants,
    ImmutableList<EventRow> events,
    ImmutableList<SuppressedTable> tables) {
  public ExportedCohort {
    requireNonNull(study, "study");
    cases = ImmutableList.copyOf(requireNonNull(cases, "cases"));
    infants = ImmutableList.copyOf(requireNonNull(infants, "infants"));
    events = ImmutableList.copyOf(requireNonNull(events, "events"));
    tables = ImmutableList.copyOf(requireNonNull(tables, "tables"));
  }

  /** Every table as a CSV document by file name: {@code cases.csv}, {@code infants.csv}, {@code events.csv}, then the aggregates. */
  public ImmutableMap<String, String> files() {
    ImmutableMap.Builder<String, String> files = ImmutableMap.builder();
    Csv c = new Csv().row("case", "mother", "facility", "protocol", "hiv_status_at_enrolment", "gestational_weeks_at_enrolment",
        "enrolled_on", "delivered_on", "live_births", "stillbirths", "phase");
    cases.forEach(r -> c.row(r.caseKey(), r.motherKey(), r.facilityKey(), r.protocol(), r.hivStatusAtEnrolment(),
        text(r.gestationalWeeksAtEnrolment()), r.enrolledOn().toString(), text(r.deliveredOn()), String.valueOf(r.liveBirths()),
        String.valueOf(r.stillbirths()), r.phase()));
    files.put("cases.csv", c.toString());
    Csv i = new Csv().row("infant", "case", "sex", "birth_weight_band", "risk_class", "hiv_status", "final_outcome", "age_at_outcome_months");
    infants.forEach(r -> i.row(r.infantKey(), r.caseKey(), r.sex(), text(r.birthWeightBand()), r.riskClass(), r.hivStatus(),
        text(r.finalOutcome()), text(r.ageAtOutcomeMonths())));
    files.put("infants.csv", i.toString());
    Csv e = new Csv().row("case", "subject", "kind", "date", "infant_age_months", "code", "value", "days");
    events.forEach(r -> e.row(r.caseKey(), r.subject(), r.kind(), r.date().toString(), text(r.infantAgeMonths()), text(r.code()),
        text(r.value()), text(r.days())));
    files.put("events.csv", e.toString());
    tables.forEach(t -> files.put(t.name() + ".csv", t.toCsv()));
    return files.build();
  }

  /**
   * One aggregate table.
   *
   * @param name its name, not null
   * @return the table
   * @throws IllegalArgumentException if there is no such table
   */
  public SuppressedTable table(String name) {
    requireNonNull(name, "name");
    return tables.stream().filter(t -> t.name().equals(name)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no table " + name));
  }

  private static String text(Optional<?> value) {
    return value.map(String::valueOf).orElse("");
  }
}
