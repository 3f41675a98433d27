/**
 * The parts of {@code mentor demo} (docs/cli.md): a synthetic clinic made by the simulator and cut at
 * today ({@link org.mentor.examples.demo.SyntheticClinic}), the clinic on a day as the engine sees it
 * ({@link org.mentor.examples.demo.ClinicSnapshot}), what a FHIR server holds against what was mapped
 * ({@link org.mentor.examples.demo.ServerCheck}) and the HTML report with its charts
 * ({@link org.mentor.examples.demo.DemoReport}). Examples code: never a library dependency.
 */
@NullMarked
package org.mentor.examples.demo;

import org.jspecify.annotations.NullMarked;
