/**
 * What mentor-mother support costs and what it saves: unit costs with their sources and confidence
 * marks ({@link org.mentor.sim.economics.CostTable}, read from {@code costs.json}, transmission.md §9),
 * converted to one price year, priced against each arm's simulated resource use
 * ({@link org.mentor.sim.economics.ArmCost}), and the comparison of two arms
 * ({@link org.mentor.sim.economics.CostBenefit}): infections averted, cost per infection averted, the
 * benefit-cost ratio of transmission.md C26 beside the published 11.40, and a full-system ratio.
 */
@NullMarked
package org.mentor.sim.economics;

import org.jspecify.annotations.NullMarked;
