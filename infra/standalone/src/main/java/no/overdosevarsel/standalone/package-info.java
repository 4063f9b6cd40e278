/**
 * Runs the whole product on one machine: a real single-node Kafka broker and an embedded PostgreSQL in this JVM, then
 * alert-ingest, subscriber-api and alert-dispatch as three separate Spring Boot applications beside them.
 */
@NullMarked
package no.overdosevarsel.standalone;

import org.jspecify.annotations.NullMarked;
