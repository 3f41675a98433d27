package org.mentor.sim.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.mentor.sim.scenario.Scenario;

/**
 * The walk asks a plan which loss starts in a span of days (the span's first day excluded or
 * included) from the losses' epoch days: the answer must be the one the loss list gives by date, at
 * each loss's onset and the days either side of it.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class PairPlanLossesTest {

  /** The first loss in the list whose onset is on or after {@code from} and on or before {@code to}: by date, from the list. */
  private static PairPlan.@Nullable Loss firstFrom(PairPlan plan, LocalDate from, LocalDate to) {
    for (PairPlan.Loss loss : plan.losses) {
      if (!loss.onset().isBefore(from) && !loss.onset().isAfter(to)) {
        return loss;
      }
    }
    return null;
  }

  @Test
  void a_loss_is_found_in_a_span_exactly_when_its_onset_falls_in_it() {
    Scenario s = Scenario.builder().pairs(400).seed(11).set("retention.ltfuHazardEarly", 0.3).set("retention.ltfuHazardLater", 0.2)
        .set("retention.returnHazard", 0.8).build();
    int lost = 0;
    int twice = 0;
    for (long index = 0; index < 400; index++) {
      PairPlan plan = new PairPlan(s, index);
      lost += plan.losses.isEmpty() ? 0 : 1;
      twice += plan.losses.size() > 1 ? 1 : 0;
      LocalDate[] probes = plan.losses.isEmpty() ? new LocalDate[] {plan.booking}
          : plan.losses.stream().map(PairPlan.Loss::onset).toArray(LocalDate[]::new);
      for (LocalDate onset : probes) {
        for (int before = -2; before <= 2; before++) {
          for (int span = 0; span <= 40; span += 20) {
            LocalDate from = onset.plusDays(before);
            LocalDate to = from.plusDays(span);
            assertThat(plan.lossStartingFrom(from, to)).as("pair %d from %s to %s", index, from, to)
                .isEqualTo(firstFrom(plan, from, to));
            assertThat(plan.lossStarting(from, to)).as("pair %d after %s to %s", index, from, to)
                .isEqualTo(firstFrom(plan, from.plusDays(1), to));
          }
        }
      }
    }
    assertThat(lost).isGreaterThan(100); // the spans met real losses, some pairs more than one
    assertThat(twice).isGreaterThan(20);
  }
}
