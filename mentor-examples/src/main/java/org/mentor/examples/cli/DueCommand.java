package org.mentor.examples.cli;

import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.mentor.core.InfantId;
import org.mentor.core.MentorId;
import org.mentor.core.registry.CaseRegistry;
import org.mentor.core.registry.DueItem;
import org.mentor.core.registry.DueList;
import org.mentor.core.registry.DueQuery;
import org.mentor.core.registry.DueText;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code mentor due}: what needs doing on a day, most urgent first, with who, since when and why. */
@Command(name = "due", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"The due list on a day: every case's late or due milestones and actions (tracing, counselling, "
        + "confirmatory tests...), most urgent first: who (case, mother, infant), what, due since, days late, tier, why.",
        "Tiers: URGENT, HIGH, ROUTINE, DATA (see docs/registry.md)."})
final class DueCommand implements Callable<Integer> {
  @Mixin
  EventsOptions cases;

  @Option(names = "--as-of", required = true, paramLabel = "DATE", description = "The day, such as 2026-01-15.")
  LocalDate asOf;

  @ArgGroup(exclusive = true)
  Scope scope;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
      description = "table (for people, the default), csv or json.")
  Format format;

  @Option(names = "--discreet", description = "Wording for a phone other people may see: never names HIV, ART or "
      + "viral load, and leaves out the why (which cites the clinical rule).")
  boolean discreet;

  @Option(names = "--lang", paramLabel = "LANG", defaultValue = "en", description = "en (the default) or sw (Kiswahili).")
  Lang lang;

  @Spec
  CommandSpec spec;

  static final class Scope {
    @Option(names = "--mentor", paramLabel = "ID", description = "Only this mentor's cases (her assignment on the day).")
    MentorId mentor;

    @Option(names = "--facility", paramLabel = "CODE", description = "Only the cases this facility holds on the day.")
    String facility;
  }

  enum Format { table, csv, json }

  enum Lang {
    en(Locale.ENGLISH), sw(Locale.forLanguageTag("sw"));

    final Locale locale;

    Lang(Locale locale) {
      this.locale = locale;
    }
  }

  @Override
  public Integer call() {
    if (scope != null && scope.facility != null && scope.facility.isBlank()) {
      throw new BadUsage("--facility: a facility code is not blank");
    }
    try (EventsOptions.Cases opened = cases.open()) {
      return print(opened.registry());
    }
  }

  private int print(CaseRegistry registry) {
    DueQuery query = scope == null ? DueQuery.everyone(asOf)
        : scope.mentor != null ? DueQuery.mentor(scope.mentor, asOf)
        : DueQuery.facility(scope.facility, asOf);
    DueList due = registry.dueList(query);
    DueText text = DueText.of(lang.locale, discreet ? DueText.Wording.DISCREET : DueText.Wording.CLINICAL);
    PrintWriter out = spec.commandLine().getOut();
    switch (format) {
      case table -> table(out, due, text);
      case csv -> csv(out, due, text);
      case json -> json(out, due, text);
      default -> throw new IllegalStateException("format " + format);
    }
    out.flush();
    return MentorCli.OK;
  }

  private void table(PrintWriter out, DueList due, DueText text) {
    List<String> header = new ArrayList<>(List.of("TIER", "CASE", "MOTHER", "INFANT", "WHAT", "DUE SINCE", "DAYS LATE", "MENTOR"));
    if (!discreet) {
      header.add("WHY");
    }
    Table table = new Table(header.toArray(String[]::new));
    for (DueItem item : due.items()) {
      List<String> row = new ArrayList<>(List.of(item.tier().name(), item.caseId().value(), item.motherId().value(),
          item.infantId().map(DueCommand::shortId).orElse("-"), text.render(item), item.since().toString(),
          Long.toString(item.daysLate()), item.assignment().mentor().map(MentorId::value).orElse("-")));
      if (!discreet) {
        row.add(item.why());
      }
      table.row(row.toArray(String[]::new));
    }
    out.println("Due on " + due.query().asOf() + " for " + scopeText() + ": " + due.items().size() + " item"
        + (due.items().size() == 1 ? "" : "s") + " (" + due.casesEvaluated() + " case" + (due.casesEvaluated() == 1 ? "" : "s")
        + " evaluated)");
    if (!table.isEmpty()) {
      out.println();
      table.print(out);
    }
  }

  private void csv(PrintWriter out, DueList due, DueText text) {
    List<String> header = new ArrayList<>(List.of("tier", "case_id", "mother_id", "infant_id", "what", "due_since", "days_late",
        "mentor", "facility", "action", "milestone", "rule_id"));
    if (!discreet) {
      header.add("why");
    }
    out.print(String.join(",", header) + "\r\n");
    for (DueItem item : due.items()) {
      List<String> row = new ArrayList<>(List.of(item.tier().name(), item.caseId().value(), item.motherId().value(),
          item.infantId().map(InfantId::toString).orElse(""), text.render(item), item.since().toString(),
          Long.toString(item.daysLate()), item.assignment().mentor().map(MentorId::value).orElse(""),
          item.assignment().facility(), item.action().name(), item.milestone().orElse(""), item.ruleId().orElse("")));
      if (!discreet) {
        row.add(item.why());
      }
      out.print(String.join(",", row.stream().map(Table::csv).toList()) + "\r\n");
    }
  }

  private void json(PrintWriter out, DueList due, DueText text) {
    ObjectNode root = JsonNodeFactory.instance.objectNode();
    root.put("asOf", due.query().asOf().toString());
    root.put("scope", scopeText());
    root.put("casesEvaluated", due.casesEvaluated());
    ArrayNode items = root.putArray("items");
    for (DueItem item : due.items()) {
      ObjectNode node = items.addObject();
      node.put("tier", item.tier().name());
      node.put("caseId", item.caseId().value());
      node.put("motherId", item.motherId().value());
      item.infantId().ifPresent(i -> node.put("infantId", i.toString()));
      node.put("what", text.render(item));
      node.put("dueSince", item.since().toString());
      node.put("daysLate", item.daysLate());
      item.assignment().mentor().ifPresent(m -> node.put("mentor", m.value()));
      node.put("facility", item.assignment().facility());
      node.put("action", item.action().name());
      item.milestone().ifPresent(m -> node.put("milestone", m));
      item.ruleId().ifPresent(r -> node.put("ruleId", r));
      item.state().ifPresent(s -> node.put("state", s.name()));
      if (!discreet) {
        node.put("why", item.why());
      }
    }
    try {
      out.println(JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build().writeValueAsString(root));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("a tree of strings and numbers always serializes", e);
    }
  }

  private String scopeText() {
    return scope == null ? "every case" : scope.mentor != null ? "mentor " + scope.mentor : "facility " + scope.facility;
  }

  /** The first block of an infant's UUID: enough to tell infants apart on a screen. */
  static String shortId(InfantId infant) {
    String id = infant.toString();
    int dash = id.indexOf('-');
    return dash > 0 ? id.substring(0, dash) : id;
  }
}
