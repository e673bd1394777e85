package im.magpie.server;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import im.magpie.testsupport.ArchitectureRules;

/** The server's dependency rules (docs/architecture.md §2). */
@AnalyzeClasses(packages = "im.magpie.server", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule featurePackagesKnowNoWireSqlOrJson = ArchitectureRules.featurePackagesStayPure(
            "im.magpie.server.account..",
            "im.magpie.server.session..",
            "im.magpie.server.messaging..",
            "im.magpie.server.files..",
            "im.magpie.server.presence..");

    @ArchTest
    static final ArchRule noStaticMutableState = ArchitectureRules.noStaticMutableFields();

    @ArchTest
    static final ArchRule transportDoesNotUseStorage =
            ArchitectureRules.transportAndStoreAreSeparate("im.magpie.server.transport..", "im.magpie.server.store..");

    @ArchTest
    static final ArchRule storageDoesNotUseTransport =
            ArchitectureRules.transportAndStoreAreSeparate("im.magpie.server.store..", "im.magpie.server.transport..");

    @ArchTest
    static final ArchRule noPackageCycles = ArchitectureRules.noPackageCycles("im.magpie.server");

    @ArchTest
    static final ArchRule onlyPushAndTheGatewayWriteToDevices = noClasses()
            .that()
            .resideOutsideOfPackages("im.magpie.server.push..", "im.magpie.server.transport.tcp..")
            .and()
            .doNotHaveSimpleName("MagpieServer")
            .should()
            .dependOnClassesThat()
            .haveSimpleName("DeviceConnections")
            .because("features publish through EventPublisher; only push talks to devices (house rule 6)");
}
