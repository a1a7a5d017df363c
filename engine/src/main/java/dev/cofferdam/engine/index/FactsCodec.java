package dev.cofferdam.engine.index;

import dev.cofferdam.engine.lang.FileFacts;
import dev.cofferdam.engine.lang.LanguageAnalyzer;
import dev.cofferdam.engine.lang.LanguageFacts;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Binary form of {@link FileFacts}: the language-neutral part, then the analyzer's own facts
 * tagged with its facts version (a mismatch reads as "not cached"). Thread-safe.
 */
public final class FactsCodec {
    private final Function<String, LanguageAnalyzer> analyzers;

    public FactsCodec(Function<String, LanguageAnalyzer> analyzers) {
        this.analyzers = analyzers;
    }

    public byte[] encode(FileFacts facts) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeUTF(facts.path());
        out.writeUTF(facts.language());
        out.writeInt(facts.loc());
        out.writeBoolean(facts.generated());
        out.writeBoolean(facts.binary());
        out.writeInt(facts.parseErrors().size());
        for (String error : facts.parseErrors()) {
            out.writeUTF(error);
        }
        LanguageAnalyzer analyzer = analyzers.apply(facts.language());
        if (facts.details() != null && analyzer != null) {
            out.writeInt(analyzer.factsVersion());
            analyzer.write(facts.details(), out);
        } else {
            out.writeInt(-1);
        }
        out.flush();
        return bytes.toByteArray();
    }

    /** @return the facts, or null when they were written by another version of the analyzer */
    public FileFacts decode(byte[] data) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(data));
        String path = in.readUTF();
        String language = in.readUTF();
        int loc = in.readInt();
        boolean generated = in.readBoolean();
        boolean binary = in.readBoolean();
        int n = in.readInt();
        List<String> errors = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            errors.add(in.readUTF());
        }
        int version = in.readInt();
        LanguageAnalyzer analyzer = analyzers.apply(language);
        LanguageFacts details = null;
        if (version >= 0) {
            if (analyzer == null || analyzer.factsVersion() != version) {
                return null;
            }
            details = analyzer.read(in);
        } else if (analyzer != null && !binary && errors.isEmpty()) {
            return null;
        }
        return new FileFacts(path, language, loc, generated, binary, errors, details);
    }
}
