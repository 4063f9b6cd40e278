/** The local outbox: where messages go in standalone use without provider credentials, for a person to read. */
@NullMarked
package no.overdosevarsel.dispatch.channel.local;

import org.jspecify.annotations.NullMarked;
