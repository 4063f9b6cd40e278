/**
 * Magic links: a signed, expiring link sent to a contact point, with which its holder sees, exports or erases their
 * subscriptions without a password.
 */
@NullMarked
package no.overdosevarsel.subscriber.manage;

import org.jspecify.annotations.NullMarked;
