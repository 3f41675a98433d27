package org.mentor.sim.scenario;

import static java.util.Objects.requireNonNull;
import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/**
 * One scenario parameter: its path (as in a scenario file), its kind (which says how it is checked),
 * its default, its unit and where the default comes from.
 *
 * @param path the dotted path, such as {@code transmission.peripartum.artBeforePregnancy}
 * @param kind what kind of value it is, and so which rule checks it
 * @param defaultValue the default
 * @param unit the unit, or empty
 * @param meaning what the value means in the model
 * @param source the row of {@code shared/clinical/transmission.md} (or other table) the default comes
 *     from, with its confidence mark; "assumption" where no table gives a number
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record Parameter(String path, Kind kind, Object defaultValue, String unit, String meaning, String source) {
  public Parameter {
    requireNonNull(path, "path");
    requireNonNull(kind, "kind");
    requireNonNull(defaultValue, "defaultValue");
    requireNonNull(unit, "unit");
    requireNonNull(meaning, "meaning");
    requireNonNull(source, "source");
  }

  /** The kinds of value, each with the rule that checks it. */
  public enum Kind {
    /** A probability or share in [0, 1] (SIM-002). */
    PROBABILITY,
    /** A hazard per month, zero or more (SIM-006). */
    RATE,
    /** A ratio above zero (SIM-006). */
    RATIO,
    /** The cohort size, one or more (SIM-001). */
    SIZE,
    /** Whole days or months, one or more (SIM-007). */
    DURATION,
    /** A finite number; distribution parameters are checked together (SIM-003). */
    NUMBER,
    /** A 64-bit seed. */
    SEED,
    /** True or false. */
    FLAG,
    /** An ISO date. */
    DATE,
    /** Free text. */
    TEXT,
    /** A protocol id (SIM-005). */
    PROTOCOL,
    /** A transmission model name (SIM-011). */
    MODEL
  }
}
