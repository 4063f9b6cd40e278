package no.overdosevarsel.contracts.alert;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The text of an alert in one language (a CAP {@code info} block). Plain text only: consumers escape it on every way
 * out.
 *
 * @param language BCP 47 code, {@code nb} or {@code en}
 * @param event what kind of danger, e.g. "Nitazener i heroin"
 * @param headline short, fits an SMS
 * @param description what it is and what it looks like (colour, shape, markings, packaging, sold as)
 * @param instruction advice, one line each, most important first
 * @param contact who to contact, if anyone
 */
public record AlertInfo(
        String language,
        String event,
        String headline,
        String description,
        List<String> instruction,
        @Nullable String contact) {

    public AlertInfo {
        instruction = List.copyOf(instruction);
    }
}
