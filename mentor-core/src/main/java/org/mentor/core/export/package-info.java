/**
 * De-identified research exports of real cohorts ({@link org.mentor.core.export.ResearchExport}):
 * keyed-hash pseudonyms with a secret the programme holds, one date shift per mother that keeps
 * every interval, coarsened ages and weights, coded values only (no free text, no identifiers),
 * and aggregate tables with small-cell suppression ({@link org.mentor.core.export.SmallCellSuppression}).
 * What this protects and what it does not: {@code docs/privacy.md}.
 */
@NullMarked
package org.mentor.core.export;

import org.jspecify.annotations.NullMarked;
