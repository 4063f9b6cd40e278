/** HTTP conventions shared by the apps: problem details with field errors, locale from Accept-Language. */
@NullMarked
package no.overdosevarsel.platform.web;

import org.jspecify.annotations.NullMarked;
