package org.mentor.core.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

/** Assertions on a milestone's dates and state, shared by the schedule tests. */
final class MilestoneAssertions {
  private MilestoneAssertions() {}

  /** The milestone's window start, due date and overdue date are these literal dates. */
  static void assertDates(Milestone m, LocalDate window, LocalDate due, LocalDate overdue) {
    assertThat(m.windowStart()).as(m.key() + " window").isEqualTo(window);
    assertThat(m.due()).as(m.key() + " due").isEqualTo(due);
    assertThat(m.overdueFrom()).as(m.key() + " overdue").contains(overdue);
  }

  /** The milestone is DONE by an event on this date. */
  static void assertDone(Milestone m, LocalDate on) {
    assertThat(m.state()).as(m.key() + " state").isEqualTo(MilestoneState.DONE);
    assertThat(m.satisfiedOn()).as(m.key() + " satisfied on").contains(on);
  }
}
