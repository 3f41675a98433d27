package org.mentor.examples.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import org.mentor.core.CaseId;
import org.mentor.core.MentorException;
import org.mentor.core.MentorId;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.ScopeType;

/**
 * The {@code mentor} command line: due lists, cases, protocols, FHIR export, the pathway diagram and
 * indicator reports over a newline-delimited file of case events ({@code docs/cli.md}).
 *
 * <p>Exit codes scripts can rely on: {@value #OK} success, {@value #FINDING} a finding (an invalid
 * file, an event refused, a protocol that does not validate), {@value #USAGE} bad usage (an unknown
 * option, a missing argument, a file that does not exist), {@value #INTERNAL} an internal error (a
 * bug). Errors go to standard error as one line; {@code --verbose} adds the stack trace.
 */
@Command(name = "mentor", mixinStandardHelpOptions = true, versionProvider = MentorCli.Version.class,
    description = "Mentor: the mother-infant HIV care pathway from the command line. Every patient value is yours: "
        + "nothing is sent anywhere.",
    subcommands = {DemoCommand.class, DueCommand.class, CaseCommand.class, ProtocolCommand.class, FhirCommand.class, DiagramCommand.class,
        ReportCommand.class, SimulateCommand.class,
        EconomicsCommand.class, CommandLine.HelpCommand.class},
    footer = {"", "Exit codes: 0 ok, 1 a finding (invalid file, refused event), 2 bad usage, 3 internal error."})
public final class MentorCli implements Runnable {
  /** Success. */
  public static final int OK = 0;
  /** A finding: the input is invalid, an event was refused, a protocol does not validate. */
  public static final int FINDING = 1;
  /** Bad usage: an unknown option, a missing or malformed argument, a file that does not exist. */
  public static final int USAGE = 2;
  /** An internal error: a bug, reported with {@code --verbose} for its stack trace. */
  public static final int INTERNAL = 3;

  @Option(names = "--verbose", scope = ScopeType.INHERIT, description = "On an error, print the stack trace too.")
  boolean verbose;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  /**
   * Runs the command line and exits with its code.
   *
   * @param args the arguments
   */
  public static void main(String[] args) {
    // Charts are drawn to files; no command opens a window (nor a dock icon on macOS).
    System.setProperty("java.awt.headless", "true");
    System.exit(commandLine().execute(args));
  }

  /**
   * The command line with Mentor's error handling: call {@link CommandLine#setOut} and
   * {@link CommandLine#setErr} to capture its output, then {@link CommandLine#execute}.
   *
   * @return a new command line
   */
  public static CommandLine commandLine() {
    CommandLine cli = new CommandLine(new MentorCli());
    cli.setParameterExceptionHandler(MentorCli::badUsage);
    cli.setExecutionExceptionHandler(MentorCli::failed);
    cli.setCaseInsensitiveEnumValuesAllowed(true);
    cli.registerConverter(CaseId.class, text -> id(text, CaseId::of));
    cli.registerConverter(MentorId.class, text -> id(text, MentorId::of));
    return cli;
  }

  @Override
  public void run() {
    // "mentor" alone: say what there is.
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** An id the library refuses (empty, padded, too long) is bad usage, not a crash. */
  private static <T> T id(String text, java.util.function.Function<String, T> of) {
    try {
      return of.apply(text);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.TypeConversionException(e.getMessage());
    }
  }

  private static int badUsage(ParameterException e, String[] args) {
    CommandLine cmd = e.getCommandLine();
    PrintWriter err = cmd.getErr();
    err.println(cmd.getCommandSpec().qualifiedName() + ": " + oneLine(e.getMessage()) + " (see "
        + cmd.getCommandSpec().qualifiedName() + " --help)");
    if (verbose(args)) {
      e.printStackTrace(err);
    }
    err.flush();
    return USAGE;
  }

  private static int failed(Exception e, CommandLine cmd, ParseResult parsed) {
    PrintWriter err = cmd.getErr();
    String name = cmd.getCommandSpec().qualifiedName();
    int code;
    if (e instanceof BadUsage) {
      err.println(name + ": " + oneLine(e.getMessage()) + " (see " + name + " --help)");
      code = USAGE;
    } else if (e instanceof Finding || e instanceof MentorException) {
      err.println(name + ": " + oneLine(e.getMessage()));
      code = FINDING;
    } else {
      err.println(name + ": internal error: " + e.getClass().getSimpleName() + ": " + oneLine(String.valueOf(e.getMessage()))
          + (verbose(parsed) ? "" : " (run with --verbose for the stack trace)"));
      code = INTERNAL;
    }
    if (verbose(parsed)) {
      e.printStackTrace(err);
    }
    err.flush();
    return code;
  }

  private static boolean verbose(ParseResult parsed) {
    for (ParseResult p = parsed; p != null; p = p.subcommand()) {
      if (p.hasMatchedOption("--verbose")) {
        return true;
      }
    }
    return false;
  }

  private static boolean verbose(String[] args) {
    List<String> all = new ArrayList<>(List.of(args));
    return all.contains("--verbose");
  }

  /** Messages are one line on the terminal whatever a library put in them. */
  static String oneLine(String message) {
    return message.replaceAll("\\s*[\\r\\n]+\\s*", " ").strip();
  }

  /** The version from the jar's manifest (the build's version), or "development" when run from classes. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String version = MentorCli.class.getPackage().getImplementationVersion();
      return new String[] {"mentor " + (version == null ? "(development build)" : version)};
    }
  }
}
