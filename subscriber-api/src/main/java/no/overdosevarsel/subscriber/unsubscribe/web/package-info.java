/**
 * Email unsubscribe links (RFC 8058): a confirmation page on GET, which changes nothing since mail scanners follow
 * links, and the unsubscribe itself on a single POST, authorised by the signed token alone.
 */
@NullMarked
package no.overdosevarsel.subscriber.unsubscribe.web;

import org.jspecify.annotations.NullMarked;
