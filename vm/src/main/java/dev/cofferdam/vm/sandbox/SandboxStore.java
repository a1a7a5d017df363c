package dev.cofferdam.vm.sandbox;

import dev.cofferdam.vm.qemu.Accelerator;
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
import java.util.Optional;

/**
 * Persists sandboxes in SQLite, so that they outlive the process that created them.
 * Thread-safe (methods synchronize on the connection); several processes may share the file.
 */
public final class SandboxStore implements AutoCloseable {
    private final Connection db;

    /** Opens (creating if needed) the database file. */
    public SandboxStore(Path file) throws SandboxException {
        try {
            Files.createDirectories(file.getParent());
            db = DriverManager.getConnection("jdbc:sqlite:" + file);
            try (Statement s = db.createStatement()) {
                s.execute("PRAGMA busy_timeout = 5000");
                s.execute("PRAGMA journal_mode = WAL");
                s.execute("CREATE TABLE IF NOT EXISTS sandbox (name TEXT PRIMARY KEY, template TEXT NOT NULL,"
                        + " cpus INTEGER NOT NULL, memory_mib INTEGER NOT NULL, workspace TEXT, image_dir TEXT,"
                        + " accelerator TEXT NOT NULL, accel_note TEXT NOT NULL, want_running INTEGER NOT NULL,"
                        + " qemu_pid INTEGER NOT NULL, virtiofsd_pid INTEGER NOT NULL,"
                        + " created_ms INTEGER NOT NULL, started_ms INTEGER NOT NULL, clone INTEGER NOT NULL DEFAULT 0)");
                addColumnIfMissing(s, "clone", "INTEGER NOT NULL DEFAULT 0");
            }
        } catch (SQLException | IOException e) {
            throw new SandboxException("cannot open the sandbox database " + file + ": " + e.getMessage(), false, e);
        }
    }

    /** Upgrades a database written by an earlier version. */
    private static void addColumnIfMissing(Statement s, String column, String type) throws SQLException {
        try (ResultSet rs = s.executeQuery("PRAGMA table_info(sandbox)")) {
            while (rs.next()) {
                if (rs.getString("name").equals(column)) {
                    return;
                }
            }
        }
        s.execute("ALTER TABLE sandbox ADD COLUMN " + column + " " + type);
    }

    public synchronized void put(SandboxRecord r) throws SandboxException {
        String sql = "INSERT OR REPLACE INTO sandbox VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)";
        try (PreparedStatement p = db.prepareStatement(sql)) {
            p.setString(1, r.name());
            p.setString(2, r.spec().template());
            p.setInt(3, r.spec().cpus());
            p.setInt(4, r.spec().memoryMiB());
            p.setString(5, r.spec().workspace().map(Path::toString).orElse(null));
            p.setString(6, r.imageDir() == null ? null : r.imageDir().toString());
            p.setString(7, r.accelerator().name());
            p.setString(8, r.accelNote());
            p.setInt(9, r.wantRunning() ? 1 : 0);
            p.setLong(10, r.qemuPid());
            p.setLong(11, r.virtiofsdPid());
            p.setLong(12, r.createdMs());
            p.setLong(13, r.startedMs());
            p.setInt(14, r.spec().cloneWorkspace() ? 1 : 0);
            p.executeUpdate();
        } catch (SQLException e) {
            throw fail(e);
        }
    }

    public synchronized Optional<SandboxRecord> get(String name) throws SandboxException {
        try (PreparedStatement p = db.prepareStatement("SELECT * FROM sandbox WHERE name = ?")) {
            p.setString(1, name);
            try (ResultSet rs = p.executeQuery()) {
                return rs.next() ? Optional.of(row(rs)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw fail(e);
        }
    }

    public synchronized List<SandboxRecord> all() throws SandboxException {
        List<SandboxRecord> list = new ArrayList<>();
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery("SELECT * FROM sandbox ORDER BY name")) {
            while (rs.next()) {
                list.add(row(rs));
            }
            return list;
        } catch (SQLException e) {
            throw fail(e);
        }
    }

    public synchronized void delete(String name) throws SandboxException {
        try (PreparedStatement p = db.prepareStatement("DELETE FROM sandbox WHERE name = ?")) {
            p.setString(1, name);
            p.executeUpdate();
        } catch (SQLException e) {
            throw fail(e);
        }
    }

    private static SandboxRecord row(ResultSet rs) throws SQLException {
        String ws = rs.getString("workspace");
        String image = rs.getString("image_dir");
        SandboxSpec spec = new SandboxSpec(rs.getString("name"), rs.getString("template"), rs.getInt("cpus"),
                rs.getInt("memory_mib"), Optional.ofNullable(ws).map(Path::of), rs.getInt("clone") != 0);
        return new SandboxRecord(spec, image == null ? null : Path.of(image),
                Accelerator.valueOf(rs.getString("accelerator")), rs.getString("accel_note"),
                rs.getInt("want_running") != 0, rs.getLong("qemu_pid"), rs.getLong("virtiofsd_pid"),
                rs.getLong("created_ms"), rs.getLong("started_ms"));
    }

    private static SandboxException fail(SQLException e) {
        return new SandboxException("sandbox database error: " + e.getMessage(), false, e);
    }

    @Override
    public synchronized void close() throws SandboxException {
        try {
            db.close();
        } catch (SQLException e) {
            throw fail(e);
        }
    }
}
