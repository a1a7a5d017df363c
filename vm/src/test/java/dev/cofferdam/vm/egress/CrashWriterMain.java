package dev.cofferdam.vm.egress;

import java.nio.file.Path;
import java.time.Instant;

/** Child process of {@link SqliteEgressLogTest}: appends records, then dies without closing anything. */
public final class CrashWriterMain {
    private CrashWriterMain() {
    }

    public static void main(String[] args) throws Exception {
        SqliteEgressLog log = SqliteEgressLog.open(Path.of(args[0]));
        int n = Integer.parseInt(args[1]);
        for (int i = 0; i < n; i++) {
            log.append(new EgressRecord(0, Instant.now(), "crash", "127.0.0.1:1", "GET", "h" + i + ".example", 80,
                    "/", "", "allow", "", "test", 200, 0, 0, 0, ""));
        }
        System.out.println("appended " + n);
        System.out.flush();
        Runtime.getRuntime().halt(3);
    }
}
