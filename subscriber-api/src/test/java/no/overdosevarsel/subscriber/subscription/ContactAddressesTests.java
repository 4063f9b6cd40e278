package no.overdosevarsel.subscriber.subscription;

import static org.assertj.core.api.Assertions.assertThat;

import no.overdosevarsel.contracts.subscription.Channel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ContactAddressesTests {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "912 34 567",
                "91234567",
                "+47 912 34 567",
                "+4791234567",
                "0047 91234567",
                " 912-34-567 ",
                "(+47) 912 34 567"
            })
    void normalisesNorwegianMobileNumbersToE164(String typed) {
        assertThat(ContactAddresses.phone(typed)).contains("+4791234567");
    }

    @ParameterizedTest
    @ValueSource(strings = {"123", "", "   ", "abc", "912 34 56", "912 34 5678", "+47 22 22 22 22", "0047 800 12 345"})
    void rejectsWhatCannotReceiveAnSms(String typed) {
        assertThat(ContactAddresses.phone(typed)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"+46 70 123 45 67", "0046 70 123 45 67"})
    void keepsForeignMobileNumbersWithTheirCountryCode(String typed) {
        assertThat(ContactAddresses.phone(typed)).contains("+46701234567");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Ola.Nordmann@Example.NO", " Ola.Nordmann@example.no "})
    void lowerCasesTheDomainOfAnEmailAddressButNotItsLocalPart(String typed) {
        assertThat(ContactAddresses.email(typed)).contains("Ola.Nordmann@example.no");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "ola",
                "ola@",
                "@example.no",
                "ola@example",
                "ola@@example.no",
                "ola nordmann@example.no",
                "Ola <ola@example.no>",
                "ola@example.no, kari@example.no",
                "ola@example.no\r\nBcc: kari@example.no",
                "ola@example..no"
            })
    void rejectsWhatIsNotOnePlainEmailAddress(String typed) {
        assertThat(ContactAddresses.email(typed)).isEmpty();
    }

    @Test
    void normalisesEachChannelsAddressByItsOwnRule() {
        assertThat(ContactAddresses.normalise(Channel.SMS, "912 34 567")).contains("+4791234567");
        assertThat(ContactAddresses.normalise(Channel.EMAIL, "Ola@Example.no")).contains("Ola@example.no");
        assertThat(ContactAddresses.normalise(Channel.SMS, "ola@example.no")).isEmpty();
        assertThat(ContactAddresses.normalise(Channel.EMAIL, "912 34 567")).isEmpty();
    }
}
