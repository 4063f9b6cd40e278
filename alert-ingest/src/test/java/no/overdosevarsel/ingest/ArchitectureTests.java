package no.overdosevarsel.ingest;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The web adapters sit on top: they call the features, never the other way round, so a feature can gain another way
 * in (a Kafka listener, a console) without dragging HTTP along.
 */
@AnalyzeClasses(packages = "no.overdosevarsel.ingest", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

    private static final String APP = "no.overdosevarsel.ingest..";
    private static final String APP_WEB = "no.overdosevarsel.ingest..web..";

    @ArchTest
    static final ArchRule webAdaptersAreAccessedOnlyFromWebPackages = classes()
            .that()
            .resideInAPackage(APP_WEB)
            .should()
            .onlyBeAccessed()
            .byClassesThat()
            .resideInAPackage(APP_WEB);

    @ArchTest
    static final ArchRule nothingOutsideWebDependsOnWeb = noClasses()
            .that()
            .resideInAPackage(APP)
            .and()
            .resideOutsideOfPackage("..web..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage(APP_WEB);

    @ArchTest
    static final ArchRule alertAndReportFeaturesKnowNothingOfHttp = noClasses()
            .that()
            .resideInAnyPackage("no.overdosevarsel.ingest.alert", "no.overdosevarsel.ingest.report")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "org.springframework.web..",
                    "org.springframework.security..",
                    "jakarta.servlet..",
                    "no.overdosevarsel.platform.web..");
}
