package dev.cofferdam.engine.lang;

import dev.cofferdam.engine.scan.FileKinds;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Turns one file's bytes into {@link FileFacts}: binary sniff (a NUL byte in the first 8 KiB),
 * non-blank line count, generated header, then the language's analyzer. Thread-safe when the
 * analyzers are.
 */
public final class FileAnalysis {
    /** Files larger than this are listed but not parsed. */
    public static final long MAX_PARSED_SIZE = 5L * 1024 * 1024;
    public static final String OVER_SIZE = "not parsed: over 5 MB";
    private static final int SNIFF = 8192;
    private static final int HEAD = 2048;

    private final Map<String, LanguageAnalyzer> analyzers;

    /** @param analyzers by language name */
    public FileAnalysis(Map<String, LanguageAnalyzer> analyzers) {
        this.analyzers = Map.copyOf(analyzers);
    }

    public LanguageAnalyzer analyzer(String language) {
        return analyzers.get(language);
    }

    /** Facts of a file too large to parse (only its head was read, for the binary sniff). */
    public FileFacts oversized(String path, byte[] head) {
        boolean binary = isBinary(head, head.length);
        return new FileFacts(path, FileKinds.language(path), 0, false, binary, List.of(OVER_SIZE), null);
    }

    /** Facts of a file that could not be read. */
    public FileFacts unreadable(String path, String reason) {
        return new FileFacts(path, FileKinds.language(path), 0, false, false, List.of("not read: " + reason), null);
    }

    public FileFacts analyze(String path, byte[] content) {
        String language = FileKinds.language(path);
        if (isBinary(content, Math.min(content.length, SNIFF))) {
            return new FileFacts(path, language, 0, false, true, List.of(), null);
        }
        String text = new String(content, StandardCharsets.UTF_8);
        boolean generated = FileKinds.generatedHeader(text.substring(0, Math.min(text.length(), HEAD)));
        List<String> errors = new ArrayList<>();
        LanguageFacts details = null;
        LanguageAnalyzer analyzer = analyzers.get(language);
        if (analyzer != null) {
            details = analyzer.analyze(path, text, errors);
        }
        return new FileFacts(path, language, countLoc(text), generated, false, errors, details);
    }

    static boolean isBinary(byte[] content, int length) {
        for (int i = 0; i < length; i++) {
            if (content[i] == 0) {
                return true;
            }
        }
        return false;
    }

    static int countLoc(String text) {
        int loc = 0;
        boolean blank = true;
        for (int i = 0, n = text.length(); i < n; i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                if (!blank) {
                    loc++;
                }
                blank = true;
            } else if (blank && !Character.isWhitespace(c)) {
                blank = false;
            }
        }
        return blank ? loc : loc + 1;
    }
}
