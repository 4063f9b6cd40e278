package no.overdosevarsel.contracts.sms;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SmsSegmentsTests {

    @Test
    void norwegianLettersAreGsm7() {
        assertThat(SmsSegments.count("æøåÆØÅ".repeat(26) + "abcd"))
                .as("160 septets")
                .isOne();
        assertThat(SmsSegments.count("æøåÆØÅ".repeat(26) + "abcde"))
                .as("161 septets")
                .isEqualTo(2);
        assertThat(SmsSegments.count("x".repeat(306))).isEqualTo(2);
        assertThat(SmsSegments.count("x".repeat(307))).isEqualTo(3);
    }

    @Test
    void extensionCharactersCountTwice() {
        assertThat(SmsSegments.count("€".repeat(80))).isOne();
        assertThat(SmsSegments.count("€".repeat(81))).isEqualTo(2);
    }

    @Test
    void oneEmojiTurnsTheWholeTextIntoUcs2() {
        assertThat(SmsSegments.count("x".repeat(68) + "🙂"))
                .as("70 UTF-16 units")
                .isOne();
        assertThat(SmsSegments.count("x".repeat(69) + "🙂")).isEqualTo(2);
        assertThat(SmsSegments.count("x".repeat(132) + "🙂")).as("134 units").isEqualTo(2);
        assertThat(SmsSegments.count("x".repeat(133) + "🙂")).isEqualTo(3);
    }
}
