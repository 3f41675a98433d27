package org.mentor.sim.calibration;

import static java.util.Objects.requireNonNull;
import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/**
 * One parameter a calibration scenario changes from the defaults, and why.
 *
 * @param path the parameter's path
 * @param value the value (a number, whole number, true/false or text, as the parameter's kind asks)
 * @param kind whether the value was derived from a published figure, describes the setting, or was tuned
 * @param why the figure and formula it was derived from, or the reason for the setting or tuning
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record Change(String path, Object value, Kind kind, String why) {
  public Change {
    requireNonNull(path, "path");
    requireNonNull(value, "value");
    requireNonNull(kind, "kind");
    requireNonNull(why, "why");
  }

  /** How a value was arrived at. */
  public enum Kind {
    /** Computed from a published figure (which is then a fit, not a check). */
    DERIVED,
    /** Describes the setting being modelled (place, years, guideline in force), independent of any check. */
    SETTING,
    /** Changed to make the model do what its source says it should; the reason is written down. */
    TUNED
  }
}
