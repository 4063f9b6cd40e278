package no.overdosevarsel.subscriber.subscription;

import java.util.Optional;

/**
 * What an opt-out or opt-in by address did.
 *
 * @param subscribers how many subscribers with that address changed
 * @param language the language of the subscriber with that address changed last, if there is one: replies use it
 */
public record AddressChange(int subscribers, Optional<Language> language) {

    public boolean changed() {
        return subscribers > 0;
    }
}
