package org.mentor.core.registry;

import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;

/**
 * How urgent a due item is, derived from the case's facts; a due list sorts by tier, then by due
 * date, so its order does not churn from day to day (DESIGN.md §2). The rule, in full:
 * <ul>
 *   <li>{@link #URGENT}: an infant presumptively positive or with an inconclusive result; a test
 *       milestone late or overdue for a high-risk infant; the mother's ART start due or late; the
 *       mother unsuppressed (enhanced adherence counselling, repeat viral load, regimen switch); an
 *       infant overdue for the final test.
 *   <li>{@link #HIGH}: tracing (an interruption in treatment, a missed appointment, an infant lost
 *       to follow-up); any other overdue milestone; a test milestone due for a high-risk infant;
 *       poor adherence.
 *   <li>{@link #ROUTINE}: every other milestone due or late; alerts.
 *   <li>{@link #DATA}: data-quality issues to check.
 * </ul>
 */
@API(status = STABLE, since = "0.1")
public enum Tier {
  URGENT,
  HIGH,
  ROUTINE,
  DATA
}
