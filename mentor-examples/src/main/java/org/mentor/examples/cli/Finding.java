package org.mentor.examples.cli;

/**
 * A finding about the user's input — an invalid events file, a refused event, a protocol file that
 * does not validate: exit code {@value MentorCli#FINDING}, the message on one line of standard error.
 * Messages name the file, line, field and rule; never a patient value.
 */
final class Finding extends RuntimeException {
  private static final long serialVersionUID = 1L;

  Finding(String message) {
    super(message);
  }

  Finding(String message, Throwable cause) {
    super(message, cause);
  }
}
