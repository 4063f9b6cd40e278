/** What crosses a service boundary: topic names, event records and their JSON mapping. */
@NullMarked
package no.overdosevarsel.contracts;

import org.jspecify.annotations.NullMarked;
