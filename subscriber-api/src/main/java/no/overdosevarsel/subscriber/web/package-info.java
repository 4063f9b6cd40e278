/** What the public pages of subscriber-api share. */
@NullMarked
package no.overdosevarsel.subscriber.web;

import org.jspecify.annotations.NullMarked;
