/**
 * Coordinator accounts: who they are, their roles and the regions they may create and approve alerts for. Local
 * accounts live in the database with bcrypt hashes; the first administrator is created at first start.
 */
@NullMarked
package no.overdosevarsel.ingest.coordinator;

import org.jspecify.annotations.NullMarked;
