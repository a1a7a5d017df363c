package dev.cofferdam.engine.trace;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where agents keep their transcripts: Claude Code {@code ~/.claude/projects}, Codex
 * {@code ~/.codex/sessions}, Gemini CLI {@code ~/.gemini/tmp}. Each can be overridden (tests, other
 * homes). Immutable.
 *
 * @param claude Claude Code projects directory
 * @param codex  Codex sessions directory
 * @param gemini Gemini CLI tmp directory
 */
public record SessionRoots(Path claude, Path codex, Path gemini) {
    /**
     * @param env  environment: COFFERDAM_CLAUDE_ROOT, COFFERDAM_CODEX_ROOT, COFFERDAM_GEMINI_ROOT override
     *             the defaults; CODEX_HOME is honoured as Codex does
     * @param home the user's home directory
     */
    public static SessionRoots fromEnvironment(Map<String, String> env, Path home) {
        Path codexHome = env.containsKey("CODEX_HOME") ? Path.of(env.get("CODEX_HOME")) : home.resolve(".codex");
        return new SessionRoots(
                pick(env, "COFFERDAM_CLAUDE_ROOT", home.resolve(".claude/projects")),
                pick(env, "COFFERDAM_CODEX_ROOT", codexHome.resolve("sessions")),
                pick(env, "COFFERDAM_GEMINI_ROOT", home.resolve(".gemini/tmp")));
    }

    private static Path pick(Map<String, String> env, String key, Path fallback) {
        String v = env.get(key);
        return v == null || v.isBlank() ? fallback : Path.of(v);
    }
}
