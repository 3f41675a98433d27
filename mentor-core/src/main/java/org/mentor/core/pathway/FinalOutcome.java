package org.mentor.core.pathway;

import static java.util.Objects.requireNonNull;
import static org.apiguardian.api.API.Status.STABLE;

import java.time.LocalDate;
import org.apiguardian.api.API;

/**
 * An infant's final outcome (infant.md §5, F2–F7), dated.
 *
 * <p>Immutable and thread-safe.
 *
 * @param category the outcome
 * @param on the date it was reached
 */
@API(status = STABLE, since = "0.1")
public record FinalOutcome(Category category, LocalDate on) {
  public FinalOutcome {
    requireNonNull(category, "category");
    requireNonNull(on, "on");
  }

  /** The outcome categories, with their row in infant.md §5. */
  public enum Category {
    /** F2: confirmed HIV-positive (linked to ART when an ART start is recorded). */
    HIV_POSITIVE("F2"),
    /** F3: HIV-negative, no longer breastfeeding (discharged). */
    HIV_NEGATIVE("F3"),
    /** F4: died without an HIV-positive diagnosis. */
    DIED("F4"),
    /** F5: lost to follow-up without a final status; reversible. */
    LOST_TO_FOLLOW_UP("F5"),
    /** F6: transferred out without a final status. */
    TRANSFERRED_OUT("F6"),
    /** F7: active in care but not tested by the final-test age (+ 28 days overdue). */
    NOT_TESTED_AT_FINAL_AGE("F7");

    private final String row;

    Category(String row) {
      this.row = row;
    }

    /** The row of infant.md §5 that defines it. */
    public String row() {
      return row;
    }
  }
}
