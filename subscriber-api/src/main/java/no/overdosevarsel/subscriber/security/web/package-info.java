/** Who may call what over HTTP: the public subscribe and verify endpoints, health and info; nothing else. */
@NullMarked
package no.overdosevarsel.subscriber.security.web;

import org.jspecify.annotations.NullMarked;
