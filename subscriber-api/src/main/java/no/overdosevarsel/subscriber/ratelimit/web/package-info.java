/** Rate limits over HTTP: per client IP on every public endpoint, and the 429 problem with Retry-After. */
@NullMarked
package no.overdosevarsel.subscriber.ratelimit.web;

import org.jspecify.annotations.NullMarked;
