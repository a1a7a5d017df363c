package dev.cofferdam.engine.lang.java;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.Problem;
import com.github.javaparser.ast.CompilationUnit;
import dev.cofferdam.engine.lang.DependencySink;
import dev.cofferdam.engine.lang.FileFacts;
import dev.cofferdam.engine.lang.LanguageAnalyzer;
import dev.cofferdam.engine.lang.LanguageFacts;
import dev.cofferdam.engine.lang.LinkContext;
import dev.cofferdam.engine.scan.SourceRoot;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Java support: JavaParser (one parser per worker thread, no token storage, no comment
 * attribution) for the facts, {@link JavaLinker} for javac-like resolution. Thread-safe.
 */
public final class JavaAnalyzer implements LanguageAnalyzer {
    private static final Pattern IMPORT = Pattern.compile("(?m)^\\s*import\\s+(static\\s+)?([\\w.]+)(\\.\\*)?\\s*;");
    private static final Pattern PACKAGE = Pattern.compile("(?m)^\\s*package\\s+([\\w.]+)\\s*;");
    private static final int MAX_ERRORS = 20;
    private static final int MAX_MESSAGE = 160;
    private static final Pattern POSITION = Pattern.compile("(?:\\(line |at line )(\\d+),\\s*col(?:umn)? (\\d+)");

    private static final ThreadLocal<JavaParser> PARSER = ThreadLocal.withInitial(ParserFactory::create);

    @Override
    public String language() {
        return "java";
    }

    @Override
    public LanguageFacts analyze(String path, String text, List<String> parseErrors) {
        ParseResult<CompilationUnit> result;
        try {
            result = PARSER.get().parse(text);
        } catch (RuntimeException | StackOverflowError e) {
            parseErrors.add("parser failed: " + e);
            return recover(text);
        }
        for (Problem problem : result.getProblems()) {
            if (parseErrors.size() < MAX_ERRORS) {
                parseErrors.add(oneLine(problem));
            }
        }
        if (result.getResult().isPresent() && result.getProblems().isEmpty()) {
            return JavaFactsExtractor.extract(result.getResult().get());
        }
        if (result.getResult().isPresent()) {
            try {
                JavaFacts partial = JavaFactsExtractor.extract(result.getResult().get());
                JavaFacts recovered = recover(text);
                Set<JavaImport> imports = new LinkedHashSet<>(partial.imports());
                imports.addAll(recovered.imports());
                String pkg = partial.packageName().isEmpty() ? recovered.packageName() : partial.packageName();
                return new JavaFacts(pkg, new ArrayList<>(imports), partial.types(), partial.refs(), partial.chains(), partial.calls(),
                        partial.variableTypes());
            } catch (RuntimeException e) {
                return recover(text);
            }
        }
        return recover(text);
    }

    /** Package and imports of a file that does not parse, read line by line. */
    static JavaFacts recover(String text) {
        Matcher pkg = PACKAGE.matcher(text);
        List<JavaImport> imports = new ArrayList<>();
        Matcher m = IMPORT.matcher(text);
        while (m.find()) {
            imports.add(new JavaImport(m.group(2), m.group(1) != null, m.group(3) != null));
        }
        return new JavaFacts(pkg.find() ? pkg.group(1) : "", imports, List.of(), List.of(), List.of(), List.of(), Map.of());
    }

    /** "line 3, column 23: Parse error. Found "{", expected one of ...", at most one short line. */
    static String oneLine(Problem problem) {
        String detail = problem.getVerboseMessage() + " " + problem.getCause().map(Throwable::getMessage).orElse("");
        Matcher at = POSITION.matcher(detail);
        String where = at.find() ? "line " + at.group(1) + ", column " + at.group(2) + ": " : "";
        String message = problem.getMessage().replaceAll("\\s+", " ").trim();
        if (message.length() > MAX_MESSAGE) {
            message = message.substring(0, MAX_MESSAGE) + "...";
        }
        return where + message;
    }

    /** Same package and the same type declarations (names, kinds, nesting, supertypes as written). */
    @Override
    public boolean sameDeclarations(LanguageFacts before, LanguageFacts after) {
        return before instanceof JavaFacts a && after instanceof JavaFacts b
                && a.packageName().equals(b.packageName()) && a.types().equals(b.types());
    }

    @Override
    public void link(LinkContext context, DependencySink sink) {
        new JavaLinker(context, sink).run();
    }

    @Override
    public List<SourceRoot> inferRoots(List<FileFacts> files) {
        Set<SourceRoot> roots = new LinkedHashSet<>();
        for (FileFacts file : files) {
            if (file.details() instanceof JavaFacts facts) {
                String dir = file.path().contains("/") ? file.path().substring(0, file.path().lastIndexOf('/')) : "";
                String pkgPath = facts.packageName().replace('.', '/');
                String root;
                if (pkgPath.isEmpty()) {
                    root = dir;
                } else if (dir.equals(pkgPath)) {
                    root = "";
                } else if (dir.endsWith("/" + pkgPath)) {
                    root = dir.substring(0, dir.length() - pkgPath.length() - 1);
                } else {
                    continue;
                }
                roots.add(new SourceRoot(root, isTestFolder(root)));
            }
        }
        return new ArrayList<>(roots);
    }

    private static boolean isTestFolder(String root) {
        for (String segment : root.split("/")) {
            if (segment.equals("test") || segment.equals("tests") || segment.equals("src-test")
                    || segment.equals("testsrc") || segment.equals("test-src")) {
                return true;
            }
        }
        return false;
    }

    @Override
    public int factsVersion() {
        return 3;
    }

    @Override
    public void write(LanguageFacts facts, DataOutput out) throws IOException {
        JavaFactsCodec.write((JavaFacts) facts, out);
    }

    @Override
    public LanguageFacts read(DataInput in) throws IOException {
        return JavaFactsCodec.read(in);
    }
}
