package no.overdosevarsel.ingest.alert.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import no.overdosevarsel.contracts.alert.AlertStatus;
import no.overdosevarsel.contracts.alert.Certainty;
import no.overdosevarsel.contracts.alert.EvidenceSource;
import no.overdosevarsel.contracts.alert.Severity;
import no.overdosevarsel.contracts.alert.Urgency;
import no.overdosevarsel.ingest.alert.AlertText;
import no.overdosevarsel.ingest.alert.NewAlert;
import org.jspecify.annotations.Nullable;

/**
 * The body of {@code POST /api/alerts} and {@code PUT /api/alerts/{id}}: the text in bokmål at the top level, an optional English translation beside
 * it. Components without {@code @Nullable} are required; Bean Validation and {@link AlertRequestValidator} enforce
 * that before anything reads them.
 */
record AlertRequest(
        @Nullable AlertStatus status,
        @NotNull Severity severity,
        @NotNull Urgency urgency,
        @NotNull Certainty certainty,
        @NotNull EvidenceSource evidenceSource,
        @NotBlank @Size(max = Limits.EVENT) String event,

        @NotBlank @Size(max = AlertText.HEADLINE_MAX_LENGTH, message = "{validation.alert.headline.too-long}")
        String headline,

        @NotBlank @Size(max = Limits.DESCRIPTION) String description,

        @NotEmpty(message = "{validation.alert.instruction.empty}") @Size(max = Limits.ADVICE_LINES)
        List<@NotBlank @Size(max = Limits.ADVICE_LINE) String> instruction,

        @Nullable @Size(max = Limits.SUBSTANCES) List<@NotBlank @Size(max = Limits.SUBSTANCE) String> substances,
        @NotEmpty List<@NotBlank String> regions,
        @Nullable Instant effective,
        @Nullable Instant expires,
        @Nullable @Size(max = Limits.CONTACT) String contact,

        @Nullable @Size(max = Limits.WEB) @Pattern(regexp = Limits.WEB_PATTERN, message = "{validation.alert.web}")
        String web,

        @Nullable @Valid Translation english) {

    NewAlert toNewAlert() {
        return new NewAlert(
                status,
                severity,
                urgency,
                certainty,
                evidenceSource,
                substances == null ? List.of() : substances,
                regions,
                effective,
                expires,
                new AlertText(event, headline, description, instruction, blankToNull(contact)),
                english == null ? null : english.toText(),
                web);
    }

    /** The content under review, in the shape a client sends it. */
    static AlertRequest of(NewAlert content) {
        AlertText text = content.norwegian();
        AlertText english = content.english();
        return new AlertRequest(
                content.status(),
                content.severity(),
                content.urgency(),
                content.certainty(),
                content.evidenceSource(),
                text.event(),
                text.headline(),
                text.description(),
                text.instruction(),
                content.substances(),
                content.regions(),
                content.effective(),
                content.expires(),
                text.contact(),
                content.web(),
                english == null
                        ? null
                        : new Translation(
                                english.event(),
                                english.headline(),
                                english.description(),
                                english.instruction(),
                                english.contact()));
    }

    static @Nullable String blankToNull(@Nullable String text) {
        return text == null || text.isBlank() ? null : text;
    }

    /** Upper bounds that keep one alert readable (and one request small); the headline's is the domain's. */
    static final class Limits {
        static final int EVENT = 200;
        static final int DESCRIPTION = 4000;
        static final int ADVICE_LINES = 20;
        static final int ADVICE_LINE = 300;
        static final int SUBSTANCES = 20;
        static final int SUBSTANCE = 100;
        static final int CONTACT = 500;
        static final int WEB = 2000;
        /** Only web links: a {@code javascript:} or {@code data:} URI must never reach a feed or a page. */
        static final String WEB_PATTERN = "https?://\\S+";

        private Limits() {}
    }
}
