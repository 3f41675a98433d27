package org.mentor.sim.calibration;

import static java.util.Objects.requireNonNull;
import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import com.google.common.collect.ImmutableList;
import org.apiguardian.api.API;
import org.mentor.sim.scenario.Scenario;

/**
 * A setting the model is calibrated in: the defaults with a few documented changes.
 *
 * <p>Immutable and thread-safe.
 *
 * @param id the id checks refer to, such as {@code uganda-2011-2014}
 * @param title what it describes
 * @param changes the parameters changed from the defaults, in order
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record CalibrationScenario(String id, String title, ImmutableList<Change> changes) {
  public CalibrationScenario {
    requireNonNull(id, "id");
    requireNonNull(title, "title");
    changes = ImmutableList.copyOf(changes);
  }

  /**
   * A builder holding the defaults with this setting's changes (the caller sets the size, seed,
   * name, protocol and mentor support).
   *
   * @return the builder
   * @throws org.mentor.sim.scenario.InvalidScenarioException if a change names an unknown parameter or
   *     a value of the wrong type
   */
  public Scenario.Builder builder() {
    Scenario.Builder b = Scenario.builder();
    for (Change c : changes) {
      b.set(c.path(), c.value());
    }
    return b;
  }

  /**
   * One arm of this setting.
   *
   * @param pairs the pairs
   * @param seed the seed
   * @param mentorSupport whether the arm has mentor-mother support
   * @return the scenario
   */
  public Scenario arm(int pairs, long seed, boolean mentorSupport) {
    return builder().name(id + (mentorSupport ? " mentor mothers" : " no mentor")).pairs(pairs).seed(seed)
        .mentorSupport(mentorSupport).build();
  }
}
