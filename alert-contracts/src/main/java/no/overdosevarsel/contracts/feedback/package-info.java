/** What providers told alert-dispatch about a contact point, fed back to subscriber-api. */
@NullMarked
package no.overdosevarsel.contracts.feedback;

import org.jspecify.annotations.NullMarked;
