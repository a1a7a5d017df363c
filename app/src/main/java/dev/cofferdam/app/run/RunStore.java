package dev.cofferdam.app.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cofferdam.engine.trace.SessionRoots;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Where runs are kept: {@code <data dir>/runs/<sandbox>.json} for the record (the last run of that
 * sandbox) and {@code <data dir>/runs/<sandbox>/home/} for the transcripts copied out of the guest,
 * laid out as in the guest's home so the trace commands find them like any agent's. Writes are
 * atomic (temporary file, then rename). Thread-safe.
 */
public final class RunStore {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Path dir;

    /** @param dataDir the data directory (the trace store and egress log live there too) */
    public RunStore(Path dataDir) {
        this.dir = dataDir.resolve("runs");
    }

    public Path dir() {
        return dir;
    }

    /** @return the folder standing for the guest's home of that sandbox */
    public Path home(String sandbox) {
        return dir.resolve(sandbox).resolve("home");
    }

    public synchronized void write(RunRecord r) throws RunException {
        try {
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, ".run-", ".json");
            JSON.writerWithDefaultPrettyPrinter().writeValue(tmp.toFile(), r);
            Files.move(tmp, dir.resolve(r.sandbox() + ".json"), StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new RunException("cannot record the run in " + dir + ": " + e.getMessage(), false, e);
        }
    }

    /** @return the last run of that sandbox, if one was recorded */
    public synchronized Optional<RunRecord> read(String sandbox) throws RunException {
        Path f = dir.resolve(sandbox + ".json");
        if (!Files.isRegularFile(f)) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.readValue(f.toFile(), RunRecord.class));
        } catch (IOException e) {
            throw new RunException("the run record " + f + " is unreadable: " + e.getMessage(), false, e);
        }
    }

    /** @return the transcript folders of every run's home, for the trace commands and the Trace tab */
    public List<SessionRoots> sessionRoots() {
        List<SessionRoots> out = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return out;
        }
        try (Stream<Path> s = Files.list(dir)) {
            s.filter(p -> Files.isDirectory(p.resolve("home")))
                    .sorted()
                    .forEach(p -> out.add(SessionRoots.fromEnvironment(Map.of(), p.resolve("home"))));
        } catch (IOException e) {
            return out;
        }
        return out;
    }
}
