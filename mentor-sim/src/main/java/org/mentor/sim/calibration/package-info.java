/**
 * Calibration: which inputs were derived from which published figures
 * ({@link org.mentor.sim.calibration.CalibrationScenario}: every change from the defaults with its
 * kind — derived, setting, tuned — and why), and checks of the model against published outcomes
 * that were not used to derive them ({@link org.mentor.sim.calibration.Check}), read from
 * {@code calibration.json} and run by {@link org.mentor.sim.calibration.Calibration}.
 */
@NullMarked
package org.mentor.sim.calibration;

import org.jspecify.annotations.NullMarked;
