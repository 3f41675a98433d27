package org.mentor.examples.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.mentor.core.InvalidProtocolException;
import org.mentor.core.protocol.Confidence;
import org.mentor.core.protocol.Key;
import org.mentor.core.protocol.MilestoneRule;
import org.mentor.core.protocol.Protocol;
import org.mentor.core.protocol.ProtocolLoader;
import org.mentor.core.protocol.ProtocolRef;
import org.mentor.core.protocol.Protocols;
import org.mentor.core.protocol.Source;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code mentor protocol list|show|validate|diff}: the clinical protocols, every value with its source. */
@Command(name = "protocol", mixinStandardHelpOptions = true,
    description = "The clinical protocols: every number and milestone rule the engine reads, each with its source and "
        + "confidence mark (verified, secondary, unverified, project convention).",
    subcommands = {ProtocolCommand.ListProtocols.class, ProtocolCommand.Show.class, ProtocolCommand.Validate.class,
        ProtocolCommand.Diff.class})
final class ProtocolCommand implements Runnable {
  @Spec
  CommandSpec spec;

  @Override
  public void run() {
    throw new picocli.CommandLine.ParameterException(spec.commandLine(), "Missing subcommand: list, show, validate or diff");
  }

  /** {@code mentor protocol list}. */
  @Command(name = "list", mixinStandardHelpOptions = true, description = "The built-in protocols.")
  static final class ListProtocols implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      Table table = new Table("PROTOCOL", "TITLE", "JURISDICTION", "EFFECTIVE FROM", "PARENT", "RULES", "UNVERIFIED");
      for (Protocol p : Protocols.builtIn()) {
        table.row(p.ref().toString(), p.title(), p.jurisdiction(), p.effectiveFrom().toString(),
            p.parent().map(ProtocolRef::toString).orElse("-"),
            Integer.toString(p.milestones().size()), Long.toString(unverified(p)));
      }
      table.print(out);
      out.println();
      out.println("Default: " + Protocol.who2021().ref() + ". UNVERIFIED counts values and rules awaiting confirmation "
          + "against their guideline; see 'mentor protocol show ID'.");
      out.flush();
      return MentorCli.OK;
    }
  }

  /** {@code mentor protocol show}. */
  @Command(name = "show", mixinStandardHelpOptions = true,
      description = "Every value and milestone rule of a protocol, each with its source and confidence mark.")
  static final class Show implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "PROTOCOL",
        description = "A built-in protocol, ID or ID@VERSION (such as ZA_2023 or WHO_2021@1), or a protocol file (.json).")
    String protocol;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
      Protocol p = resolve(protocol);
      PrintWriter out = spec.commandLine().getOut();
      out.printf("Protocol %s: %s%n", p.ref(), p.title());
      out.printf("Jurisdiction %s, effective from %s%s%n", p.jurisdiction(), p.effectiveFrom(),
          p.parent().map(parent -> ", inherits " + parent).orElse(""));
      out.println();
      out.println("Values");
      Table values = new Table("KEY", "VALUE", "CONFIDENCE", "SOURCE");
      for (Key<?> key : Key.all()) {
        Source source = p.source(key);
        values.row(key.name(), String.valueOf(p.get(key)), mark(source.confidence()), source.citation());
      }
      values.print(out);
      out.println();
      out.println("Milestone rules");
      Table rules = new Table("RULE", "FOR", "DUE", "WINDOW OPENS", "OVERDUE AFTER DUE", "CLOSES", "APPLIES WHEN",
          "SATISFIED BY", "CONFIDENCE", "SOURCE");
      for (MilestoneRule r : p.milestones()) {
        rules.row(r.id(), r.subject().name().toLowerCase(Locale.ROOT), r.due().toString(),
            r.windowOpens().map(Object::toString).orElse("due - " + r.windowLead()),
            r.overdueAfterDue().map(Object::toString).orElse("never"), closing(r.closes()), r.appliesWhen().toString(),
            r.satisfiedBy().toString(), mark(r.source().confidence()), r.source().citation());
      }
      rules.print(out);
      out.flush();
      return MentorCli.OK;
    }
  }

  /** {@code mentor protocol validate}. */
  @Command(name = "validate", mixinStandardHelpOptions = true,
      description = {"Validates a programme's own protocol file whole, as the library loads it: a parent among the "
          + "built-ins, every value present, of its type and in range, with a source.",
          "Exits with 1 and names the file, the path in it and the rule (PRO-...) if it does not validate."})
  static final class Validate implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "FILE", description = "The protocol file (JSON; format: docs/protocols/README.md).")
    Path file;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
      Protocol p = load(file);
      PrintWriter out = spec.commandLine().getOut();
      out.printf("%s: valid, protocol %s (%s)%s: %d values, %d milestone rules, %d unverified%n", file.getFileName(), p.ref(),
          p.title(), p.parent().map(parent -> ", inherits " + parent).orElse(""), Key.all().size(), p.milestones().size(),
          unverified(p));
      out.flush();
      return MentorCli.OK;
    }
  }

  /** {@code mentor protocol diff}. */
  @Command(name = "diff", mixinStandardHelpOptions = true,
      description = "What changes from one protocol to another: each value that differs (with both sources) and each "
          + "milestone rule added, removed or changed (field by field). Exits with 0 whether or not they differ.")
  static final class Diff implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "A", description = "The protocol before: ID[@VERSION] or a file.")
    String before;

    @Parameters(index = "1", paramLabel = "B", description = "The protocol after: ID[@VERSION] or a file.")
    String after;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
      Protocol a = resolve(before);
      Protocol b = resolve(after);
      PrintWriter out = spec.commandLine().getOut();
      out.printf("From %s to %s%n", a.ref(), b.ref());
      int changes = 0;
      Table values = new Table("KEY", a.ref().toString(), b.ref().toString(), "SOURCE IN " + b.ref());
      for (Key<?> key : Key.all()) {
        Object x = a.get(key);
        Object y = b.get(key);
        if (!x.equals(y)) {
          values.row(key.name(), String.valueOf(x), String.valueOf(y),
              b.source(key).citation() + " [" + mark(b.source(key).confidence()) + "]");
        }
      }
      out.println();
      if (values.isEmpty()) {
        out.println("Values: none changed");
      } else {
        out.println("Values changed");
        values.print(out);
      }
      Map<String, MilestoneRule> rulesA = byId(a);
      Map<String, MilestoneRule> rulesB = byId(b);
      Table rules = new Table("RULE", "CHANGE", "FIELD", a.ref().toString(), b.ref().toString());
      for (MilestoneRule r : rulesA.values()) {
        MilestoneRule other = rulesB.get(r.id());
        if (other == null) {
          rules.row(r.id(), "removed", "-", r.due().toString(), "-");
        } else if (!r.equals(other)) {
          for (RecordComponent component : MilestoneRule.class.getRecordComponents()) {
            Object x = read(component, r);
            Object y = read(component, other);
            if (!Objects.equals(x, y)) {
              rules.row(r.id(), "changed", component.getName(), describe(x), describe(y));
            }
          }
        }
      }
      for (MilestoneRule r : rulesB.values()) {
        if (!rulesA.containsKey(r.id())) {
          rules.row(r.id(), "added", "-", "-", r.due().toString());
        }
      }
      out.println();
      if (rules.isEmpty()) {
        out.println("Milestone rules: none changed");
      } else {
        out.println("Milestone rules changed");
        rules.print(out);
      }
      out.flush();
      return MentorCli.OK;
    }

    private static Map<String, MilestoneRule> byId(Protocol p) {
      Map<String, MilestoneRule> byId = new LinkedHashMap<>();
      p.milestones().forEach(r -> byId.putIfAbsent(r.id(), r));
      return byId;
    }

    private static Object read(RecordComponent component, MilestoneRule rule) {
      try {
        return component.getAccessor().invoke(rule);
      } catch (IllegalAccessException | InvocationTargetException e) {
        throw new IllegalStateException("a record's accessor is public", e);
      }
    }

    private static String describe(Object value) {
      if (value instanceof Source source) {
        return source.citation() + " [" + mark(source.confidence()) + "]";
      }
      if (value instanceof MilestoneRule.Closing closing) {
        return closing(closing);
      }
      if (value instanceof Optional<?> optional) {
        return optional.map(ProtocolCommand.Diff::describe).orElse("-");
      }
      return String.valueOf(value);
    }
  }

  /** A built-in reference (ID or ID@VERSION) or a file (a name ending in .json, or an existing file). */
  static Protocol resolve(String spec) {
    if (spec.endsWith(".json") || spec.contains("/") || spec.contains("\\") || Files.isRegularFile(Path.of(spec))) {
      return load(Path.of(spec));
    }
    int at = spec.indexOf('@');
    if (at < 0) {
      return Protocols.builtIn().stream().filter(p -> p.ref().id().equals(spec)).reduce((x, y) -> y)
          .orElseThrow(() -> unknown(spec));
    }
    String id = spec.substring(0, at);
    String version = spec.substring(at + 1);
    if (id.isBlank() || version.isBlank()) {
      throw unknown(spec);
    }
    return Protocols.builtIn(new ProtocolRef(id, version)).orElseThrow(() -> unknown(spec));
  }

  private static BadUsage unknown(String spec) {
    return new BadUsage("no built-in protocol " + spec + " (built in: " + String.join(", ",
        Protocols.builtIn().stream().map(p -> p.ref().toString()).toList()) + "; or give a .json file)");
  }

  /** Loads and validates a protocol file, its parent among the built-ins. */
  static Protocol load(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new BadUsage("no such file: " + file);
    }
    try (InputStream in = Files.newInputStream(file)) {
      return ProtocolLoader.fromStream(in, file.getFileName().toString());
    } catch (InvalidProtocolException e) {
      throw new Finding("invalid protocol: " + e.getMessage(), e);
    } catch (IOException e) {
      throw new Finding(file.getFileName() + ": cannot be read: " + e.getMessage(), e);
    }
  }

  static long unverified(Protocol p) {
    long values = Key.all().stream().filter(k -> p.source(k).confidence() == Confidence.UNVERIFIED).count();
    return values + p.milestones().stream().filter(r -> r.source().confidence() == Confidence.UNVERIFIED).count();
  }

  static String mark(Confidence confidence) {
    String mark = confidence.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    return confidence == Confidence.UNVERIFIED ? mark + " (!)" : mark;
  }

  static String closing(MilestoneRule.Closing closing) {
    if (closing instanceof MilestoneRule.Closing.WhenWindowOpens w) {
      return "when " + w.milestoneId() + " opens";
    }
    if (closing instanceof MilestoneRule.Closing.At at) {
      return "at " + at.term();
    }
    return "never";
  }
}
