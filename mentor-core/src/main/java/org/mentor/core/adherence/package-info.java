/** Adherence measures: pill-count adherence and its bands (maternal.md §5). */
@NullMarked
package org.mentor.core.adherence;

import org.jspecify.annotations.NullMarked;
