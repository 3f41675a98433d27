/**
 * The {@code mentor} command line (docs/cli.md), built on picocli: one class per command, the options
 * shared by commands that read cases ({@link org.mentor.examples.cli.EventsOptions}: an events file
 * or an H2 database) or talk to a FHIR server ({@link org.mentor.examples.cli.ServerOptions}), and
 * the exit codes ({@link org.mentor.examples.cli.MentorCli}). Option fields are filled by picocli and
 * may be null when an option is left out; examples code, never a library dependency.
 */
package org.mentor.examples.cli;
