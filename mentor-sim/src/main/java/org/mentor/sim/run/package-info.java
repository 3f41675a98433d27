/**
 * Running a scenario: {@link org.mentor.sim.run.Simulation} walks every pair through a mentor-core
 * registry (the engine and protocol decide what is due; the walk draws attendance and outcomes),
 * in fixed chunks over worker threads, merging results in pair order. Everything else here is
 * package-private: the per-pair plan and random streams, the mother's course, infant infection,
 * the walk itself and the running totals.
 */
@NullMarked
package org.mentor.sim.run;

import org.jspecify.annotations.NullMarked;
