package org.mercato.scenarios.architecture;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.lang.ArchRule;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The architecture the build enforces on the main code of every module on this classpath: no
 * package depends, directly or through others, on itself (no cycle between packages), and the
 * modules depend only in their order, {@code marketplace-sim} &lt;- {@code agents} &lt;- {@code
 * gateway}, {@code metrics} &lt;- {@code scenarios} ({@code agents} and {@code gateway} know nothing
 * of {@code metrics}, nor it of them), and {@code marketplace-sim} &lt;- {@code embeddings} &lt;-
 * {@code scenarios} (the embedding model, known to no other module), and {@code explorer} &lt;- {@code
 * scenarios} (the run explorer reads files: it knows no other module, and only the CLI knows it), and
 * {@code marketplace-sim} &lt;- {@code storefront} (rendered pages: it knows only the protocol types)
 * &lt;- {@code agents} (multimodal shoppers), {@code gateway} (the shop pages of browser agents),
 * {@code scenarios}. The same
 * rules are shown to fail on small fixtures with a cycle and a backwards dependency.
 */
class ArchitectureTest {
    private static final String ROOT = "org.mercato";
    private static final String FIXTURE = "org.mercato.scenarios.architecture.fixture";

    private static final Pattern MODULE_JAR = Pattern.compile(
            "/(marketplace-sim|storefront|embeddings|agents|mercato-gateway|metrics|explorer|scenarios)-[^/]*\\.jar!");

    private static JavaClasses main;

    @BeforeAll
    static void importMainCode() {
        main = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ArchitectureTest::ourModule)
                .importPackages(ROOT);
    }

    /** Our modules' classes (folders in a build, our jars when installed), not the third-party jars. */
    private static boolean ourModule(Location location) {
        String where = location.asURI().toString();
        return !where.startsWith("jar:") || MODULE_JAR.matcher(where).find();
    }

    /** Every package of {@code root} is a slice of its own; none may reach itself again. */
    static ArchRule noPackageCycles(String root) {
        return slices().matching(root + ".(**)").should().beFreeOfCycles();
    }

    /** The module order, for the modules' root packages under {@code root}. */
    static ArchRule moduleOrder(String root) {
        return layeredArchitecture()
                .consideringOnlyDependenciesInAnyPackage(root + "..")
                .layer("marketplace-sim")
                .definedBy(root + ".sim..")
                .layer("storefront")
                .definedBy(root + ".storefront..")
                .layer("embeddings")
                .definedBy(root + ".embeddings..")
                .layer("agents")
                .definedBy(root + ".agents..")
                .layer("gateway")
                .definedBy(root + ".gateway..")
                .layer("metrics")
                .definedBy(root + ".metrics..")
                .layer("explorer")
                .definedBy(root + ".explorer..")
                .layer("scenarios")
                .definedBy(root + ".scenarios..")
                .whereLayer("scenarios")
                .mayNotBeAccessedByAnyLayer()
                .whereLayer("storefront")
                .mayOnlyBeAccessedByLayers("agents", "gateway", "scenarios")
                .whereLayer("storefront")
                .mayOnlyAccessLayers("marketplace-sim")
                .whereLayer("embeddings")
                .mayOnlyBeAccessedByLayers("scenarios")
                .whereLayer("agents")
                .mayOnlyBeAccessedByLayers("gateway", "scenarios")
                .whereLayer("gateway")
                .mayOnlyBeAccessedByLayers("scenarios")
                .whereLayer("metrics")
                .mayOnlyBeAccessedByLayers("scenarios")
                .whereLayer("explorer")
                .mayOnlyBeAccessedByLayers("scenarios")
                .whereLayer("marketplace-sim")
                .mayOnlyBeAccessedByLayers("storefront", "embeddings", "agents", "gateway", "metrics", "scenarios")
                .withOptionalLayers(true);
    }

    @Test
    void noPackageDependsOnItselfThroughOthers() {
        noPackageCycles(ROOT).check(main);
    }

    @Test
    void modulesDependOnlyInTheirOrder() {
        moduleOrder(ROOT).check(main);
    }

    @Test
    void theRulesCatchACycleAndABackwardsDependency() {
        JavaClasses fixtures = new ClassFileImporter().importPackages(FIXTURE);

        assertThatThrownBy(() -> noPackageCycles(FIXTURE + ".cycle").check(fixtures))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Cycle detected");
        assertThatThrownBy(() -> moduleOrder(FIXTURE).check(fixtures))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("fixture.sim.Kernel")
                .hasMessageContaining("fixture.scenarios.Runner")
                .hasMessageContaining("fixture.gateway.Desk");
    }
}
