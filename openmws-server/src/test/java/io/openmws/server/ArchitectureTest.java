package io.openmws.server;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The shape of the server (ARCHITECTURE.md, "Server: package by feature") as rules that fail when the
 * code drifts. A new feature package is covered by every rule without being named here.
 */
class ArchitectureTest {

    private static final String SERVER = "io.openmws.server";

    private static JavaClasses server;

    @BeforeAll
    static void importServer() {
        server = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(SERVER);
    }

    @Test
    void theGatewayKnowsNoFeature() {
        noClasses().that().resideInAPackage(SERVER + ".gateway..")
                .should().dependOnClassesThat(resideInAPackage(SERVER + "..")
                        .and(not(resideInAnyPackage(SERVER + ".gateway..", SERVER + ".support.."))))
                .because("features plug into the gateway through MwsOperation, never the other way round")
                .check(server);
    }

    @Test
    void supportDependsOnNoFeature() {
        noClasses().that().resideInAPackage(SERVER + ".support..")
                .should().dependOnClassesThat(resideInAPackage(SERVER + "..")
                        .and(not(resideInAPackage(SERVER + ".support.."))))
                .because("support holds the cross-cutting pieces every feature may use")
                .check(server);
    }

    @Test
    void noFeatureReachesIntoTheSandboxOrTheOperatorPages() {
        noClasses().that().resideInAPackage(SERVER + ".(*)..")
                .and().resideOutsideOfPackages(SERVER + ".sandbox..", SERVER + ".operator..")
                .should().dependOnClassesThat().resideInAnyPackage(SERVER + ".sandbox..", SERVER + ".operator..")
                .because("the sandbox and the operator pages sit on top of the features, which must work without them")
                .check(server);
    }

    @Test
    void theSandboxAndTheOperatorPagesUseEachFeatureThroughItsSandboxDoor() {
        noClasses().that().resideInAnyPackage(SERVER + ".sandbox..", SERVER + ".operator..")
                .should().dependOnClassesThat().haveFullyQualifiedName(SERVER + ".authorizations.Authorizations")
                .orShould().dependOnClassesThat().haveFullyQualifiedName(SERVER + ".developers.Developers")
                .orShould().dependOnClassesThat().haveFullyQualifiedName(SERVER + ".accounts.SellerAccounts")
                .because("each feature serves the sandbox and the operator through one class of its own "
                        + "(SandboxAuthorizations, SandboxDevelopers, SandboxSellerAccounts), so what they may do "
                        + "beyond a seller's own buttons is in one place")
                .check(server);
    }

    @Test
    void repositoriesAreUsedOnlyInsideTheirFeature() {
        classes().that().haveSimpleNameEndingWith("Repository").and().resideInAPackage(SERVER + "..")
                .should(beUsedOnlyFromTheirOwnPackage())
                .because("a feature's tables are its own; other features go through its service")
                .check(server);
    }

    @Test
    void featurePackagesHaveNoCycles() {
        slices().matching(SERVER + ".(*)..").should().beFreeOfCycles().check(server);
    }

    private static ArchCondition<JavaClass> beUsedOnlyFromTheirOwnPackage() {
        return new ArchCondition<>("be used only from their own package") {
            @Override
            public void check(JavaClass repository, ConditionEvents events) {
                for (Dependency dependency : repository.getDirectDependenciesToSelf()) {
                    JavaClass user = dependency.getOriginClass();
                    if (!user.getPackageName().equals(repository.getPackageName())) {
                        events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
                    }
                }
            }
        };
    }
}
