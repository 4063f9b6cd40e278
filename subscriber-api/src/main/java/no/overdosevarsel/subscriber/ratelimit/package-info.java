/**
 * How often one client or one contact point may ask for something that costs us or bothers someone: fixed windows per
 * key, in memory, per instance.
 */
@NullMarked
package no.overdosevarsel.subscriber.ratelimit;

import org.jspecify.annotations.NullMarked;
