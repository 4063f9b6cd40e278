package no.overdosevarsel.ingest.identity;

import no.overdosevarsel.ingest.coordinator.ApiTokens;
import org.jspecify.annotations.Nullable;
import org.springframework.security.crypto.password.PasswordEncoder;

/** Checks an API client's secret against its stored SHA-256 hash. Never used to hash passwords. */
final class Sha256SecretEncoder implements PasswordEncoder {

    @Override
    public String encode(@Nullable CharSequence rawPassword) {
        throw new UnsupportedOperationException("API client secrets are hashed by ApiTokens");
    }

    @Override
    public boolean matches(@Nullable CharSequence rawPassword, @Nullable String encodedPassword) {
        return rawPassword != null && encodedPassword != null && ApiTokens.matches(rawPassword, encodedPassword);
    }
}
