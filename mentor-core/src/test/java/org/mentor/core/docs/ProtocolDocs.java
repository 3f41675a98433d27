package org.mentor.core.docs;

import static org.mentor.core.docs.Markdown.code;
import static org.mentor.core.docs.Markdown.text;

import java.time.Period;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.mentor.core.protocol.Confidence;
import org.mentor.core.protocol.DueRule;
import org.mentor.core.protocol.Key;
import org.mentor.core.protocol.MilestoneRule;
import org.mentor.core.protocol.Protocol;
import org.mentor.core.protocol.Source;
import org.mentor.core.protocol.Term;

/**
 * Generates the tables of {@code docs/protocols/<id>.md} from a loaded protocol: every
 * {@link Key} with its value, and every milestone rule, each with its source and confidence mark;
 * then the values and rules awaiting confirmation and the project's own conventions.
 */
final class ProtocolDocs {
  private ProtocolDocs() {}

  /** The document of a protocol, from the repository root. */
  static String document(Protocol protocol) {
    return "docs/protocols/" + protocol.ref().id() + ".md";
  }

  /** Every generated section of a protocol's document, by marker name. */
  static Map<String, String> sections(Protocol protocol) {
    Map<String, String> sections = new LinkedHashMap<>();
    sections.put("header", header(protocol));
    sections.put("values", values(protocol));
    sections.put("milestones", milestones(protocol));
    sections.put("awaiting-confirmation", listOf(protocol, Confidence.UNVERIFIED,
        "None: every value and rule has been confirmed."));
    sections.put("project-conventions", listOf(protocol, Confidence.PROJECT_CONVENTION,
        "None: every value and rule comes from a guideline."));
    return sections;
  }

  private static String header(Protocol protocol) {
    return Markdown.table(List.of("Field", "Value"), List.of(
        List.of("Id", code(protocol.ref().id())),
        List.of("Version", code(protocol.ref().version())),
        List.of("Title", text(protocol.title())),
        List.of("Jurisdiction", code(protocol.jurisdiction())),
        List.of("Effective from", protocol.effectiveFrom().toString()),
        List.of("Parent", protocol.parent().map(p -> code(p.toString())).orElse("— (none)")),
        List.of("Values", Key.all().size() + ": " + tally(Key.all().stream().map(protocol::source).collect(Collectors.toList()))),
        List.of("Milestone rules", protocol.milestones().size() + ": "
            + tally(protocol.milestones().stream().map(MilestoneRule::source).collect(Collectors.toList())))));
  }

  private static String tally(List<Source> sources) {
    Map<Confidence, Integer> counts = new EnumMap<>(Confidence.class);
    sources.forEach(s -> counts.merge(s.confidence(), 1, Integer::sum));
    List<String> tally = new ArrayList<>();
    for (Confidence confidence : Confidence.values()) {
      tally.add(counts.getOrDefault(confidence, 0) + " " + mark(confidence));
    }
    return String.join(", ", tally);
  }

  private static String values(Protocol protocol) {
    List<List<String>> rows = new ArrayList<>();
    for (Key<?> key : Key.all()) {
      Source source = protocol.source(key);
      rows.add(List.of(code(key.name()), value(protocol.get(key)), type(key), confidence(source), text(source.citation())));
    }
    return Markdown.table(List.of("Key", "Value", "Type", "Confidence", "Source"), rows);
  }

  private static String milestones(Protocol protocol) {
    if (protocol.milestones().isEmpty()) {
      return "None.\n";
    }
    List<List<String>> rows = new ArrayList<>();
    for (MilestoneRule rule : protocol.milestones()) {
      rows.add(List.of(
          code(rule.id()),
          rule.subject().name().toLowerCase(Locale.ROOT),
          due(rule.due()),
          window(rule),
          rule.overdueAfterDue().map(p -> "due + " + period(p)).orElse("never"),
          closes(rule.closes()),
          text(rule.appliesWhen().toString()) + (rule.catchUpOnLateRegistration() ? "; catches up on late registration" : ""),
          code(rule.satisfiedBy().event()) + rule.satisfiedBy().testType().map(t -> " (" + t + ")").orElse(""),
          rule.cancelledBy().isEmpty() ? "—"
              : rule.cancelledBy().stream().map(r -> code(r.name())).collect(Collectors.joining(", ")),
          confidence(rule.source()),
          text(rule.source().citation())));
    }
    return Markdown.table(List.of("Milestone", "For", "Due", "Window opens", "Overdue", "Closes unmet", "Applies when",
        "Satisfied by", "Cancelled by", "Confidence", "Source"), rows);
  }

  private static String due(DueRule due) {
    String terms = due.terms().stream().map(ProtocolDocs::term).collect(Collectors.joining("; "));
    return switch (due.combine()) {
      case SINGLE -> terms;
      case LATEST_OF -> "later of: " + terms;
      case EARLIEST_OF -> "earlier of: " + terms;
    };
  }

  private static String window(MilestoneRule rule) {
    if (rule.windowOpens().isPresent()) {
      return term(rule.windowOpens().get());
    }
    return rule.windowLead().isZero() ? "on the due date" : "due − " + period(rule.windowLead());
  }

  private static String closes(MilestoneRule.Closing closing) {
    if (closing instanceof MilestoneRule.Closing.WhenWindowOpens other) {
      return "when " + code(other.milestoneId()) + " opens";
    }
    if (closing instanceof MilestoneRule.Closing.At at) {
      return term(at.term());
    }
    if (closing instanceof MilestoneRule.Closing.AtNextAnchor) {
      return "at the next anchor date";
    }
    return "never";
  }

  private static String term(Term term) {
    return code(term.anchor().name()) + (term.offset().isZero() ? "" : " + " + period(term.offset()));
  }

  private static String listOf(Protocol protocol, Confidence confidence, String none) {
    StringBuilder out = new StringBuilder();
    for (Key<?> key : Key.all()) {
      Source source = protocol.source(key);
      if (source.confidence() == confidence) {
        out.append("- value ").append(code(key.name())).append(" = ").append(value(protocol.get(key)))
            .append(" — ").append(text(source.citation())).append('\n');
      }
    }
    for (MilestoneRule rule : protocol.milestones()) {
      if (rule.source().confidence() == confidence) {
        out.append("- milestone ").append(code(rule.id())).append(" — ").append(text(rule.source().citation())).append('\n');
      }
    }
    return out.length() == 0 ? none + "\n" : out.toString();
  }

  private static String confidence(Source source) {
    return source.confidence() == Confidence.UNVERIFIED ? "**unverified** ⚠" : mark(source.confidence());
  }

  /** A confidence mark as the clinical tables write it. */
  static String mark(Confidence confidence) {
    return confidence.name().toLowerCase(Locale.ROOT).replace('_', ' ');
  }

  private static String type(Key<?> key) {
    if (key.type() == Integer.class) {
      return "integer";
    }
    if (key.type() == Boolean.class) {
      return "boolean";
    }
    if (key.type() == Period.class) {
      return "period";
    }
    return key.type().getSimpleName();
  }

  /** A value as Java holds it, periods with their meaning in words. */
  static String value(Object value) {
    if (value instanceof Period period) {
      return code(period.toString()) + " (" + words(period) + ")";
    }
    return code(String.valueOf(value));
  }

  /** A period in words, for a cell: {@code 18 months}, {@code 258 days = 36w6d}. */
  static String period(Period period) {
    return words(period);
  }

  private static String words(Period period) {
    List<String> words = new ArrayList<>();
    if (period.getYears() != 0) {
      words.add(plural(period.getYears(), "year"));
    }
    if (period.getMonths() != 0) {
      words.add(plural(period.getMonths(), "month"));
    }
    int days = period.getDays();
    if (days != 0 || words.isEmpty()) {
      String weeks = days >= 7 ? " = " + days / 7 + "w" + (days % 7 == 0 ? "" : days % 7 + "d") : "";
      words.add(plural(days, "day") + weeks);
    }
    return String.join(" ", words);
  }

  private static String plural(int count, String unit) {
    return count + " " + unit + (Math.abs(count) == 1 ? "" : "s");
  }
}
