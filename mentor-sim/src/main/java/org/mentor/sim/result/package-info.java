/**
 * What a simulation gives: {@link org.mentor.sim.result.SimulationResult} (cascade, transmission with
 * exact intervals, milestone completion, monthly load), {@link org.mentor.sim.result.ArmComparison}
 * with paired differences, per-pair rows ({@link org.mentor.sim.result.PairOutcome}), CSV files and
 * XChart charts ({@link org.mentor.sim.result.Charts}).
 */
@NullMarked
package org.mentor.sim.result;

import org.jspecify.annotations.NullMarked;
