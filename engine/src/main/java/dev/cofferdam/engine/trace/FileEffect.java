package dev.cofferdam.engine.trace;

/**
 * One change a tool call made (or asked for) to one file.
 *
 * @param path       absolute path when it could be resolved against the session's working directory,
 *                   otherwise as written
 * @param op         what happened to the file
 * @param diff       unified-style diff lines when the record carries them, otherwise null
 * @param beforeHash hash of the text replaced (edit tools), null when unknown
 * @param afterHash  hash of the text written, null when unknown
 */
public record FileEffect(String path, FileOp op, String diff, String beforeHash, String afterHash) {
    public static FileEffect of(String path, FileOp op) {
        return new FileEffect(path, op, null, null, null);
    }
}
