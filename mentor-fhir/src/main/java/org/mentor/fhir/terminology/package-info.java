/** Every external code system and code Mentor's FHIR mapping uses, with its source. */
package org.mentor.fhir.terminology;
