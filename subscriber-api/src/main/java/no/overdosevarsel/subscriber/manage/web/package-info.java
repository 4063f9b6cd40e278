/** Asking for a manage link, and what its token allows over HTTP: export (GDPR Art. 15) and erasure (Art. 17). */
@NullMarked
package no.overdosevarsel.subscriber.manage.web;

import org.jspecify.annotations.NullMarked;
