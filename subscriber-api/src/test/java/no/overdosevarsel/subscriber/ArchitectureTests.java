package no.overdosevarsel.subscriber;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "no.overdosevarsel.subscriber", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

    /** HTTP adapters sit on top: features, security and storage never reach up into any web package. */
    @ArchTest
    static final ArchRule nothingOutsideWebDependsOnWeb = noClasses()
            .that()
            .resideOutsideOfPackage("..web..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("no.overdosevarsel..web..");

    /** Verification knows nothing of subscribers: subscription uses it, never the other way round. */
    @ArchTest
    static final ArchRule verificationDoesNotDependOnSubscription = noClasses()
            .that()
            .resideInAPackage("..verification..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("no.overdosevarsel.subscriber.subscription..");

    /** The phone number library is an implementation detail of address normalisation. */
    @ArchTest
    static final ArchRule onlyContactAddressesUsesLibphonenumber = noClasses()
            .that()
            .doNotHaveSimpleName("ContactAddresses")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("com.google.i18n.phonenumbers..");

    /** The Twilio SDK checks webhook signatures, nothing more; subscriber-api never calls a provider. */
    @ArchTest
    static final ArchRule onlyTheTwilioWebhookUsesTheTwilioSdk = noClasses()
            .that()
            .resideOutsideOfPackage("no.overdosevarsel.subscriber.keyword.web..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("com.twilio..");

    /** Keywords, links, feedback and rate limits are adapters around subscriptions, never the other way round. */
    @ArchTest
    static final ArchRule subscriptionsDoNotDependOnTheirAdapters = noClasses()
            .that()
            .resideInAPackage("no.overdosevarsel.subscriber.subscription")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "no.overdosevarsel.subscriber.keyword..",
                    "no.overdosevarsel.subscriber.manage..",
                    "no.overdosevarsel.subscriber.feedback..",
                    "no.overdosevarsel.subscriber.unsubscribe..");
}
