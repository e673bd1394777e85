package im.magpie.desktop;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The desktop's MVVM rules (house style §1), checked on the compiled classes. */
class ArchitectureTest {
    static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("im.magpie.desktop");

    @Test
    void viewModelsKnowNoControlsNoSocketsAndNoClientLibrary() {
        noClasses()
                .that()
                .haveSimpleNameEndingWith("ViewModel")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("javafx.scene..", "io.netty..", "java.sql..", "im.magpie.client..")
                .because("view-models hold javafx.beans state and reach the client only through ports")
                .check(CLASSES);
    }

    @Test
    void onlyTheBackendAndTheCompositionRootUseTheClientLibrary() {
        noClasses()
                .that()
                .resideInAnyPackage(
                        "im.magpie.desktop.chat..",
                        "im.magpie.desktop.login..",
                        "im.magpie.desktop.i18n..",
                        "im.magpie.desktop.history..",
                        "im.magpie.desktop.emoji..",
                        "im.magpie.desktop.shell..",
                        "im.magpie.desktop.contacts..",
                        "im.magpie.desktop.group..",
                        "im.magpie.desktop.settings..",
                        "im.magpie.desktop.notify..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("im.magpie.client..", "im.magpie.protocol..", "io.netty..")
                .because("views and view-models talk to the client library through ChatPort and LoginPort")
                .check(CLASSES);
    }

    @Test
    void noStaticMutableState() {
        noFields()
                .that()
                .areStatic()
                .should()
                .notBeFinal()
                .because("house rule 2: no globals")
                .check(CLASSES);
    }
}
