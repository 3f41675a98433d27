package org.mentor.core.docs;

import static org.mentor.core.docs.Markdown.code;
import static org.mentor.core.docs.Markdown.text;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.mentor.core.pathway.Deadline;
import org.mentor.core.pathway.EventKind;
import org.mentor.core.pathway.Guard;
import org.mentor.core.pathway.PathwayState;
import org.mentor.core.pathway.PathwayTable;
import org.mentor.core.pathway.Region;
import org.mentor.core.pathway.Transition;
import org.mentor.core.pathway.Trigger;

/**
 * Generates the parts of {@code docs/pathway.md} that come from {@link PathwayTable}: the Mermaid
 * diagram, and per region the states and the rows, then the guards, the deadlines, the clinical
 * contacts and the event kinds in their intra-day order.
 */
final class PathwayDocs {
  static final String DOCUMENT = "docs/pathway.md";
  static final String DIAGRAM = "docs/pathway.mmd";

  private PathwayDocs() {}

  /** The {@code mermaid} block that embeds the diagram in the document. */
  static String diagramBlock() {
    return "```mermaid\n" + PathwayTable.mermaid() + "```\n";
  }

  /** Every generated section of the document, by marker name, in document order. */
  static Map<String, String> sections() {
    Map<String, String> sections = new LinkedHashMap<>();
    sections.put("diagram", diagramBlock());
    for (Region region : Region.values()) {
      sections.put("states-" + region.name(), states(region));
      sections.put("rows-" + region.name(), rows(region));
    }
    sections.put("guards", guards());
    sections.put("deadlines", deadlines());
    sections.put("clinical-contacts", clinicalContacts());
    sections.put("event-kinds", eventKinds());
    return sections;
  }

  /** A region's states with their meanings, the initial one first, and the rows that enter each. */
  static String states(Region region) {
    List<List<String>> rows = new ArrayList<>();
    List<PathwayState> states = statesOf(region);
    for (int i = 0; i < states.size(); i++) {
      PathwayState state = states.get(i);
      List<String> enteredBy = PathwayTable.rows().stream()
          .filter(t -> t.to() == state && !t.keepsState())
          .map(Transition::id)
          .distinct()
          .collect(Collectors.toList());
      rows.add(List.of(
          code(state.name()) + (i == 0 ? " (initial)" : ""),
          text(state.meaning()),
          enteredBy.isEmpty() ? "—" : String.join(", ", enteredBy)));
    }
    return Markdown.table(List.of("State", "Meaning", "Entered by"), rows);
  }

  /**
   * A region's rows in table order. Consecutive rows that one declaration expanded (same id,
   * trigger, guard and target) are shown as one line listing their from-states.
   */
  static String rows(Region region) {
    List<List<String>> lines = new ArrayList<>();
    List<Transition> group = new ArrayList<>();
    for (Transition row : PathwayTable.rows()) {
      if (row.region() != region) {
        continue;
      }
      if (!group.isEmpty() && !sameDeclaration(group.get(0), row)) {
        lines.add(line(group));
        group.clear();
      }
      group.add(row);
    }
    if (!group.isEmpty()) {
      lines.add(line(group));
    }
    return Markdown.table(List.of("Row", "From", "Trigger", "Guard", "To"), lines);
  }

  private static boolean sameDeclaration(Transition first, Transition next) {
    return first.id().equals(next.id())
        && first.trigger().equals(next.trigger())
        && first.guard() == next.guard()
        && (first.to() == next.to() || (first.keepsState() && next.keepsState()));
  }

  private static List<String> line(List<Transition> group) {
    Transition first = group.get(0);
    List<PathwayState> from = group.stream().map(Transition::from).collect(Collectors.toList());
    String fromCell = from.size() > 1 && from.containsAll(statesOf(first.region()))
        ? "any state"
        : from.stream().map(s -> code(s.name())).collect(Collectors.joining(", "));
    String to = group.stream().allMatch(Transition::keepsState)
        ? "unchanged (the event is expected here)"
        : code(first.to().name());
    return List.of(first.id(), fromCell, trigger(first.trigger()), guard(first.guard()), to);
  }

  private static String trigger(Trigger trigger) {
    if (trigger instanceof Trigger.AtDeadline at) {
      return "deadline " + code(at.deadline().name());
    }
    Trigger.OnEvent on = (Trigger.OnEvent) trigger;
    if (on.kinds().equals(PathwayTable.CLINICAL_CONTACTS)) {
      return "a [clinical contact](#clinical-contacts)";
    }
    return on.kinds().stream().map(k -> code(k.name())).collect(Collectors.joining(", "));
  }

  private static String guard(Guard guard) {
    return guard == Guard.ALWAYS ? "—" : code(guard.name()) + ": " + text(guard.description());
  }

  /** Every guard with what it checks and the rows that use it. */
  static String guards() {
    List<List<String>> rows = new ArrayList<>();
    for (Guard guard : Guard.values()) {
      rows.add(List.of(code(guard.name()), text(guard.description()),
          usedBy(t -> t.guard() == guard && !(t.trigger() instanceof Trigger.AtDeadline))));
    }
    return Markdown.table(List.of("Guard", "Holds when", "Rows"), rows);
  }

  /** Every deadline with how its date is computed and the rows it fires. */
  static String deadlines() {
    List<List<String>> rows = new ArrayList<>();
    for (Deadline deadline : Deadline.values()) {
      rows.add(List.of(code(deadline.name()), text(deadline.description()),
          usedBy(t -> t.trigger() instanceof Trigger.AtDeadline at && at.deadline() == deadline)));
    }
    return Markdown.table(List.of("Deadline", "Date", "Rows"), rows);
  }

  private static String usedBy(Predicate<Transition> uses) {
    List<String> ids = PathwayTable.rows().stream().filter(uses).map(Transition::id).distinct()
        .collect(Collectors.toList());
    return ids.isEmpty() ? "— (no row)" : String.join(", ", ids);
  }

  /** The event kinds that count as the mother's clinical contact. */
  static String clinicalContacts() {
    return PathwayTable.CLINICAL_CONTACTS.stream().map(k -> code(k.name())).collect(Collectors.joining(", ")) + ".\n";
  }

  /** Every event kind with its intra-day rank and scope. */
  static String eventKinds() {
    List<List<String>> rows = new ArrayList<>();
    for (EventKind kind : EventKind.values()) {
      rows.add(List.of(Integer.toString(kind.ordinal() + 1), code(kind.name()), code(kind.scope().name())));
    }
    return Markdown.table(List.of("Rank", "Kind", "Scope"), rows);
  }

  @SuppressWarnings("unchecked")
  private static List<PathwayState> statesOf(Region region) {
    return ImmutableList.copyOf((List<PathwayState>) (List<?>) Arrays.asList(region.states().getEnumConstants()));
  }
}
