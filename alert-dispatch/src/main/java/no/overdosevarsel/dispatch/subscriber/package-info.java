/** Dispatch's own copy of subscribers, rebuilt from the compacted subscriptions topic. */
@NullMarked
package no.overdosevarsel.dispatch.subscriber;

import org.jspecify.annotations.NullMarked;
