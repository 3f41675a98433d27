package org.mentor.core.pathway;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.mentor.core.protocol.Protocol;
import org.mentor.core.protocol.Protocols;

/**
 * A replay keeps the deadline row due first until a region moves or a memory value the deadlines
 * read changes ({@link Replay#fireDeadlines}); kept too long, it would fire a deadline that no
 * longer holds or miss one that now does. Wherever a replay stops, the kept row must be the one a
 * scan of every region finds. (With assertions on, the replay also checks this before each use.)
 */
class DueRowPropertiesTest {

  @Provide
  Arbitrary<CaseFile> files() {
    return GeneratedCases.files();
  }

  @Property(tries = 80, seed = "20261124")
  void the_kept_due_row_is_the_one_a_scan_finds(@ForAll("files") CaseFile file,
      @ForAll @IntRange(min = 1, max = 45) int stride) {
    Timeline events = file.facts().events();
    LocalDate first = events.get(0).occurredOn();
    LocalDate end = events.last().occurredOn().plusDays(400);
    for (Protocol protocol : Protocols.builtIn()) {
      Replay replay = Replay.run(protocol, file.facts(), first);
      for (LocalDate day = first; !day.isAfter(end); day = day.plusDays(stride)) {
        replay.continueTo(day);
        assertThat(replay.dueAgreesWithScan()).as("%s as of %s", protocol.ref(), day).isTrue();
      }
    }
  }
}
