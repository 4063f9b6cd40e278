package no.overdosevarsel.subscriber.verification;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Verification codes, as hashes, in the table {@code verification}. */
@Repository
class VerificationRepository {

    private final JdbcClient jdbc;

    VerificationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Verification verification) {
        jdbc.sql("""
                        INSERT INTO verification (id, contact_point_id, code_hash, created_at, expires_at, attempts,
                                                  used_at)
                        VALUES (:id, :contactPointId, :codeHash, :createdAt, :expiresAt, :attempts, :usedAt)
                        """)
                .param("id", verification.id())
                .param("contactPointId", verification.contactPointId())
                .param("codeHash", verification.codeHash())
                .param("createdAt", timestamp(verification.createdAt()))
                .param("expiresAt", timestamp(verification.expiresAt()))
                .param("attempts", verification.attempts())
                .param("usedAt", timestamp(verification.usedAt()))
                .update();
    }

    /** The code sent last to the contact point, locked so that concurrent attempts are counted one by one. */
    Optional<Verification> latestForUpdate(UUID contactPointId) {
        return jdbc.sql("""
                        SELECT id, contact_point_id, code_hash, created_at, expires_at, attempts, used_at
                        FROM verification WHERE contact_point_id = :contactPointId
                        ORDER BY created_at DESC LIMIT 1
                        FOR UPDATE
                        """)
                .param("contactPointId", contactPointId)
                .query((rs, n) -> new Verification(
                        rs.getObject("id", UUID.class),
                        rs.getObject("contact_point_id", UUID.class),
                        rs.getBytes("code_hash"),
                        instant(rs, "created_at"),
                        instant(rs, "expires_at"),
                        rs.getInt("attempts"),
                        nullableInstant(rs, "used_at")))
                .optional();
    }

    /** Every code sent to the contact point, oldest first. */
    List<Verification> allOf(UUID contactPointId) {
        return jdbc.sql("""
                        SELECT id, contact_point_id, code_hash, created_at, expires_at, attempts, used_at
                        FROM verification WHERE contact_point_id = :contactPointId
                        ORDER BY created_at
                        """)
                .param("contactPointId", contactPointId)
                .query((rs, n) -> map(rs))
                .list();
    }

    private static Verification map(ResultSet rs) throws SQLException {
        return new Verification(
                rs.getObject("id", UUID.class),
                rs.getObject("contact_point_id", UUID.class),
                rs.getBytes("code_hash"),
                instant(rs, "created_at"),
                instant(rs, "expires_at"),
                rs.getInt("attempts"),
                nullableInstant(rs, "used_at"));
    }

    void update(Verification verification) {
        jdbc.sql("UPDATE verification SET attempts = :attempts, used_at = :usedAt WHERE id = :id")
                .param("attempts", verification.attempts())
                .param("usedAt", timestamp(verification.usedAt()))
                .param("id", verification.id())
                .update();
    }

    private static @Nullable OffsetDateTime timestamp(@Nullable Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Instant instant = nullableInstant(rs, column);
        if (instant == null) {
            throw new IllegalStateException(column + " is null");
        }
        return instant;
    }

    private static @Nullable Instant nullableInstant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
