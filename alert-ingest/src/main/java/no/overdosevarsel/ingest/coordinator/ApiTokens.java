package no.overdosevarsel.ingest.coordinator;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import no.overdosevarsel.platform.security.Coordinator;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * API clients for machines (a drug-checking lab's system, say). Each acts as one coordinator account, with that account's
 * roles and scope, until it is revoked or the account is disabled. It signs in to the authorization server with the
 * client credentials grant: its id as client id, the token as client secret. The token is shown once, when issued; only
 * its SHA-256 hash is stored (a slow hash adds nothing for 256 random bits).
 */
@Service
public class ApiTokens {

    /** Marks our tokens, so that a leaked one is recognisable (and secret scanners can be taught the pattern). */
    public static final String PREFIX = "ovt_";

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final CoordinatorAccounts accounts;
    private final Clock clock;

    ApiTokens(JdbcClient jdbc, CoordinatorAccounts accounts, Clock clock) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.clock = clock;
    }

    /** A token as an administrator sees it: never the secret. */
    public record TokenInfo(
            UUID id,
            String username,
            String name,
            Instant createdAt,
            @Nullable Instant revokedAt) {}

    /** A new token: the secret is here and nowhere else. */
    public record IssuedToken(TokenInfo info, String token) {
        @Override
        public String toString() {
            return "IssuedToken[" + info + "]";
        }
    }

    /**
     * Issues a token for an account.
     *
     * @return empty if there is no such account
     */
    @Transactional
    public Optional<IssuedToken> issue(String username, String name, String issuedBy) {
        if (accounts.find(username).isEmpty()) {
            return Optional.empty();
        }
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        jdbc.sql("""
                INSERT INTO api_tokens (id, username, name, token_hash, created_at, created_by)
                VALUES (?, ?, ?, ?, ?, ?)
                """)
                .params(id, username, name, hash(token), utc(now), issuedBy)
                .update();
        return Optional.of(new IssuedToken(new TokenInfo(id, username, name, now, null), token));
    }

    @Transactional(readOnly = true)
    public List<TokenInfo> of(String username) {
        return jdbc.sql("SELECT id, username, name, created_at, revoked_at FROM api_tokens WHERE username = ?"
                        + " ORDER BY created_at")
                .param(username)
                .query((rs, n) -> {
                    OffsetDateTime revoked = rs.getObject("revoked_at", OffsetDateTime.class);
                    return new TokenInfo(
                            rs.getObject("id", UUID.class),
                            rs.getString("username"),
                            rs.getString("name"),
                            rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                            revoked == null ? null : revoked.toInstant());
                })
                .list();
    }

    /** Revokes a token for good; returns whether there was such an active token. */
    @Transactional
    public boolean revoke(UUID id, String revokedBy) {
        return jdbc.sql("UPDATE api_tokens SET revoked_at = ?, revoked_by = ? WHERE id = ? AND revoked_at IS NULL")
                        .params(utc(clock.instant()), revokedBy, id)
                        .update()
                > 0;
    }

    /** A machine client as the authorization server sees it: the hash of its secret and whom it acts as. */
    public record ApiClient(UUID id, String secretHash, Coordinator coordinator) {}

    /**
     * The client with this id, if its token is active and its account enabled. The client authenticates with its id
     * and the token as secret (client credentials grant), and gets JWTs carrying the account's roles and scope.
     */
    @Transactional(readOnly = true)
    public Optional<ApiClient> client(String clientId) {
        UUID id;
        try {
            id = UUID.fromString(clientId);
        } catch (IllegalArgumentException notOurs) {
            return Optional.empty();
        }
        record Row(String username, String tokenHash) {}
        return jdbc.sql("SELECT username, token_hash FROM api_tokens WHERE id = ? AND revoked_at IS NULL")
                .param(id)
                .query((rs, n) -> new Row(rs.getString("username"), rs.getString("token_hash")))
                .optional()
                .flatMap(row -> accounts.credentials(row.username())
                        .map(credentials -> new ApiClient(id, row.tokenHash(), credentials.coordinator())));
    }

    /** Whether a presented secret is the one whose {@link #hash} is stored: SHA-256, compared in constant time. */
    public static boolean matches(CharSequence secret, String storedHash) {
        return MessageDigest.isEqual(
                hash(secret.toString()).getBytes(StandardCharsets.US_ASCII),
                storedHash.getBytes(StandardCharsets.US_ASCII));
    }

    static String hash(String token) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
