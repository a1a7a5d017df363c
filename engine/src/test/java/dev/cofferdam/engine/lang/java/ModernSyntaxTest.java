package dev.cofferdam.engine.lang.java;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The parser set-up (Java 21 grammar, no validation pass) on current syntax. */
class ModernSyntaxTest {
    private static final String SOURCE = """
            package p;
            import java.util.List;
            public sealed interface Shape permits Shape.Circle, Shape.Square {
                record Circle(double r) implements Shape {}
                final class Square implements Shape {}
                static String describe(Object o) {
                    var list = List.of(1);
                    String text = \"""
                        a text block
                        \""";
                    if (o instanceof Circle c && c.r() > 0) {
                        return "circle";
                    }
                    return switch (o) {
                        case Circle c -> { yield "C" + list; }
                        case Square s -> "S";
                        default -> text;
                    };
                }
            }
            """;

    @Test
    void recordsSealedTypesTextBlocksPatternsAndYieldParseWithoutErrors() {
        List<String> errors = new ArrayList<>();
        JavaFacts facts = (JavaFacts) new JavaAnalyzer().analyze("p/Shape.java", SOURCE, errors);

        assertThat(errors).isEmpty();
        assertThat(facts.types()).extracting(JavaTypeDecl::name, JavaTypeDecl::kind)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Shape", "interface"),
                        org.assertj.core.groups.Tuple.tuple("Circle", "record"),
                        org.assertj.core.groups.Tuple.tuple("Square", "class"));
        assertThat(facts.refs()).extracting(JavaRef::name).contains("Circle", "Square", "String", "List")
                .doesNotContain("var");
    }

    @Test
    void aFileThatDoesNotParseStillYieldsItsPackageAndImports() {
        List<String> errors = new ArrayList<>();
        JavaFacts facts = (JavaFacts) new JavaAnalyzer().analyze("q/Broken.java",
                "package q;\nimport a.B;\nimport static c.D.*;\nclass Broken { void f( }", errors);

        assertThat(errors).isNotEmpty();
        assertThat(facts.packageName()).isEqualTo("q");
        assertThat(facts.imports()).contains(new JavaImport("a.B", false, false), new JavaImport("c.D", true, true));
    }
}
