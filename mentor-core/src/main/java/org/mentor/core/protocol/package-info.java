/**
 * Protocols as data: guideline versions whose every value carries its source and confidence mark.
 */
@NullMarked
package org.mentor.core.protocol;

import org.jspecify.annotations.NullMarked;
