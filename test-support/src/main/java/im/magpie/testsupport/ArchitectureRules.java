package im.magpie.testsupport;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.lang.ArchRule;

/**
 * The dependency rules of docs/architecture.md, shared by every module's {@code ArchitectureTest}.
 * Each rule says why; a grandfathered exception gets an annotation, never a silent skip.
 */
public final class ArchitectureRules {
    private ArchitectureRules() {}

    /** Domain (feature) packages know no wire, no SQL, no JSON and no UI. */
    public static ArchRule featurePackagesStayPure(String... featurePackages) {
        return noClasses()
                .that()
                .resideInAnyPackage(featurePackages)
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "io.netty..",
                        "java.sql..",
                        "javax.sql..",
                        "com.google.protobuf..",
                        "im.magpie.protocol..",
                        "com.fasterxml..",
                        "javafx.scene..")
                .because("domain code maps to wire, SQL and UI types only at the edges (house rule 1)");
    }

    /** No global mutable state. */
    public static ArchRule noStaticMutableFields() {
        return fields().that()
                .areStatic()
                .and()
                .areDeclaredInClassesThat()
                .resideInAPackage("im.magpie..")
                .and()
                .doNotHaveName("$VALUES")
                .should()
                .beFinal()
                .because(
                        "dependencies arrive through constructors; static mutable state is a hidden global (house rule 2)");
    }

    /** Transport and storage never use each other; they meet only through the domain. */
    public static ArchRule transportAndStoreAreSeparate(String transport, String store) {
        return noClasses()
                .that()
                .resideInAPackage(transport)
                .should()
                .dependOnClassesThat()
                .resideInAPackage(store)
                .because("transport and storage are independent edges of the domain");
    }

    /** The top-level packages below {@code root} form no cycles. */
    public static ArchRule noPackageCycles(String root) {
        return slices().matching(root + ".(*)..")
                .should()
                .beFreeOfCycles()
                .because("package cycles make features impossible to change alone");
    }

    /** Nothing in the headless client may touch JavaFX. */
    public static ArchRule noJavaFx(String rootPackage) {
        return noClasses()
                .that()
                .resideInAPackage(rootPackage)
                .should()
                .dependOnClassesThat()
                .resideInAPackage("javafx..")
                .because("the headless client library is driven by the UI, the tests and the load generator alike");
    }
}
