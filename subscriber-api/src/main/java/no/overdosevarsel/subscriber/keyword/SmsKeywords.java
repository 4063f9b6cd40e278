package no.overdosevarsel.subscriber.keyword;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import no.overdosevarsel.contracts.Topics;
import no.overdosevarsel.contracts.message.DirectMessage;
import no.overdosevarsel.contracts.region.Region;
import no.overdosevarsel.contracts.region.RegionCatalogue;
import no.overdosevarsel.contracts.subscription.Channel;
import no.overdosevarsel.platform.outbox.Outbox;
import no.overdosevarsel.subscriber.ratelimit.Bucket;
import no.overdosevarsel.subscriber.ratelimit.RateLimiter;
import no.overdosevarsel.subscriber.subscription.AddressChange;
import no.overdosevarsel.subscriber.subscription.ContactAddresses;
import no.overdosevarsel.subscriber.subscription.Language;
import no.overdosevarsel.subscriber.subscription.OptOuts;
import no.overdosevarsel.subscriber.subscription.SmsSubscriptions;
import no.overdosevarsel.subscriber.subscription.SmsSubscriptions.ReplyConfirmation;
import no.overdosevarsel.subscriber.verification.Refusal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Acts on an SMS someone sent to our number, and answers it. The change and the reply are stored in one transaction,
 * the reply as a direct message in the outbox. A keyword always takes effect; only replies (and new subscriptions,
 * which send a code) are limited per number, so that nobody can make us text a number endlessly.
 */
@Service
public class SmsKeywords {

    private static final Logger log = LoggerFactory.getLogger(SmsKeywords.class);
    private static final Pattern REGION_CODE = Pattern.compile("(?i)\\d{4}|NO|NO-\\d{2}");
    private static final int SUGGESTIONS = 3;

    private final OptOuts optOuts;
    private final SmsSubscriptions subscriptions;
    private final KeywordReplies replies;
    private final RegionCatalogue regions;
    private final RateLimiter limiter;
    private final Outbox outbox;

    SmsKeywords(
            OptOuts optOuts,
            SmsSubscriptions subscriptions,
            KeywordReplies replies,
            RegionCatalogue regions,
            RateLimiter limiter,
            Outbox outbox) {
        this.optOuts = optOuts;
        this.subscriptions = subscriptions;
        this.replies = replies;
        this.regions = regions;
        this.limiter = limiter;
        this.outbox = outbox;
    }

    /**
     * Handles one inbound SMS.
     *
     * @param from the sender as the provider gives it; a sender that is not a mobile number (an alphanumeric sender
     *     id, a short code) is ignored: there is nobody to opt out and nowhere to reply
     */
    @Transactional
    public void handle(String from, String body) {
        Optional<String> sender = ContactAddresses.phone(from);
        if (sender.isEmpty()) {
            log.info("Ignored an inbound SMS from a sender that is not a mobile number");
            return;
        }
        String number = sender.get();
        KeywordCommand command = KeywordCommand.parse(body);
        log.info("Inbound SMS keyword {}", command.getClass().getSimpleName());
        switch (command) {
            case KeywordCommand.Stop stop -> {
                AddressChange change = optOuts.optOut(Channel.SMS, number);
                reply(number, language(stop, change), DirectMessage.Purpose.OPT_OUT_CONFIRMATION, "sms.reply.stopped");
            }
            case KeywordCommand.Start start -> {
                AddressChange change = optOuts.resume(Channel.SMS, number);
                reply(
                        number,
                        language(start, change),
                        DirectMessage.Purpose.KEYWORD_REPLY,
                        change.changed() ? "sms.reply.resumed" : "sms.reply.nothing-to-resume");
            }
            case KeywordCommand.Subscribe subscribe -> subscribe(number, subscribe);
            case KeywordCommand.Confirm confirm -> confirm(number, confirm);
            case KeywordCommand.Help help -> help(number, help);
            case KeywordCommand.Unknown unknown -> help(number, unknown);
        }
    }

    private void subscribe(String number, KeywordCommand.Subscribe subscribe) {
        Language language = subscribe.language().orElse(Language.NB);
        if (subscribe.region().isBlank()) {
            reply(number, language, DirectMessage.Purpose.KEYWORD_REPLY, "sms.reply.missing-region");
            return;
        }
        Optional<Region> region = REGION_CODE.matcher(subscribe.region()).matches()
                ? regions.find(subscribe.region())
                : regions.findByName(subscribe.region());
        if (region.isEmpty()) {
            if (replyAllowed(number)) {
                List<Region> close = regions.search(subscribe.region(), SUGGESTIONS);
                outbox.append(
                        Topics.DIRECT_MESSAGES,
                        number,
                        replies.unknownRegion(number, language, subscribe.region(), close));
            }
            return;
        }
        // The code is the reply: without a reply allowed there is no subscription either.
        if (replyAllowed(number)) {
            subscriptions.subscribe(number, region.get(), KeywordReplies.placeName(region.get()), language);
        }
    }

    private void confirm(String number, KeywordCommand.Confirm confirm) {
        switch (subscriptions.confirm(number, confirm.code())) {
            case ReplyConfirmation.Confirmed confirmed -> {
                String places = String.join(
                        ", ",
                        confirmed.regions().stream()
                                .map(code -> KeywordReplies.placeName(regions.require(code)))
                                .toList());
                reply(
                        number,
                        confirm.language().orElse(confirmed.language()),
                        DirectMessage.Purpose.KEYWORD_REPLY,
                        "sms.reply.confirmed",
                        places);
            }
            case ReplyConfirmation.Refused refused ->
                reply(
                        number,
                        confirm.language().orElse(refused.language()),
                        DirectMessage.Purpose.KEYWORD_REPLY,
                        refused.reason() == Refusal.WRONG_CODE && refused.attemptsLeft() > 0
                                ? "sms.reply.code-wrong"
                                : "sms.reply.code-void");
            case ReplyConfirmation.NothingPending nothing ->
                reply(
                        number,
                        confirm.language().orElse(Language.NB),
                        DirectMessage.Purpose.KEYWORD_REPLY,
                        "sms.reply.nothing-pending");
        }
    }

    private void help(String number, KeywordCommand command) {
        reply(number, command.language().orElse(Language.NB), DirectMessage.Purpose.KEYWORD_REPLY, "sms.reply.help");
    }

    private static Language language(KeywordCommand command, AddressChange change) {
        return command.language().or(change::language).orElse(Language.NB);
    }

    private void reply(String number, Language language, DirectMessage.Purpose purpose, String key, Object... args) {
        if (replyAllowed(number)) {
            outbox.append(Topics.DIRECT_MESSAGES, number, replies.reply(number, language, purpose, key, args));
        }
    }

    private boolean replyAllowed(String number) {
        boolean allowed =
                limiter.tryAcquire(Bucket.SMS_REPLY_PER_NUMBER, number).isEmpty();
        if (!allowed) {
            log.warn("SMS reply limit reached for a number: no reply sent");
        }
        return allowed;
    }
}
