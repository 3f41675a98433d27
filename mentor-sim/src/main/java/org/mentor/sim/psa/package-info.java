/**
 * Probabilistic sensitivity analysis: parameters drawn from their ranges
 * ({@link org.mentor.sim.psa.Uncertain}; transmission.md's ranges where it gives one, otherwise a
 * documented default spread), each draw run on the same pairs (common random numbers), the spread
 * of the main outputs ({@link org.mentor.sim.psa.PsaResult}), and the one-way
 * {@link org.mentor.sim.psa.Tornado} of the benefit-cost ratio, charted with XChart
 * ({@link org.mentor.sim.psa.PsaCharts}). Reproducible from a seed on any number of threads.
 */
@NullMarked
package org.mentor.sim.psa;

import org.jspecify.annotations.NullMarked;
