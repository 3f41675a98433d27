/**
 * The case registry an EMR embeds ({@link org.mentor.core.registry.CaseRegistry}): cases kept in a
 * {@link org.mentor.core.registry.CaseStore}, read as of any date, and the due lists, gap lists and
 * caseload forecasts a programme works from, indexed by date, mentor and facility.
 */
@NullMarked
package org.mentor.core.registry;

import org.jspecify.annotations.NullMarked;
