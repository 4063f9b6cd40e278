/** The transactional outbox: "stored" and "published" become one database decision. */
@NullMarked
package no.overdosevarsel.platform.outbox;

import org.jspecify.annotations.NullMarked;
