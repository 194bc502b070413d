package io.openmws.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.Command;

/**
 * The CLI is an SDK user like any integrator's program: it reaches MWS only through the SDK's public API,
 * and every verb is a picocli command of its own.
 */
class CliArchitectureTest {

    private static final JavaClasses CLI = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.openmws.cli");

    @Test
    void theCliUsesOnlyTheSdksPublicApi() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("io.openmws.sdk.internal..", "io.openmws.server..")
                .because("the CLI must work as any integrator's program does, through the SDK's public API")
                .check(CLI);
    }

    @Test
    void verbsAreCommandsThatPrintThroughOutputNotSystemOut() {
        noClasses().that().areAnnotatedWith(Command.class).should().accessField(System.class, "out")
                .orShould().accessField(System.class, "err")
                .because("commands write to the Terminal, so that tests capture them and --quiet/--output apply")
                .check(CLI);
        classes().that().haveSimpleNameEndingWith("Command").and().areTopLevelClasses().should()
                .beAnnotatedWith(Command.class).check(CLI);
    }
}
