package no.overdosevarsel.ingest.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import no.overdosevarsel.contracts.alert.AlertEvent;
import no.overdosevarsel.contracts.alert.AlertInfo;
import no.overdosevarsel.contracts.alert.AlertStatus;
import no.overdosevarsel.contracts.alert.Certainty;
import no.overdosevarsel.contracts.alert.EvidenceSource;
import no.overdosevarsel.contracts.alert.MsgType;
import no.overdosevarsel.contracts.alert.Severity;
import no.overdosevarsel.contracts.alert.Urgency;
import no.overdosevarsel.contracts.region.RegionCatalogue;
import no.overdosevarsel.contracts.region.UnknownRegionException;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class AlertTests {

    private static final Instant NOW = Instant.parse("2026-11-27T12:00:00.123456Z");
    private static final Duration VALIDITY = Duration.ofDays(14);
    private static final AlertId ID = AlertId.random();
    private static final AlertText BOKMAL = new AlertText(
            "Nitazener i heroin",
            "Heroin med nitazener i Oslo",
            "Brunt pulver solgt som heroin",
            List.of("Ikke bruk alene", "Ha nalokson tilgjengelig"),
            "Ring 113 ved overdose");
    private static final AlertText ENGLISH = new AlertText(
            "Nitazenes in heroin",
            "Heroin with nitazenes in Oslo",
            "Brown powder sold as heroin",
            List.of("Do not use alone", "Have naloxone at hand"),
            null);

    @Test
    void firstVersionIsAnActualAlertInForceFromNowForTheDefaultValidity() {
        AlertEvent first = publish(newAlert(null, null, List.of("0301"), null)).current();

        Instant sent = Instant.parse("2026-11-27T12:00:00Z");
        assertThat(first.alertId()).isEqualTo(ID.value());
        assertThat(first.version()).isOne();
        assertThat(first.msgType()).isEqualTo(MsgType.Alert);
        assertThat(first.status()).isEqualTo(AlertStatus.Actual);
        assertThat(first.sender()).isEqualTo("coordinator");
        assertThat(first.sent()).as("CAP times have whole seconds").isEqualTo(sent);
        assertThat(first.effective()).isEqualTo(sent);
        assertThat(first.expires()).isEqualTo(sent.plus(VALIDITY));
        assertThat(first.references()).isEmpty();
    }

    @Test
    void defaultExpiryCountsFromTheGivenStart() {
        Instant effective = NOW.plus(Duration.ofDays(1));

        AlertEvent first =
                publish(newAlert(effective, null, List.of("0301"), null)).current();

        assertThat(first.effective()).isEqualTo(effective);
        assertThat(first.expires()).isEqualTo(effective.plus(VALIDITY));
    }

    @Test
    void bokmalComesFirstAndEnglishBorrowsTheBokmalContactWhenItHasNone() {
        AlertEvent first =
                publish(newAlert(null, null, List.of("0301"), ENGLISH)).current();

        assertThat(first.info()).extracting(AlertInfo::language).containsExactly("nb", "en");
        assertThat(first.primary().headline()).isEqualTo("Heroin med nitazener i Oslo");
        assertThat(first.info("en").headline()).isEqualTo("Heroin with nitazenes in Oslo");
        assertThat(first.info("en").contact()).isEqualTo("Ring 113 ved overdose");
    }

    @Test
    void regionsAreKeptOnceEachInCatalogueForm() {
        AlertEvent first = publish(newAlert(null, null, List.of("no-32", " 0301 ", "NO-32"), null))
                .current();

        assertThat(first.regions()).containsExactly("NO-32", "0301");
    }

    @Test
    void refusesAnUnknownRegion() {
        assertThatThrownBy(() -> publish(newAlert(null, null, List.of("0301", "NO-99"), null)))
                .isInstanceOf(UnknownRegionException.class);
    }

    @Test
    void refusesToExpireBeforeItTakesEffect() {
        Instant effective = NOW.plus(Duration.ofDays(2));

        assertThatIllegalArgumentException()
                .isThrownBy(() -> publish(newAlert(effective, effective, List.of("0301"), null)))
                .withMessageContaining("expire after it takes effect");
    }

    @Test
    void refusesAnAlertThatHasAlreadyExpired() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> publish(
                        newAlert(NOW.minus(Duration.ofDays(3)), NOW.minus(Duration.ofDays(1)), List.of("0301"), null)))
                .withMessageContaining("expired");
    }

    @Test
    void textRefusesAHeadlineTooLongForAnSmsAndAnEmptyAdviceList() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new AlertText("e", "h".repeat(141), "d", List.of("råd"), null));
        assertThatIllegalArgumentException().isThrownBy(() -> new AlertText("e", "h", "d", List.of(), null));
        assertThat(new AlertText("e", "h".repeat(140), "d", List.of("råd"), null).headline())
                .hasSize(AlertText.HEADLINE_MAX_LENGTH);
    }

    @Test
    void keepsEveryVersionInOrder() {
        Alert alert = publish(newAlert(null, null, List.of("0301"), null));

        assertThatIllegalArgumentException()
                .isThrownBy(() -> new Alert(AlertId.random(), NOW, "coordinator", alert.versions()));
        assertThatIllegalArgumentException().isThrownBy(() -> new Alert(ID, NOW, "coordinator", List.of()));
    }

    private static Alert publish(NewAlert content) {
        return Alert.publish(ID, content, "coordinator", NOW, VALIDITY, RegionCatalogue.norway());
    }

    private static NewAlert newAlert(
            @Nullable Instant effective, @Nullable Instant expires, List<String> regions, @Nullable AlertText english) {
        return new NewAlert(
                null,
                Severity.Severe,
                Urgency.Immediate,
                Certainty.Observed,
                EvidenceSource.DRUG_CHECKING,
                List.of("heroin"),
                regions,
                effective,
                expires,
                BOKMAL,
                english,
                null);
    }
}
