package org.mentor.examples.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/**
 * One in-process run of the {@code mentor} command line, as a script sees it: the exit code and
 * what went to standard output and standard error.
 *
 * @param exit the exit code
 * @param out standard output
 * @param err standard error
 */
record CliRun(int exit, String out, String err) {
  static CliRun of(String... args) {
    CommandLine cli = MentorCli.commandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    int exit = cli.execute(args);
    return new CliRun(exit, out.toString(), err.toString());
  }

  /** Standard error's lines. */
  java.util.List<String> errLines() {
    return err.lines().toList();
  }
}
