package org.mentor.core.docs;

import static org.mentor.core.docs.Markdown.code;
import static org.mentor.core.docs.Markdown.text;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.mentor.core.Rule;

/**
 * Generates the rule catalogue of {@code docs/rules.md} from {@link Rule}, with where each rule
 * is checked read off mentor-core's production sources (the classes that name {@code Rule.X} in
 * code, and the exception or data-quality issue they build with it).
 */
final class RuleDocs {
  static final String DOCUMENT = "docs/rules.md";

  /**
   * Exceptions whose message always shows the value, whatever the rule says:
   * {@code InvalidProtocolException} (a protocol value is not patient data; checked by
   * {@code RulesDocsTest}).
   */
  static final Set<String> NEVER_REDACTED = Set.of("InvalidProtocolException");

  /** The last {@code new Type(} or {@code super(} of a statement. */
  private static final Pattern CONSTRUCTION = Pattern.compile("\\bnew\\s+([A-Z]\\w*)\\s*\\(|\\bsuper\\s*\\(");

  private RuleDocs() {}

  /** Where a rule is used: the classes naming it and what they build with it. */
  record Uses(Set<String> classes, Set<String> builds) {}

  /** Every generated section of the document, by marker name. */
  static Map<String, String> sections() {
    Map<String, Uses> uses = scan();
    Map<String, String> sections = new LinkedHashMap<>();
    sections.put("hard-rules", hard(uses));
    sections.put("soft-rules", soft(uses));
    return sections;
  }

  private static String hard(Map<String, Uses> uses) {
    List<List<String>> rows = new ArrayList<>();
    for (Rule rule : Rule.values()) {
      if (rule.severity() != Rule.Severity.HARD) {
        continue;
      }
      Uses use = uses.getOrDefault(rule.name(), new Uses(Set.of(), Set.of()));
      String refused = use.builds().isEmpty()
          ? "refused"
          : "refused with " + use.builds().stream().map(Markdown::code).collect(Collectors.joining(" or "));
      rows.add(List.of(
          "**" + rule.id() + "**",
          code(rule.name()),
          "HARD",
          text(rule.description()),
          refused + "; nothing changes",
          valueInMessage(rule, use),
          checkedIn(use)));
    }
    return Markdown.table(
        List.of("Id", "Constant", "Severity", "Requires", "When broken", "Rejected value in the message", "Checked in"),
        rows);
  }

  private static String valueInMessage(Rule rule, Uses use) {
    if (!use.builds().isEmpty() && NEVER_REDACTED.containsAll(use.builds())) {
      return "shown (not patient data)";
    }
    return rule.echoesValue() ? "shown (an impossible value)" : "redacted unless redaction is off";
  }

  private static String soft(Map<String, Uses> uses) {
    List<List<String>> rows = new ArrayList<>();
    for (Rule rule : Rule.values()) {
      if (rule.severity() != Rule.Severity.SOFT) {
        continue;
      }
      Uses use = uses.getOrDefault(rule.name(), new Uses(Set.of(), Set.of()));
      rows.add(List.of(
          "**" + rule.id() + "**",
          code(rule.name()),
          "SOFT",
          text(rule.description()),
          "accepted; a `DataQualityIssue` on the case state",
          checkedIn(use)));
    }
    return Markdown.table(List.of("Id", "Constant", "Severity", "Flags", "When raised", "Raised in"), rows);
  }

  private static String checkedIn(Uses use) {
    return use.classes().isEmpty()
        ? "— (not checked in mentor-core yet)"
        : use.classes().stream().map(Markdown::code).collect(Collectors.joining(", "));
  }

  /** For each rule constant, where mentor-core's production code names it. */
  static Map<String, Uses> scan() {
    Map<String, Uses> uses = new TreeMap<>();
    for (Path file : JavaSource.coreMainFiles()) {
      String className = JavaSource.className(file);
      if (className.equals("Rule")) {
        continue;
      }
      String code = JavaSource.codeOnly(GeneratedDocs.read(file));
      for (Rule rule : Rule.values()) {
        Matcher use = Pattern.compile("\\bRule\\s*\\.\\s*" + rule.name() + "\\b").matcher(code);
        while (use.find()) {
          Uses found = uses.computeIfAbsent(rule.name(), k -> new Uses(new TreeSet<>(), new TreeSet<>()));
          found.classes().add(className);
          String built = builtWith(code, use.start(), className);
          if (built != null) {
            found.builds().add(built);
          }
        }
      }
    }
    return uses;
  }

  /** The type a statement constructs with the rule at {@code at}: its last {@code new X(} or {@code super(} before it. */
  private static @Nullable String builtWith(String code, int at, String className) {
    int start = Math.max(Math.max(code.lastIndexOf(';', at), code.lastIndexOf('{', at)), code.lastIndexOf('}', at)) + 1;
    Matcher construction = CONSTRUCTION.matcher(code.substring(start, at));
    String built = null;
    while (construction.find()) {
      built = construction.group(1) == null ? className : construction.group(1);
    }
    return built;
  }
}
