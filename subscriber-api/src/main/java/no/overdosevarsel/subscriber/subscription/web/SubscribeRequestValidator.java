package no.overdosevarsel.subscriber.subscription.web;

import static no.overdosevarsel.subscriber.subscription.web.SubscribeRequest.given;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import no.overdosevarsel.contracts.region.RegionCatalogue;
import no.overdosevarsel.contracts.subscription.Channel;
import no.overdosevarsel.subscriber.subscription.ContactAddresses;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;

/**
 * What Bean Validation cannot say about a {@link SubscribeRequest}: valid addresses, known regions, channels that match
 * the addresses given, a known language and severity. Runs after the annotations' checks and skips what they already
 * refused. Messages are keys in the message bundles and never quote an address back.
 */
@Component
class SubscribeRequestValidator implements Validator {

    private final RegionCatalogue regions;

    SubscribeRequestValidator(RegionCatalogue regions) {
        this.regions = regions;
    }

    @Override
    public boolean supports(Class<?> type) {
        return SubscribeRequest.class.equals(type);
    }

    @Override
    public void validate(Object target, Errors errors) {
        SubscribeRequest request = (SubscribeRequest) target;
        validateContacts(request, errors);
        validateRegions(request.regions(), errors);
        if (request.parsedLanguage().isEmpty()) {
            errors.rejectValue("language", "validation.language.unknown");
        }
        if (request.parsedSeverity().isEmpty()) {
            errors.rejectValue("minimumSeverity", "validation.severity.unknown");
        }
    }

    private void validateContacts(SubscribeRequest request, Errors errors) {
        boolean phone = given(request.phone());
        boolean email = given(request.email());
        if (!phone && !email) {
            errors.rejectValue("phone", "validation.contact.missing");
            errors.rejectValue("email", "validation.contact.missing");
            return;
        }
        if (phone
                && !errors.hasFieldErrors("phone")
                && ContactAddresses.phone(request.phone()).isEmpty()) {
            errors.rejectValue("phone", "validation.phone.invalid");
        }
        if (email
                && !errors.hasFieldErrors("email")
                && ContactAddresses.email(request.email()).isEmpty()) {
            errors.rejectValue("email", "validation.email.invalid");
        }
        Set<Channel> channels = channels(request.channels(), errors);
        if (channels == null) {
            return;
        }
        if (phone && !channels.contains(Channel.SMS)) {
            errors.rejectValue("channels", "validation.channels.sms-missing");
        }
        if (!phone && channels.contains(Channel.SMS)) {
            errors.rejectValue("phone", "validation.phone.required");
        }
        if (email && !channels.contains(Channel.EMAIL)) {
            errors.rejectValue("channels", "validation.channels.email-missing");
        }
        if (!email && channels.contains(Channel.EMAIL)) {
            errors.rejectValue("email", "validation.email.required");
        }
    }

    /** The channels asked for; null if the list is missing or holds something that is not a channel. */
    private static @Nullable Set<Channel> channels(@Nullable List<String> texts, Errors errors) {
        if (texts == null || texts.isEmpty()) {
            return null;
        }
        Set<Channel> channels = EnumSet.noneOf(Channel.class);
        boolean complete = true;
        for (int i = 0; i < texts.size(); i++) {
            String text = texts.get(i);
            if (!given(text)) {
                complete = false;
                continue;
            }
            Optional<Channel> channel = SubscribeRequest.channel(text);
            if (channel.isPresent()) {
                channels.add(channel.get());
            } else {
                errors.rejectValue("channels[" + i + "]", "validation.channel.unknown");
                complete = false;
            }
        }
        return complete ? channels : null;
    }

    private void validateRegions(@Nullable List<String> codes, Errors errors) {
        if (codes == null) {
            return;
        }
        for (int i = 0; i < codes.size(); i++) {
            String code = codes.get(i);
            if (given(code) && regions.find(code).isEmpty()) {
                errors.rejectValue(
                        "regions[" + i + "]", "validation.region.unknown", new Object[] {code.strip()}, null);
            }
        }
    }
}
