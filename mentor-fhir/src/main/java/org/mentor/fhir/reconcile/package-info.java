/**
 * Reconcile: proves on demand that a FHIR server holds what the library would write for a set of cases, comparing
 * resources by business identifier and by a hash of their Mentor-owned content, and reports what is missing, extra
 * or different; a repair re-pushes the cases concerned and removes duplicates. Resources other systems own are never
 * compared or touched. docs/fhir-sync.md, "Reconcile".
 */
@NullMarked
package org.mentor.fhir.reconcile;

import org.jspecify.annotations.NullMarked;
