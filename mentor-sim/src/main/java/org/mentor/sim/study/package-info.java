/**
 * The economics study {@code docs/simulation.md} reports, in one place for the docs, the script
 * {@code mentor-examples/scripts/economics.jsh} and the {@code mentor economics} command: a
 * calibration setting's two arms priced ({@code org.mentor.sim.economics}), with the probabilistic
 * sensitivity analysis and tornadoes ({@code org.mentor.sim.psa}).
 */
@NullMarked
package org.mentor.sim.study;

import org.jspecify.annotations.NullMarked;
