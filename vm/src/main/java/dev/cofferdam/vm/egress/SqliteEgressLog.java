package dev.cofferdam.vm.egress;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The egress log in SQLite ({@code egress.db} under the data directory), in WAL mode: a record is
 * on disk when {@link #append} returns, so it survives a crash of the process (each append is its
 * own committed transaction; with {@code synchronous=NORMAL} the WAL is written at commit and
 * synced at checkpoints, so an OS crash or power cut may lose the last commits, a process crash
 * none). Writes use one connection serialized by this object's monitor and are single short
 * statements, so the proxy may append from an event loop; reads ({@link #query}, {@link #hosts},
 * exports) use a second connection with its own lock and never hold up a write. Checkpoints (copying
 * the WAL into the database file, with its fsync) never run inside a write: a background thread runs
 * a passive checkpoint on a third connection every {@value #CHECKPOINT_MS} ms after writes, which
 * writers do not wait for. Thread-safe.
 */
public final class SqliteEgressLog implements EgressLog {
    private static final Logger LOG = LoggerFactory.getLogger(SqliteEgressLog.class);
    static final long CHECKPOINT_MS = 250;
    private static final String COLUMNS = "time_ms, sandbox, client, method, host, port, path, server_name, decision, "
            + "rule, reason, status, bytes_up, bytes_down, duration_ms, credential";

    private final Path file;
    private final Connection db;
    private final Connection reader;
    private final Object readLock = new Object();
    private final Connection checkpointer;
    private final ScheduledExecutorService checkpoints;
    private final AtomicBoolean written = new AtomicBoolean();
    private final List<Consumer<EgressRecord>> listeners = new CopyOnWriteArrayList<>();
    private final PreparedStatement insert;
    private final PreparedStatement update;
    private volatile boolean closed;

    private SqliteEgressLog(Path file, Connection db, Connection reader, Connection checkpointer, long checkpointMs)
            throws SQLException {
        this.file = file;
        this.db = db;
        this.reader = reader;
        this.checkpointer = checkpointer;
        this.insert = db.prepareStatement("INSERT INTO egress (" + COLUMNS + ") VALUES "
                + "(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?) RETURNING id");
        this.update = db.prepareStatement("UPDATE egress SET server_name=?, decision=?, rule=?, reason=?, status=?, "
                + "bytes_up=?, bytes_down=?, duration_ms=? WHERE id=?");
        this.checkpoints = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "cofferdam-egress-checkpoint");
            t.setDaemon(true);
            return t;
        });
        checkpoints.scheduleWithFixedDelay(this::checkpoint, checkpointMs, checkpointMs, TimeUnit.MILLISECONDS);
    }

    /**
     * Opens (creating if needed) the log at {@code dataDir/egress.db}.
     *
     * @throws EgressLogException when the database cannot be opened
     */
    public static SqliteEgressLog open(Path dataDir) throws EgressLogException {
        return open(dataDir, CHECKPOINT_MS);
    }

    /** As {@link #open(Path)}, with checkpoints every {@code checkpointMs} after writes. */
    static SqliteEgressLog open(Path dataDir, long checkpointMs) throws EgressLogException {
        Path file = dataDir.resolve("egress.db");
        try {
            Files.createDirectories(dataDir);
            Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
            try (Statement s = c.createStatement()) {
                s.execute("PRAGMA journal_mode=WAL");
                s.execute("PRAGMA synchronous=NORMAL");
                s.execute("PRAGMA busy_timeout=5000");
                // checkpoints run on the background thread (see checkpoint), never inside a commit
                s.execute("PRAGMA wal_autocheckpoint=0");
                s.execute("CREATE TABLE IF NOT EXISTS egress (id INTEGER PRIMARY KEY AUTOINCREMENT, "
                        + "time_ms INTEGER NOT NULL, sandbox TEXT NOT NULL, client TEXT NOT NULL, method TEXT NOT NULL, "
                        + "host TEXT NOT NULL, port INTEGER NOT NULL, path TEXT NOT NULL, server_name TEXT NOT NULL, "
                        + "decision TEXT NOT NULL, rule TEXT NOT NULL, reason TEXT NOT NULL, status INTEGER NOT NULL, "
                        + "bytes_up INTEGER NOT NULL, bytes_down INTEGER NOT NULL, duration_ms INTEGER NOT NULL, "
                        + "credential TEXT NOT NULL)");
                s.execute("CREATE INDEX IF NOT EXISTS egress_sandbox_time ON egress (sandbox, time_ms)");
                s.execute("CREATE INDEX IF NOT EXISTS egress_host ON egress (host)");
            }
            return new SqliteEgressLog(file, c, secondary(file), secondary(file), checkpointMs);
        } catch (IOException | SQLException e) {
            throw new EgressLogException("cannot open the egress log " + file + ": " + e.getMessage(), e);
        }
    }

    private static Connection secondary(Path file) throws SQLException {
        Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        try (Statement s = c.createStatement()) {
            s.execute("PRAGMA busy_timeout=5000");
            s.execute("PRAGMA wal_autocheckpoint=0");
        }
        return c;
    }

    /** Copies committed WAL frames into the database file when there were writes; writers go on meanwhile. */
    private void checkpoint() {
        if (!written.getAndSet(false)) {
            return;
        }
        synchronized (checkpointer) {
            if (closed) {
                return;
            }
            try (Statement s = checkpointer.createStatement()) {
                s.execute("PRAGMA wal_checkpoint(PASSIVE)");
            } catch (SQLException e) {
                LOG.warn("checkpoint of the egress log {} failed (retried after the next write): {}", file,
                        e.getMessage());
            }
        }
    }

    /** @return the database file */
    public Path file() {
        return file;
    }

    @Override
    public synchronized EgressRecord append(EgressRecord r) throws EgressLogException {
        check();
        try {
            bind(insert, r);
            try (ResultSet keys = insert.executeQuery()) {
                keys.next();
                EgressRecord stored = r.withId(keys.getLong(1));
                written.set(true);
                notifyListeners(stored);
                return stored;
            }
        } catch (SQLException e) {
            throw new EgressLogException("cannot write the egress log " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized EgressRecord complete(EgressRecord r, EgressCompletion c) throws EgressLogException {
        check();
        EgressRecord done = r.completed(c);
        try {
            PreparedStatement ps = update;
            ps.setString(1, done.serverName());
            ps.setString(2, done.decision());
            ps.setString(3, done.rule());
            ps.setString(4, done.reason());
            ps.setInt(5, done.status());
            ps.setLong(6, done.bytesUp());
            ps.setLong(7, done.bytesDown());
            ps.setLong(8, done.durationMs());
            ps.setLong(9, done.id());
            ps.executeUpdate();
            written.set(true);
        } catch (SQLException e) {
            throw new EgressLogException("cannot update the egress log " + file + ": " + e.getMessage(), e);
        }
        notifyListeners(done);
        return done;
    }

    @Override
    public AutoCloseable subscribe(Consumer<EgressRecord> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    @Override
    public List<EgressRecord> query(EgressQuery q) throws EgressLogException {
        synchronized (readLock) {
            return read(q);
        }
    }

    private List<EgressRecord> read(EgressQuery q) throws EgressLogException {
        check();
        StringBuilder sql = new StringBuilder("SELECT id, " + COLUMNS + " FROM egress WHERE id > ?");
        List<Object> args = new ArrayList<>();
        args.add(q.afterId());
        if (q.sandbox() != null) {
            sql.append(" AND sandbox = ?");
            args.add(q.sandbox());
        }
        if (q.from() != null) {
            sql.append(" AND time_ms >= ?");
            args.add(q.from().toEpochMilli());
        }
        if (q.to() != null) {
            sql.append(" AND time_ms < ?");
            args.add(q.to().toEpochMilli());
        }
        sql.append(" ORDER BY id LIMIT ?");
        args.add(q.limit());
        try (PreparedStatement ps = reader.prepareStatement(sql.toString())) {
            for (int i = 0; i < args.size(); i++) {
                ps.setObject(i + 1, args.get(i));
            }
            List<EgressRecord> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(read(rs));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new EgressLogException("cannot read the egress log " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public List<HostSummary> hosts(String sandbox) throws EgressLogException {
        synchronized (readLock) {
            return summaries(sandbox);
        }
    }

    private List<HostSummary> summaries(String sandbox) throws EgressLogException {
        check();
        String where = sandbox == null ? "" : " WHERE sandbox = ?";
        String sql = "SELECT e.host, g.n, e.time_ms, e.decision, e.rule FROM egress e JOIN (SELECT host, COUNT(*) n, "
                + "MAX(id) last FROM egress" + where + " GROUP BY host) g ON e.id = g.last ORDER BY e.time_ms DESC";
        try (PreparedStatement ps = reader.prepareStatement(sql)) {
            if (sandbox != null) {
                ps.setString(1, sandbox);
            }
            List<HostSummary> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new HostSummary(rs.getString(1), rs.getLong(2), Instant.ofEpochMilli(rs.getLong(3)),
                            rs.getString(4), rs.getString(5)));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new EgressLogException("cannot read the egress log " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void exportJsonl(EgressQuery query, Writer out) throws EgressLogException {
        EgressExport.jsonl(query(query), out);
    }

    @Override
    public void exportCsv(EgressQuery query, Writer out) throws EgressLogException {
        EgressExport.csv(query(query), out);
    }

    @Override
    public void close() {
        checkpoints.shutdownNow();
        synchronized (readLock) {
            synchronized (this) {
                if (closed) {
                    return;
                }
                closed = true;
                try {
                    insert.close();
                    update.close();
                    reader.close();
                    synchronized (checkpointer) {
                        checkpointer.close();
                    }
                    // the last connection to close checkpoints the whole WAL and removes it
                    db.close();
                } catch (SQLException e) {
                    LOG.warn("closing the egress log {} failed", file, e);
                }
            }
        }
    }

    private void check() throws EgressLogException {
        if (closed) {
            throw new EgressLogException("the egress log " + file + " is closed", null);
        }
    }

    private void notifyListeners(EgressRecord r) {
        for (Consumer<EgressRecord> l : listeners) {
            try {
                l.accept(r);
            } catch (RuntimeException e) {
                LOG.warn("egress log listener failed", e);
            }
        }
    }

    private static void bind(PreparedStatement ps, EgressRecord r) throws SQLException {
        Object[] v = {r.time().toEpochMilli(), r.sandbox(), r.client(), r.method(), r.host(), r.port(), r.path(),
            r.serverName(), r.decision(), r.rule(), r.reason(), r.status(), r.bytesUp(), r.bytesDown(),
            r.durationMs(), r.credential()};
        for (int i = 0; i < v.length; i++) {
            ps.setObject(i + 1, v[i]);
        }
    }

    private static EgressRecord read(ResultSet rs) throws SQLException {
        return new EgressRecord(rs.getLong(1), Instant.ofEpochMilli(rs.getLong(2)), rs.getString(3), rs.getString(4),
                rs.getString(5), rs.getString(6), rs.getInt(7), rs.getString(8), rs.getString(9), rs.getString(10),
                rs.getString(11), rs.getString(12), rs.getInt(13), rs.getLong(14), rs.getLong(15), rs.getLong(16),
                rs.getString(17));
    }
}
