package org.mentor.examples.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import org.mentor.core.CaseId;
import org.mentor.core.DataQualityIssue;
import org.mentor.core.MentorException;
import org.mentor.core.MentorId;
import org.mentor.core.json.CaseEvent;
import org.mentor.core.json.EventJson;
import org.mentor.core.pathway.Attention;
import org.mentor.core.pathway.CaseState;
import org.mentor.core.pathway.Enrolled;
import org.mentor.core.pathway.InfantState;
import org.mentor.core.pathway.MaternalState;
import org.mentor.core.pathway.PathwayEvent;
import org.mentor.core.pathway.RegionState;
import org.mentor.core.registry.CaseRegistry;
import org.mentor.core.registry.CaseView;
import org.mentor.core.schedule.Milestone;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code mentor case show|record}: one case's state and schedule, and recording an event on it. */
@Command(name = "case", mixinStandardHelpOptions = true,
    description = "Show a case, record an event on it, or import an events file into a database.",
    subcommands = {CaseCommand.Show.class, CaseCommand.Record.class, CaseCommand.Import.class})
final class CaseCommand implements Runnable {
  @Spec
  CommandSpec spec;

  @Override
  public void run() {
    throw new picocli.CommandLine.ParameterException(spec.commandLine(), "Missing subcommand: show, record or import");
  }

  /** {@code mentor case show}. */
  @Command(name = "show", mixinStandardHelpOptions = true, sortOptions = false,
      description = "A case as of a date: each region's state with why (the table row and the event or deadline that "
          + "moved it), the mother's and each infant's values, what needs attention, and every milestone of its "
          + "protocol with window, due date, state and why (rule, anchor, source and confidence).")
  static final class Show implements Callable<Integer> {
    @Mixin
    EventsOptions cases;

    @Option(names = "--case", required = true, paramLabel = "ID", description = "The case id.")
    CaseId caseId;

    @Option(names = "--as-of", paramLabel = "DATE", description = "The date to evaluate the case as of (default: today).")
    LocalDate asOf;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
      try (EventsOptions.Cases opened = cases.open()) {
        CaseRegistry registry = opened.registry();
        if (!registry.caseIds().contains(caseId)) {
          throw new Finding("--case: no such case in " + cases.name());
        }
        CaseView view = registry.view(caseId, asOf == null ? cases.today() : asOf, null);
        print(spec.commandLine().getOut(), view);
        return MentorCli.OK;
      }
    }

    private static void print(PrintWriter out, CaseView view) {
      CaseState state = view.state();
      out.printf("Case %s as of %s: version %d, protocol %s, mentor %s, facility %s%n", view.caseId(), view.asOf(),
          view.version(), state.protocol(), view.assignment().mentor().map(MentorId::value).orElse("none"),
          view.assignment().facility());
      out.println();
      out.println("State");
      Table regions = new Table("REGION", "STATE", "SINCE", "WHY");
      for (RegionState region : state.regions()) {
        String name = region.region().name() + region.infantId().map(i -> " " + DueCommand.shortId(i)).orElse("");
        regions.row(name, region.state().name(), region.since().toString(), region.why());
      }
      regions.print(out);
      MaternalState mother = state.mother();
      out.println();
      out.printf("Mother: ART %s, viral load %s, adherence %s, retention %s%n", mother.artStatus(), mother.viralLoadStatus(),
          mother.adherenceBand(), mother.retentionStatus());
      for (InfantState infant : state.infants()) {
        out.printf("Infant %s: born %s, risk %s%s, prophylaxis %s %s, HIV status %s%s%n", DueCommand.shortId(infant.infantId()),
            infant.bornOn(), infant.risk().riskClass(),
            infant.risk().reasons().isEmpty() ? "" : " (" + String.join("; ", infant.risk().reasons()) + ")",
            infant.prophylaxis().regimen(), infant.prophylaxis().status(), infant.hivStatus(),
            infant.outcome().map(o -> ", final outcome " + o.category() + " on " + o.on()).orElse(""));
      }
      out.println();
      out.println("Needs attention");
      if (view.attention().isEmpty()) {
        out.println("  nothing");
      } else {
        Table attention = new Table("WHAT", "INFANT", "SINCE", "WHY");
        for (Attention item : view.attention()) {
          attention.row(item.kind().name(), item.infantId().map(DueCommand::shortId).orElse("-"), item.since().toString(),
              item.why());
        }
        attention.print(out);
      }
      out.println();
      out.println("Schedule");
      Table schedule = new Table("MILESTONE", "STATE", "WINDOW OPENS", "DUE", "OVERDUE FROM", "DONE ON", "WHY");
      for (Milestone m : view.schedule().milestones()) {
        String key = m.infantId().isPresent() ? m.ruleId() + " " + DueCommand.shortId(m.infantId().get()) : m.key();
        String stateText = m.state().name() + m.cancelReason().map(r -> " (" + r + ")").orElse("");
        schedule.row(key, stateText, m.windowStart().toString(), m.due().toString(),
            m.overdueFrom().map(LocalDate::toString).orElse("-"), m.satisfiedOn().map(LocalDate::toString).orElse("-"),
            m.why().text());
      }
      schedule.print(out);
      if (!state.alerts().isEmpty() || !state.issues().isEmpty()) {
        out.println();
        out.println("Alerts and data quality");
        state.alerts().forEach(a -> out.println("  alert " + a.name()));
        for (DataQualityIssue issue : state.issues()) {
          out.println("  " + issue.rule().id() + " on " + issue.on() + " (event " + issue.eventId() + "): " + issue.rule().description());
        }
      }
      out.flush();
    }
  }

  /** {@code mentor case record}. */
  @Command(name = "record", mixinStandardHelpOptions = true, sortOptions = false,
      description = {"Records one event on a case: the event (its public JSON form, docs/events.md) is read strictly and "
          + "checked by every rule against the case as the events file holds it; only then is it appended to the file "
          + "(whole, or not at all). An enrolment (type Enrolled) of a new case id enrols it.",
          "A refusal exits with 1 and names the field and the rule id; the file is unchanged."})
  static final class Record implements Callable<Integer> {
    @Mixin
    EventsOptions cases;

    @Option(names = "--case", required = true, paramLabel = "ID", description = "The case to record the event on.")
    CaseId caseId;

    @Parameters(index = "0", paramLabel = "EVENT_JSON_FILE", description = "A file holding one event in its public JSON form.")
    Path eventFile;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
      if (!Files.isRegularFile(eventFile)) {
        throw new BadUsage("EVENT_JSON_FILE: no such file: " + eventFile);
      }
      String json;
      try {
        json = Files.readString(eventFile, StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new Finding(eventFile.getFileName() + ": cannot be read: " + e.getMessage(), e);
      }
      PathwayEvent event;
      try {
        event = EventJson.standard().read(json.strip());
      } catch (MentorException e) {
        throw new Finding(eventFile.getFileName() + ": refused, nothing recorded: " + e.getMessage(), e);
      }
      // A database is created by the enrolment of its first case; an events file must exist.
      try (EventsOptions.Cases opened = cases.open(event instanceof Enrolled)) {
        CaseRegistry registry = opened.registry();
        boolean changed;
        try {
          changed = EventsFile.record(registry, caseId, event);
        } catch (MentorException e) {
          throw new Finding(eventFile.getFileName() + ": refused, nothing recorded: " + e.getMessage(), e);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (!changed) {
          out.printf("Already recorded: %s %s on case %s (version %d); %s is unchanged.%n", event.kind(), event.id(),
              caseId, registry.file(caseId).version(), cases.name());
        } else {
          opened.keep().keep(new CaseEvent(caseId, event));
          out.printf("Recorded %s %s on case %s (version %d) in %s.%n", event.kind(), event.id(), caseId,
              registry.file(caseId).version(), cases.name());
        }
        out.flush();
        return MentorCli.OK;
      }
    }
  }

  /** {@code mentor case import}. */
  @Command(name = "import", mixinStandardHelpOptions = true, sortOptions = false,
      description = {"Records every line of an events file into a database (created if needed), in order, each checked "
          + "by every rule, so the cases persist for the next command (--db). A line repeating an event the database "
          + "holds changes nothing, so importing a file twice is harmless.",
          "The first refused line stops the import with 1, naming the line, field and rule; the lines before it stay recorded."})
  static final class Import implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "EVENTS_FILE", description = "Newline-delimited case events (the --events form).")
    Path events;

    @Option(names = "--db", required = true, paramLabel = "PATH", description = "The H2 database, PATH.mv.db (created if needed).")
    Path db;

    @Option(names = "--zone", paramLabel = "ZONE", description = "The programme's time zone (default: the system's).")
    java.time.ZoneId zone;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
      if (!Files.isRegularFile(events)) {
        throw new BadUsage("EVENTS_FILE: no such file: " + events);
      }
      CaseDatabase database = CaseDatabase.of(db);
      java.time.ZoneId programmeZone = zone == null ? java.time.ZoneId.systemDefault() : zone;
      try (EventsOptions.Cases opened = database.open(java.time.Clock.system(programmeZone), true)) {
        int before = opened.registry().size();
        int changed = new EventsFile(events).loadInto(opened.registry(), line -> {});
        PrintWriter out = spec.commandLine().getOut();
        out.printf("Imported %s into %s: %d events recorded, %d cases new, %d cases in the database.%n", events.getFileName(),
            database.name(), changed, opened.registry().size() - before, opened.registry().size());
        out.flush();
        return MentorCli.OK;
      }
    }
  }
}
