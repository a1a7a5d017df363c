package dev.cofferdam.engine.lang;

/**
 * What a {@link LanguageAnalyzer} extracted from one file, cacheable in the index. Implementations
 * are immutable records.
 */
public interface LanguageFacts {
}
