/** Import of FHIR resources (Bundles, NDJSON, third parties' resources) as a case's events, through the core's validation. */
package org.mentor.fhir.imports;
