package no.overdosevarsel.ingest.alert;

import java.util.List;
import no.overdosevarsel.contracts.alert.AlertInfo;
import org.jspecify.annotations.Nullable;

/**
 * The text of an alert in one language. Plain text: it is escaped wherever it is shown, never interpreted.
 *
 * @param event what kind of danger, e.g. "Nitazener i heroin"
 * @param headline short enough for an SMS
 * @param description what it is and what it looks like
 * @param instruction advice, one line each, most important first; at least one
 * @param contact who to contact, if anyone
 */
public record AlertText(
        String event,
        String headline,
        String description,
        List<String> instruction,
        @Nullable String contact) {

    /** A headline has to fit in one SMS together with the region and a link. */
    public static final int HEADLINE_MAX_LENGTH = 140;

    /** The language of the primary text (BCP 47). */
    public static final String BOKMAL = "nb";

    /** The language of the optional translation (BCP 47). */
    public static final String ENGLISH = "en";

    public AlertText {
        requireText(event, "event");
        requireText(headline, "headline");
        requireText(description, "description");
        if (headline.length() > HEADLINE_MAX_LENGTH) {
            throw new IllegalArgumentException("a headline has at most " + HEADLINE_MAX_LENGTH + " characters");
        }
        if (instruction.isEmpty() || instruction.stream().anyMatch(String::isBlank)) {
            throw new IllegalArgumentException("an alert needs at least one piece of advice, and no blank ones");
        }
        instruction = List.copyOf(instruction);
    }

    /** This text as the CAP info block of one language, with the contact of another if this one names none. */
    AlertInfo asInfo(String language, @Nullable String fallbackContact) {
        return new AlertInfo(
                language, event, headline, description, instruction, contact != null ? contact : fallbackContact);
    }

    private static void requireText(String value, String name) {
        if (value.isBlank()) {
            throw new IllegalArgumentException("an alert needs a " + name);
        }
    }
}
