package no.overdosevarsel.subscriber.keyword;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import no.overdosevarsel.subscriber.subscription.Language;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class KeywordCommandTests {

    @ParameterizedTest
    @ValueSource(
            strings = {"STOP", "stop", "  Stop  ", "STOPP", "stopp.", "Avslutt", "UNSUBSCRIBE", "stop sending this"})
    void everyStopWordStopsWhateverTheCaseBlanksOrWhatFollows(String body) {
        assertThat(KeywordCommand.parse(body)).isInstanceOf(KeywordCommand.Stop.class);
    }

    @Test
    void stopWordsSayTheirLanguageWhereTheyHaveOne() {
        assertThat(KeywordCommand.parse("stopp").language()).contains(Language.NB);
        assertThat(KeywordCommand.parse("avslutt").language()).contains(Language.NB);
        assertThat(KeywordCommand.parse("unsubscribe").language()).contains(Language.EN);
        assertThat(KeywordCommand.parse("stop").language()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"START", "start", " Unstop "})
    void startAndUnstopResume(String body) {
        assertThat(KeywordCommand.parse(body)).isInstanceOf(KeywordCommand.Start.class);
    }

    @Test
    void helpInEitherLanguage() {
        assertThat(KeywordCommand.parse("hjelp")).isEqualTo(new KeywordCommand.Help(Optional.of(Language.NB)));
        assertThat(KeywordCommand.parse("HELP")).isEqualTo(new KeywordCommand.Help(Optional.of(Language.EN)));
    }

    @Test
    void varselTakesTheRestAsTheRegion() {
        assertThat(KeywordCommand.parse("VARSEL TROMSØ"))
                .isEqualTo(new KeywordCommand.Subscribe("TROMSØ", Optional.of(Language.NB)));
        assertThat(KeywordCommand.parse("varsel  nord-fron "))
                .isEqualTo(new KeywordCommand.Subscribe("NORD-FRON", Optional.of(Language.NB)));
        assertThat(KeywordCommand.parse("Varsel: 5501"))
                .isEqualTo(new KeywordCommand.Subscribe("5501", Optional.of(Language.NB)));
        assertThat(KeywordCommand.parse("alert oslo"))
                .isEqualTo(new KeywordCommand.Subscribe("OSLO", Optional.of(Language.EN)));
        assertThat(KeywordCommand.parse("VARSEL"))
                .isEqualTo(new KeywordCommand.Subscribe("", Optional.of(Language.NB)));
    }

    @Test
    void aSixDigitCodeConfirmsAloneOrAfterAYes() {
        assertThat(KeywordCommand.parse("123456")).isEqualTo(new KeywordCommand.Confirm("123456", Optional.empty()));
        assertThat(KeywordCommand.parse(" 123 456 ")).isEqualTo(new KeywordCommand.Confirm("123456", Optional.empty()));
        assertThat(KeywordCommand.parse("Ja 123456"))
                .isEqualTo(new KeywordCommand.Confirm("123456", Optional.of(Language.NB)));
        assertThat(KeywordCommand.parse("yes 123456"))
                .isEqualTo(new KeywordCommand.Confirm("123456", Optional.of(Language.EN)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "hei", "12345", "1234567", "🙂", "VARSEL5501"})
    void anythingElseIsUnknown(String body) {
        assertThat(KeywordCommand.parse(body)).isInstanceOf(KeywordCommand.Unknown.class);
    }
}
