package org.mentor.core.pathway;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import net.jqwik.api.Arbitrary;

/** Gives other test packages the realistic generated cases of {@link GenCases}. */
public final class GeneratedCases {
  private GeneratedCases() {}

  /** Case files of generated scenarios (corrections, voids, twins, deaths, late results included). */
  public static Arbitrary<CaseFile> files() {
    return GenCases.scenarios().map(GenCases.Scenario::file);
  }

  /**
   * Case files of generated scenarios whose events arrive a little out of order, as a clinic's
   * backlog sends them: about one event in five recorded up to twenty events late (after events of
   * its own day, or of later days), the rest in the canonical order.
   */
  public static Arbitrary<CaseFile> filesWithLateArrivals() {
    return GenCases.scenarios().flatMap(s -> GenCases.uniform(100).list().ofSize(s.nodes().size()).map(delays -> {
      List<Integer> priorities = new ArrayList<>(delays.size());
      for (int i = 0; i < delays.size(); i++) {
        int delay = delays.get(i);
        priorities.add(10 * i + (delay < 80 ? 0 : (delay - 79) * 10 + 5));
      }
      GenCases.Arrival arrival = new GenCases.Arrival(s, ImmutableList.copyOf(priorities));
      return CaseFile.replay(GenCases.CASE, arrival.events());
    }));
  }

  /**
   * Records a file's events one at a time, in their arrival order, into a new file, as the
   * simulator's walk and a clinic's system do, and hands each version to {@code visit} with the
   * event it just recorded.
   */
  public static void eachVersion(CaseFile file, BiConsumer<CaseFile, PathwayEvent> visit) {
    List<PathwayEvent> arrived = file.history();
    CaseFile grown = CaseFile.enrol(file.caseId(), (Enrolled) arrived.get(0));
    for (PathwayEvent event : arrived.subList(1, arrived.size())) {
      grown = grown.record(event);
      visit.accept(grown, event);
    }
  }
}
