/** Mentor's FHIR R4 adapter: mapping a case to security-labelled resources and back. */
package org.mentor.fhir;
