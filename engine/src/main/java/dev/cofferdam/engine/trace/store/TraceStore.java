package dev.cofferdam.engine.trace.store;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cofferdam.engine.trace.TraceException;
import dev.cofferdam.engine.trace.TraceSession;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Parsed sessions persisted in SQLite ({@code traces.db} in the data directory), keyed by the
 * transcript's path and valid while its size and modification time are unchanged, so reopening a
 * session skips parsing. The store is a cache: a row of another format version is dropped, never
 * migrated. Thread-safe (one connection, synchronized).
 */
public final class TraceStore implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TraceStore.class);
    private static final int FORMAT = 1;
    private static final ObjectMapper JSON = new ObjectMapper()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final Connection db;

    /**
     * @param dataDir directory for {@code traces.db}, created when missing
     * @throws TraceException when the directory or database cannot be opened
     */
    public TraceStore(Path dataDir) throws TraceException {
        try {
            Files.createDirectories(dataDir);
            db = DriverManager.getConnection("jdbc:sqlite:" + dataDir.resolve("traces.db"));
            try (Statement st = db.createStatement()) {
                st.execute("PRAGMA journal_mode=WAL");
                int version;
                try (ResultSet rs = st.executeQuery("PRAGMA user_version")) {
                    version = rs.next() ? rs.getInt(1) : 0;
                }
                if (version != FORMAT) {
                    st.execute("DROP TABLE IF EXISTS sessions");
                    st.execute("PRAGMA user_version=" + FORMAT);
                }
                st.execute("CREATE TABLE IF NOT EXISTS sessions (path TEXT PRIMARY KEY, size INTEGER NOT NULL, "
                        + "mtime INTEGER NOT NULL, agent TEXT, session_id TEXT, calls INTEGER, stored_at INTEGER, "
                        + "body BLOB NOT NULL)");
            }
        } catch (IOException | SQLException e) {
            throw new TraceException("cannot open the trace store in " + dataDir + ": " + e.getMessage(), e);
        }
    }

    /**
     * @param env  the environment: COFFERDAM_DATA_DIR wins, then XDG_DATA_HOME/cofferdam
     * @param home the user's home
     * @return the data directory ({@code ~/.local/share/cofferdam} by default)
     */
    public static Path defaultDir(Map<String, String> env, Path home) {
        String own = env.get("COFFERDAM_DATA_DIR");
        if (own != null && !own.isBlank()) {
            return Path.of(own);
        }
        String xdg = env.get("XDG_DATA_HOME");
        return (xdg == null || xdg.isBlank() ? home.resolve(".local/share") : Path.of(xdg)).resolve("cofferdam");
    }

    /** @return the stored session when the file's size and mtime still match, otherwise empty */
    public synchronized Optional<TraceSession> load(String path, long size, long mtime) throws TraceException {
        try (PreparedStatement ps = db.prepareStatement("SELECT body FROM sessions WHERE path=? AND size=? AND mtime=?")) {
            ps.setString(1, path);
            ps.setLong(2, size);
            ps.setLong(3, mtime);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(JSON.readValue(rs.getBytes(1), TraceSession.class));
            }
        } catch (IOException e) {
            LOG.warn("stored session of {} is unreadable; it will be parsed again", path, e);
            return Optional.empty();
        } catch (SQLException e) {
            throw new TraceException("cannot read the trace store: " + e.getMessage(), e);
        }
    }

    /** Stores (or replaces) the session parsed from the file at that size and mtime. */
    public synchronized void save(String path, long size, long mtime, TraceSession s) throws TraceException {
        try (PreparedStatement ps = db.prepareStatement("INSERT OR REPLACE INTO sessions "
                + "(path, size, mtime, agent, session_id, calls, stored_at, body) VALUES (?,?,?,?,?,?,?,?)")) {
            ps.setString(1, path);
            ps.setLong(2, size);
            ps.setLong(3, mtime);
            ps.setString(4, s.agent().label());
            ps.setString(5, s.id());
            ps.setInt(6, s.calls().size());
            ps.setLong(7, System.currentTimeMillis());
            ps.setBytes(8, JSON.writeValueAsBytes(s));
            ps.executeUpdate();
        } catch (IOException | SQLException e) {
            throw new TraceException("cannot write the trace store: " + e.getMessage(), e);
        }
    }

    /** @return every stored session, most recently modified first */
    public synchronized List<StoredSession> list() throws TraceException {
        List<StoredSession> out = new ArrayList<>();
        try (Statement st = db.createStatement();
             ResultSet rs = st.executeQuery("SELECT path, size, mtime, agent, session_id, calls, stored_at "
                     + "FROM sessions ORDER BY mtime DESC, path")) {
            while (rs.next()) {
                out.add(new StoredSession(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getString(4),
                        rs.getString(5), rs.getInt(6), rs.getLong(7)));
            }
        } catch (SQLException e) {
            throw new TraceException("cannot read the trace store: " + e.getMessage(), e);
        }
        return out;
    }

    @Override
    public synchronized void close() {
        try {
            db.close();
        } catch (SQLException e) {
            LOG.warn("closing the trace store failed", e);
        }
    }
}
