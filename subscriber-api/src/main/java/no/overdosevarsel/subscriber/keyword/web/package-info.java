/** Twilio's inbound-message webhook: signature check against the public URL, then one call to the keyword service. */
@NullMarked
package no.overdosevarsel.subscriber.keyword.web;

import org.jspecify.annotations.NullMarked;
