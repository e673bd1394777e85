package im.magpie.client;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The client's dependency rules (house style §1). */
class ClientArchitectureTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("im.magpie.client");
    }

    @Test
    void noJavaFx() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAPackage("javafx..")
                .because("the headless client is driven by the desktop UI, the CLI and the load generator alike")
                .check(classes);
    }

    @Test
    void jdbcOnlyInTheStore() {
        noClasses()
                .that()
                .resideOutsideOfPackage("im.magpie.client.store..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("java.sql..", "javax.sql..", "org.sqlite..")
                .because("only the store talks to the database")
                .check(classes);
    }

    @Test
    void nettyOnlyInNetAndTheFacade() {
        noClasses()
                .that()
                .resideInAnyPackage("im.magpie.client.store..", "im.magpie.client.sync..", "im.magpie.client.cli..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("io.netty..")
                .because("sockets are the net package's business")
                .check(classes);
    }

    @Test
    void storeKnowsNoWireAndNoNetwork() {
        noClasses()
                .that()
                .resideInAPackage("im.magpie.client.store..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("im.magpie.protocol..", "com.google.protobuf..", "im.magpie.client.net..")
                .because("the store holds bytes and records; mapping happens in sync")
                .check(classes);
    }

    @Test
    void noStaticMutableState() {
        noFields()
                .that()
                .areStatic()
                .should()
                .notBeFinal()
                .because("no globals: dependencies arrive through constructors")
                .check(classes);
    }

    @Test
    void packagesAreFreeOfCycles() {
        slices().matching("im.magpie.client.(*)..").should().beFreeOfCycles().check(classes);
    }
}
