/**
 * A durable {@link org.mentor.core.registry.CaseStore} in SQL ({@link
 * org.mentor.store.jdbc.JdbcCaseStore}): PostgreSQL in production, H2 in file mode as the embedded
 * default, plain JDBC over a {@code DataSource} the EMR provides, the schema kept by Flyway
 * migrations shipped here, and every event stored in its public, versioned JSON form.
 */
@NullMarked
package org.mentor.store.jdbc;

import org.jspecify.annotations.NullMarked;
