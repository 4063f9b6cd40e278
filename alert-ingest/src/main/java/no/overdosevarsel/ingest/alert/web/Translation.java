package no.overdosevarsel.ingest.alert.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.util.List;
import no.overdosevarsel.contracts.alert.AlertInfo;
import no.overdosevarsel.ingest.alert.AlertText;
import org.jspecify.annotations.Nullable;

/**
 * The text fields of an alert in another language (English), in requests and responses. Without a contact of its own,
 * the bokmål contact is used.
 */
record Translation(
        @NotBlank @Size(max = AlertRequest.Limits.EVENT) String event,

        @NotBlank @Size(max = AlertText.HEADLINE_MAX_LENGTH, message = "{validation.alert.headline.too-long}")
        String headline,

        @NotBlank @Size(max = AlertRequest.Limits.DESCRIPTION)
        String description,

        @NotEmpty(message = "{validation.alert.instruction.empty}") @Size(max = AlertRequest.Limits.ADVICE_LINES)
        List<@NotBlank @Size(max = AlertRequest.Limits.ADVICE_LINE) String> instruction,

        @Nullable @Size(max = AlertRequest.Limits.CONTACT) String contact) {

    AlertText toText() {
        return new AlertText(event, headline, description, instruction, AlertRequest.blankToNull(contact));
    }

    static Translation of(AlertInfo info) {
        return new Translation(info.event(), info.headline(), info.description(), info.instruction(), info.contact());
    }
}
