package dev.cofferdam.engine.lang.java;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.Processor;
import java.util.List;
import java.util.function.Supplier;

/**
 * Creates JavaParser instances tuned for fact extraction: the Java 21 grammar (so {@code yield}
 * and other contextual keywords parse), no token storage, no comment attribution, and no language
 * level validation pass (it walks every node again and roughly doubles parse time; javac, not the
 * map, is the judge of validity). The validation processor is found by its effect on a probe, not
 * by name, so a JavaParser upgrade that changes its internals keeps working (at worst validating).
 * Thread-safe; the parsers it creates are not.
 */
final class ParserFactory {
    private static final String PROBE = "class A { int _ = 1; }";
    private static final int VALIDATOR = findValidator();

    private ParserFactory() {
    }

    static JavaParser create() {
        ParserConfiguration config = configuration();
        if (VALIDATOR >= 0) {
            config.getProcessors().remove(VALIDATOR);
        }
        return new JavaParser(config);
    }

    private static ParserConfiguration configuration() {
        return new ParserConfiguration()
                .setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_21)
                .setStoreTokens(false)
                .setAttributeComments(false)
                .setLexicalPreservationEnabled(false)
                .setDetectOriginalLineSeparator(false);
    }

    /** @return the index of the processor whose removal silences the validator on the probe, or -1 */
    private static int findValidator() {
        int count = configuration().getProcessors().size();
        for (int i = 0; i < count; i++) {
            ParserConfiguration config = configuration();
            List<Supplier<Processor>> processors = config.getProcessors();
            processors.remove(i);
            var result = new JavaParser(config).parse(PROBE);
            if (result.getResult().isPresent() && result.getProblems().isEmpty()) {
                return i;
            }
        }
        return -1;
    }
}
