/** The subscription snapshot: what alert-dispatch needs to deliver to one subscriber, and nothing more. */
@NullMarked
package no.overdosevarsel.contracts.subscription;

import org.jspecify.annotations.NullMarked;
