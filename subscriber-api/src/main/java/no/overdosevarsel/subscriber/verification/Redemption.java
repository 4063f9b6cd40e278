package no.overdosevarsel.subscriber.verification;

/** What came of presenting a verification code. */
public sealed interface Redemption {

    /**
     * The code is right.
     *
     * @param repeated it had been redeemed before: a repeated request, nothing new is proven
     */
    record Accepted(boolean repeated) implements Redemption {}

    /** The code is not accepted. */
    record Refused(Refusal reason, int attemptsLeft) implements Redemption {}
}
