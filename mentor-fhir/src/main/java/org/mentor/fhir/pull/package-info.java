/**
 * Pull: brings what changed on a FHIR server since a cursor into a registry's cases, through the mapping's validated
 * import. Facts another system recorded (a lab's result) become events that remember their origin, so a push never
 * sends them back; facts both sides changed are reported as conflicts; a resource Mentor cannot read is refused and
 * reported while the pull goes on. Guarantees and configuration: docs/fhir-sync.md, "Pull".
 */
@NullMarked
package org.mentor.fhir.pull;

import org.jspecify.annotations.NullMarked;
