package org.mentor.sim.psa;

import static java.util.Objects.requireNonNull;
import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import com.google.common.collect.ImmutableMap;
import org.apiguardian.api.API;

/**
 * One draw of a probabilistic sensitivity analysis: the inputs drawn and the outputs they gave.
 *
 * @param index the draw's index (its random numbers come from the analysis seed and this index)
 * @param inputs each uncertain input's drawn value, by name, in the order of the inputs
 * @param outputs each output's value (NaN when a draw has none, such as a cost per infection averted
 *     with none averted)
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record Draw(int index, ImmutableMap<String, Double> inputs, ImmutableMap<Output, Double> outputs) {
  public Draw {
    inputs = ImmutableMap.copyOf(requireNonNull(inputs, "inputs"));
    outputs = ImmutableMap.copyOf(requireNonNull(outputs, "outputs"));
  }
}
