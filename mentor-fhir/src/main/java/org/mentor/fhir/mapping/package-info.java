/** The mapping of a case, as of a date, to FHIR R4 resources and back: one mapper per resource type, both directions side by side. */
package org.mentor.fhir.mapping;
