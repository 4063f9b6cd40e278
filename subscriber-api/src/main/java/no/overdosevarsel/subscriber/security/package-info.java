/** The server's token secret and the HMACs made with it: verification code hashes and signed unsubscribe tokens. */
@NullMarked
package no.overdosevarsel.subscriber.security;

import org.jspecify.annotations.NullMarked;
