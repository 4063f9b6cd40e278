/** The Norway region catalogue: region codes, their names, and which regions an alert reaches. */
@NullMarked
package no.overdosevarsel.contracts.region;

import org.jspecify.annotations.NullMarked;
