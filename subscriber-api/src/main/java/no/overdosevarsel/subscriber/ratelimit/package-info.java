/**
 * How often one client or one contact point may ask for something that costs us or bothers someone: fixed windows per
 * key, shared by every instance in the database for contact points, in each instance's memory for client IPs.
 */
@NullMarked
package no.overdosevarsel.subscriber.ratelimit;

import org.jspecify.annotations.NullMarked;
