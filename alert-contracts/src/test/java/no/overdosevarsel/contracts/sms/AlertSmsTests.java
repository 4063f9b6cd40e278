package no.overdosevarsel.contracts.sms;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import no.overdosevarsel.contracts.alert.MsgType;
import no.overdosevarsel.contracts.region.RegionCatalogue;
import org.junit.jupiter.api.Test;

class AlertSmsTests {

    private static final String LINK = "https://overdosevarsel.no/varsel/5b0c7c5e-9a51-4a55-8f3e-0d1d2a6b7c11";
    private static final AlertSms THREE_SEGMENTS = new AlertSms(RegionCatalogue.norway(), 3);

    @Test
    void anAlertSaysWhatWhereWhatToDoWhereToReadMoreAndHowToStopInBokmal() {
        String text = THREE_SEGMENTS.render(
                MsgType.Alert,
                "Nitazener i heroin i Tromsø",
                List.of("5501"),
                List.of("Ikke bruk alene", "Ha nalokson tilgjengelig"),
                LINK,
                "nb");

        assertThat(text)
                .isEqualTo("VARSEL: Nitazener i heroin i Tromsø (Tromsø). Ikke bruk alene. Ha nalokson tilgjengelig."
                        + " Mer: " + LINK + " Stopp: svar STOPP");
        assertThat(SmsSegments.isGsm7(text)).as("æøå are GSM-7").isTrue();
        assertThat(SmsSegments.count(text)).isLessThanOrEqualTo(3);
    }

    @Test
    void updatesAndCancellationsSayWhatTheyAreInEnglish() {
        assertThat(THREE_SEGMENTS.render(
                        MsgType.Update, "Fentanyl in fake pills", List.of("NO"), List.of(), LINK, "en"))
                .startsWith("UPDATED: Fentanyl in fake pills (")
                .endsWith("More: " + LINK + " Stop: reply STOP");
        assertThat(THREE_SEGMENTS.render(
                        MsgType.Cancel, "Fentanyl in fake pills", List.of("NO"), List.of(), LINK, "en"))
                .startsWith("CANCELLED: ");
    }

    @Test
    void adviceIsDroppedFromTheEndBeforeTheHeadlineIsTouched() {
        AlertSms oneSegment = new AlertSms(RegionCatalogue.norway(), 1);

        String text = oneSegment.render(
                MsgType.Alert,
                "Nitazener i heroin",
                List.of("0301"),
                List.of("Ikke bruk alene", "Ha nalokson tilgjengelig", "Test stoffet ditt"),
                LINK,
                "nb");

        assertThat(SmsSegments.count(text)).isEqualTo(1);
        assertThat(text)
                .startsWith("VARSEL: Nitazener i heroin (Oslo). Ikke bruk alene. Mer: ")
                .doesNotContain("Ha nalokson")
                .doesNotContain("Test stoffet ditt");
    }

    @Test
    void aTooLongHeadlineIsCutAtAWordWithAnEllipsisNeverInsideAWord() {
        AlertSms oneSegment = new AlertSms(RegionCatalogue.norway(), 1);
        String headline = "Svært farlig heroin med nitazener selges nå på gata i hele Oslo sentrum og på Grønland og"
                + " Vaterland, flere overdoser siste døgn";

        String text = oneSegment.render(MsgType.Alert, headline, List.of("0301"), List.of(), LINK, "nb");

        assertThat(SmsSegments.count(text)).isEqualTo(1);
        String shortened = text.substring("VARSEL: ".length(), text.indexOf("..."));
        assertThat(headline).startsWith(shortened + " ");
        assertThat(oneSegment.keepsHeadline(MsgType.Alert, headline, LINK, "nb"))
                .isFalse();
    }

    @Test
    void anEmojiMakesTheWholeTextUcs2AndSoKeepsLessOfTheHeadline() {
        String plain = "Farlige piller i omløp i Bergen sentrum og omegn denne uka";

        assertThat(new AlertSms(RegionCatalogue.norway(), 2).keepsHeadline(MsgType.Update, plain, LINK, "nb"))
                .isTrue();
        assertThat(new AlertSms(RegionCatalogue.norway(), 2).keepsHeadline(MsgType.Update, plain + " ⚠️", LINK, "nb"))
                .isFalse();
    }

    @Test
    void manyRegionsAreNamedTwoAndCounted() {
        String text = THREE_SEGMENTS.render(
                MsgType.Alert, "Fentanyl", List.of("0301", "4601", "5001", "1103"), List.of(), LINK, "nb");

        assertThat(text).startsWith("VARSEL: Fentanyl (Oslo, Bergen +2).");
    }
}
