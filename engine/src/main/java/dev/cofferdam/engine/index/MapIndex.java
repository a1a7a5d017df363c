package dev.cofferdam.engine.index;

import dev.cofferdam.engine.AnalysisException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The persisted index of one repository (SQLite): per-file facts keyed by path with size, mtime and
 * content hash, and the last resolved map with the fingerprint of the file set it came from. Every
 * write is one transaction. An index of another schema version (or an unreadable one) is discarded
 * and rebuilt. One instance per map run; not thread-safe.
 */
public final class MapIndex implements AutoCloseable {
    public static final int SCHEMA_VERSION = 1;
    private static final Logger LOG = LoggerFactory.getLogger(MapIndex.class);

    private final Path file;
    private final Connection connection;

    private MapIndex(Path file, Connection connection) {
        this.file = file;
        this.connection = connection;
    }

    /**
     * Opens (creating when needed) the index at {@code file}.
     *
     * @throws AnalysisException when the index cannot be created
     */
    public static MapIndex open(Path file, String root) throws AnalysisException {
        try {
            Files.createDirectories(file.getParent());
        } catch (IOException e) {
            throw new AnalysisException("cannot create the map cache folder " + file.getParent() + ": " + e.getMessage(), e);
        }
        try {
            MapIndex index = new MapIndex(file, connect(file));
            Integer version = index.schemaVersion();
            if (version != null && version == SCHEMA_VERSION) {
                return index;
            }
            if (version != null) {
                LOG.info("map index {} has schema version {}, this version uses {}: rebuilding it", file, version,
                        SCHEMA_VERSION);
                index.connection.close();
                Files.deleteIfExists(file);
                index = new MapIndex(file, connect(file));
            }
            index.create(root);
            return index;
        } catch (SQLException | IOException e) {
            LOG.info("map index {} is unreadable ({}): rebuilding it", file, e.getMessage());
            return recreate(file, root);
        }
    }

    private static MapIndex recreate(Path file, String root) throws AnalysisException {
        try {
            Files.deleteIfExists(file);
            MapIndex index = new MapIndex(file, connect(file));
            index.create(root);
            return index;
        } catch (SQLException | IOException e) {
            throw new AnalysisException("cannot create the map index " + file + ": " + e.getMessage(), e);
        }
    }

    private static Connection connect(Path file) throws SQLException {
        Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        try (Statement s = c.createStatement()) {
            s.execute("PRAGMA synchronous=NORMAL");
        }
        return c;
    }

    private Integer schemaVersion() throws SQLException {
        try (Statement s = connection.createStatement();
             ResultSet tables = s.executeQuery("SELECT name FROM sqlite_master WHERE type='table' AND name='meta'")) {
            if (!tables.next()) {
                return null;
            }
        }
        try (Statement s = connection.createStatement();
             ResultSet rs = s.executeQuery("SELECT value FROM meta WHERE key='schema_version'")) {
            return rs.next() ? Integer.valueOf(rs.getString(1)) : Integer.valueOf(-1);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private void create(String root) throws SQLException {
        connection.setAutoCommit(false);
        try (Statement s = connection.createStatement()) {
            s.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)");
            s.execute("CREATE TABLE files (path TEXT PRIMARY KEY, size INTEGER NOT NULL, mtime INTEGER NOT NULL,"
                    + " hash BLOB NOT NULL, facts BLOB NOT NULL)");
            s.execute("CREATE TABLE snapshot (id INTEGER PRIMARY KEY CHECK (id = 1), fingerprint TEXT NOT NULL,"
                    + " map BLOB NOT NULL)");
            try (PreparedStatement p = connection.prepareStatement("INSERT INTO meta VALUES (?, ?)")) {
                p.setString(1, "schema_version");
                p.setString(2, String.valueOf(SCHEMA_VERSION));
                p.addBatch();
                p.setString(1, "root");
                p.setString(2, root);
                p.addBatch();
                p.executeBatch();
            }
            connection.commit();
        } catch (SQLException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(true);
        }
    }

    /**
     * @return the stored map (encoded with {@link RepoMapCodec}) when it was made from exactly this
     *         fingerprint, else null
     */
    public byte[] snapshot(String fingerprint) {
        try (PreparedStatement p = connection.prepareStatement("SELECT map FROM snapshot WHERE id = 1 AND fingerprint = ?")) {
            p.setString(1, fingerprint);
            try (ResultSet rs = p.executeQuery()) {
                return rs.next() ? rs.getBytes(1) : null;
            }
        } catch (SQLException | RuntimeException e) {
            LOG.warn("ignoring the stored map of {}: {}", file, e.toString());
            return null;
        }
    }

    /** @return the cached facts by path; entries that cannot be decoded are left out (re-parsed) */
    public Map<String, CachedFile> files(FactsCodec codec) throws AnalysisException {
        Map<String, CachedFile> result = new HashMap<>();
        try (Statement s = connection.createStatement();
             ResultSet rs = s.executeQuery("SELECT path, size, mtime, hash, facts FROM files")) {
            while (rs.next()) {
                try {
                    var facts = codec.decode(rs.getBytes(5));
                    if (facts != null) {
                        result.put(rs.getString(1), new CachedFile(rs.getLong(2), rs.getLong(3), rs.getBytes(4), facts));
                    }
                } catch (IOException | RuntimeException e) {
                    LOG.debug("re-parsing {}: cached facts unreadable ({})", rs.getString(1), e.toString());
                }
            }
        } catch (SQLException e) {
            throw new AnalysisException("cannot read the map index " + file + ": " + e.getMessage(), e);
        }
        return result;
    }

    /**
     * Stores changed facts, forgets removed files and replaces the map (encoded with
     * {@link RepoMapCodec}), in one transaction.
     *
     * @throws AnalysisException when it cannot be written (the index is left as it was)
     */
    public void write(Map<String, CachedFile> changed, Collection<String> removed, String fingerprint, byte[] mapBlob,
                      FactsCodec codec) throws AnalysisException {
        try {
            connection.setAutoCommit(false);
            try {
                try (PreparedStatement delete = connection.prepareStatement("DELETE FROM files WHERE path = ?")) {
                    for (String path : removed) {
                        delete.setString(1, path);
                        delete.addBatch();
                    }
                    delete.executeBatch();
                }
                try (PreparedStatement upsert = connection.prepareStatement("INSERT OR REPLACE INTO files VALUES (?, ?, ?, ?, ?)")) {
                    for (var entry : changed.entrySet()) {
                        CachedFile cached = entry.getValue();
                        upsert.setString(1, entry.getKey());
                        upsert.setLong(2, cached.size());
                        upsert.setLong(3, cached.mtime());
                        upsert.setBytes(4, cached.hash());
                        upsert.setBytes(5, codec.encode(cached.facts()));
                        upsert.addBatch();
                    }
                    upsert.executeBatch();
                }
                try (PreparedStatement snap = connection.prepareStatement("INSERT OR REPLACE INTO snapshot VALUES (1, ?, ?)")) {
                    snap.setString(1, fingerprint);
                    snap.setBytes(2, mapBlob);
                    snap.executeUpdate();
                }
                connection.commit();
            } catch (SQLException | IOException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException | IOException e) {
            throw new AnalysisException("cannot write the map index " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            LOG.debug("closing {}: {}", file, e.toString());
        }
    }
}
