/** Fan-out of an alert version to one delivery per subscriber and channel, and the workers that send them. */
@NullMarked
package no.overdosevarsel.dispatch.delivery;

import org.jspecify.annotations.NullMarked;
