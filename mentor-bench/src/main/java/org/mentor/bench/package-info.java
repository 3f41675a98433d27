/** JMH benchmarks of the pathway engine; never deployed. */
package org.mentor.bench;
