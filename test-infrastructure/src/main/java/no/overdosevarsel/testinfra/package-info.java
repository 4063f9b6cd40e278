/**
 * A real Kafka broker and a real PostgreSQL for integration tests: Testcontainers where a Docker engine runs, otherwise
 * an in-JVM KRaft broker and the local PostgreSQL server (or an embedded one). Never H2, never a mocked broker.
 */
@NullMarked
package no.overdosevarsel.testinfra;

import org.jspecify.annotations.NullMarked;
