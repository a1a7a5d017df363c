package dev.cofferdam.engine.trace.ingest;

import java.util.List;
import java.util.Set;

/** Recognizes build, test and lint commands. Stateless, thread-safe. */
final class VerifyCommands {
    private static final Set<String> ALWAYS = Set.of("mvn", "mvnw", "./mvnw", "gradle", "gradlew", "./gradlew",
            "pytest", "jest", "vitest", "tsc", "make", "ctest", "tox", "phpunit", "rspec", "mypy", "ruff",
            "eslint", "javac", "gcc", "cc", "clang", "ninja", "bazel", "sbt");
    private static final Set<String> SUB_TEST = Set.of("test", "build", "check", "clippy", "vet", "compile",
            "lint", "typecheck", "verify");

    private VerifyCommands() {
    }

    static boolean isVerify(List<String> w) {
        String name = ShellCommandParser.baseName(w.get(0));
        if (ALWAYS.contains(name)) {
            return true;
        }
        if (w.size() < 2) {
            return false;
        }
        String sub = w.get(1);
        switch (name) {
            case "cargo", "go", "dotnet", "swift", "mix", "deno", "bun", "zig":
                return SUB_TEST.contains(sub);
            case "npm", "yarn", "pnpm":
                return SUB_TEST.contains(sub) || sub.equals("run") && w.size() > 2 && SUB_TEST.contains(w.get(2))
                        || sub.equals("t");
            case "python", "python3", "uv":
                return w.contains("pytest") || w.contains("unittest") || w.contains("mypy");
            case "node":
                return w.contains("--test");
            case "npx":
                return ALWAYS.contains(sub);
            default:
                return false;
        }
    }
}
