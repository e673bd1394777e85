package im.magpie.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

class ShippedJvmOptionsTest {
    private static final String IGNORE_UNRECOGNIZED = "-XX:+IgnoreUnrecognizedVMOptions";

    /**
     * The -XX flags of {@code server/jvm.options} that a supported JDK (17 or newer) may lack, and on which versions:
     * the file starts with {@value #IGNORE_UNRECOGNIZED} for these alone. Any other flag this JDK does not know is a
     * typo (which that option would otherwise skip silently) and fails the build.
     */
    private static final List<MaybeMissing> MAYBE_MISSING = List.of(
            new MaybeMissing("G1UseAdaptiveConcRefinement", "removed in JDK 20", v -> v.feature() >= 20),
            new MaybeMissing("G1ConcRefinementGreenZone", "removed in JDK 20", v -> v.feature() >= 20),
            new MaybeMissing("G1ConcRefinementYellowZone", "removed in JDK 20", v -> v.feature() >= 20),
            new MaybeMissing("G1ConcRefinementRedZone", "removed in JDK 20", v -> v.feature() >= 20),
            new MaybeMissing(
                    "TrimNativeHeapInterval",
                    "added in 17.0.9, 21.0.1 and 22",
                    v -> (v.feature() == 17 && v.update() < 9)
                            || (v.feature() > 17 && v.feature() < 21)
                            || (v.feature() == 21 && v.update() < 1)));

    private record MaybeMissing(String flag, String why, Predicate<Runtime.Version> missingOn) {}

    private static final String FLAGS_SAMPLE = """
            [Global flags]
                 bool UsePerfData                              = true                                      {product} {default}
                 uint TrimNativeHeapInterval                   = 0                                         {product} {default}
               size_t MaxNewSize                               = 3791650816                                {product} {ergonomic}
                ccstr AbortVMOnExceptionMessage                =                                        {diagnostic} {default}
            openjdk version "17.0.15" 2025-04-15
            """;

    @Test
    void readsOptionsAndSkipsCommentsAndBlankLines() {
        assertThat(ShippedJvmOptions.parse("# heap\n-Xmx1g   # the cap\n\n  -XX:+UseG1GC -XX:MaxNewSize=64m\r\n"))
                .containsExactly("-Xmx1g", "-XX:+UseG1GC", "-XX:MaxNewSize=64m");
        assertThatThrownBy(() -> ShippedJvmOptions.parse("-Dx=\"a b\"")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void extraOptionsComeAfterTheShippedOnes() {
        assertThat(ShippedJvmOptions.with(List.of("-Xmx1g"), "", " -Xmx256m  -Dy=1 "))
                .containsExactly("-Xmx1g", "-Xmx256m", "-Dy=1");
    }

    /** The bench starts its server with the jar's copy: it must be the file bin/magpie-server uses. */
    @Test
    void theServerJarCarriesTheShippedFile() throws Exception {
        assertThat(ShippedJvmOptions.load()).isEqualTo(shippedFile());
        assertThat(ShippedJvmOptions.load()).anyMatch(o -> o.startsWith("-Xmx"));
    }

    @Test
    void flagsOfTheJdkAreReadWithTheirTypes() {
        JvmFlags flags = JvmFlags.parse(FLAGS_SAMPLE);
        assertThat(flags.size()).isEqualTo(4);
        assertThat(flags.problem("-XX:-UsePerfData")).isEmpty();
        assertThat(flags.problem("-XX:TrimNativeHeapInterval=10000")).isEmpty();
        assertThat(flags.problem("-XX:AbortVMOnExceptionMessage=")).isEmpty();
    }

    @Test
    void misspeltOrMisshapenXxOptionsAreProblems() {
        JvmFlags flags = JvmFlags.parse(FLAGS_SAMPLE);
        assertThat(flags.problem("-XX:TrimNativeHeapIntervall=10000"))
                .hasValueSatisfying(p -> assertThat(p).contains("no flag TrimNativeHeapIntervall"));
        assertThat(flags.problem("-XX:UsePerfData=false"))
                .hasValueSatisfying(p -> assertThat(p).contains("bool flag"));
        assertThat(flags.problem("-XX:-UsePerfData=false")).isPresent();
        assertThat(flags.problem("-XX:+MaxNewSize"))
                .hasValueSatisfying(p -> assertThat(p).contains("size_t flag"));
        assertThat(flags.problem("-XX:MaxNewSize")).isPresent();
        assertThat(flags.problem("-XX:")).isPresent();
    }

    @Test
    void onlyTheListedFlagsMayBeMissingAndOnlyOnTheirVersions() {
        Runtime.Version jdk17015 = Runtime.Version.parse("17.0.15");
        Runtime.Version jdk1708 = Runtime.Version.parse("17.0.8");
        Runtime.Version jdk21 = Runtime.Version.parse("21");
        assertThat(mayBeMissing("TrimNativeHeapInterval", jdk17015)).isFalse();
        assertThat(mayBeMissing("TrimNativeHeapInterval", jdk1708)).isTrue();
        assertThat(mayBeMissing("TrimNativeHeapInterval", Runtime.Version.parse("21.0.2")))
                .isFalse();
        assertThat(mayBeMissing("G1ConcRefinementRedZone", jdk17015)).isFalse();
        assertThat(mayBeMissing("G1ConcRefinementRedZone", jdk21)).isTrue();
        assertThat(mayBeMissing("UsePerfData", jdk21)).isFalse();
    }

    /**
     * {@value #IGNORE_UNRECOGNIZED} would skip a misspelt flag: every -XX option of the file must be a flag of the
     * running JDK, given in the form of its type, or one that {@link #MAYBE_MISSING} says this JDK lacks.
     */
    @Test
    void everyXxOptionOfTheFileIsAFlagOfThisJdkOrListedAsMissingOnIt() throws Exception {
        JvmFlags flags = JvmFlags.of(javaHome());
        assertThat(flags.size()).as("flags listed by this JDK").isGreaterThan(500);
        List<String> problems = new ArrayList<>();
        for (String option : shippedFile()) {
            if (!option.startsWith("-XX:")) {
                continue;
            }
            Optional<String> name = JvmFlags.name(option);
            if (name.isPresent() && !flags.knows(name.get()) && mayBeMissing(name.get(), Runtime.version())) {
                continue;
            }
            flags.problem(option).ifPresent(problems::add);
        }
        assertThat(problems).as("server/jvm.options on " + Runtime.version()).isEmpty();
    }

    /**
     * Without {@value #IGNORE_UNRECOGNIZED} (and without the flags this JDK lacks, by {@link #MAYBE_MISSING}) the file
     * starts this JDK, without a warning: a misspelt -X option or a bad value fails here too.
     */
    @Test
    void theFileStartsThisJdkWithoutIgnoringAnyOption() throws Exception {
        List<String> arguments = new ArrayList<>();
        for (String option : shippedFile()) {
            boolean missingHere = JvmFlags.name(option)
                    .filter(name -> mayBeMissing(name, Runtime.version()))
                    .isPresent();
            if (!option.equals(IGNORE_UNRECOGNIZED) && !missingHere) {
                arguments.add(option);
            }
        }
        arguments.add("-version");
        JvmFlags.Output out = JvmFlags.run(javaHome(), arguments);
        assertThat(out.exitCode()).as(out.text()).isZero();
        assertThat(out.text()).as("warnings of java " + arguments).doesNotContainIgnoringCase("warning");
    }

    private static boolean mayBeMissing(String flag, Runtime.Version version) {
        return MAYBE_MISSING.stream()
                .anyMatch(m -> m.flag().equals(flag) && m.missingOn().test(version));
    }

    private static List<String> shippedFile() throws Exception {
        return ShippedJvmOptions.parse(
                Files.readString(Path.of("..", "server", "jvm.options"), StandardCharsets.UTF_8));
    }

    private static Path javaHome() {
        return Path.of(System.getProperty("java.home"));
    }
}
