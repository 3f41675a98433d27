package org.mentor.examples.cli;

/**
 * Bad usage found after parsing — a file that does not exist, a period that cannot be read, an
 * unknown protocol id: exit code {@value MentorCli#USAGE}, the message on one line of standard error.
 */
final class BadUsage extends RuntimeException {
  private static final long serialVersionUID = 1L;

  BadUsage(String message) {
    super(message);
  }
}
