/**
 * A simulated cohort described as data: {@link org.mentor.sim.scenario.Scenario} (builder or
 * {@link org.mentor.sim.scenario.ScenarioJson}), every parameter's default and source in
 * {@link org.mentor.sim.scenario.Parameters}, and the rules a scenario is checked against before
 * anything runs ({@link org.mentor.sim.scenario.SimRule}).
 */
@NullMarked
package org.mentor.sim.scenario;

import org.jspecify.annotations.NullMarked;
