package dev.cofferdam.vm.sandbox;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A connection to the guest agent over one virtio-serial port (a Unix socket QEMU serves).
 * QEMU serves one client per port, so each port has a lock file that every process takes
 * before connecting; a busy port is skipped. When the connection closes, the agent kills what
 * was started through it. Sending is thread-safe; one thread reads (see {@link ExecSession}).
 */
final class AgentChannel implements Closeable {
    private static final AtomicInteger IDS = new AtomicInteger(1);

    private final SocketChannel socket;
    private final FileChannel lockFile;
    private final FileLock lock;
    private final InputStream in;
    private final OutputStream out;
    private final Object writeLock = new Object();

    private AgentChannel(SocketChannel socket, FileChannel lockFile, FileLock lock) {
        this.socket = socket;
        this.lockFile = lockFile;
        this.lock = lock;
        this.in = SocketStreams.in(socket);
        this.out = SocketStreams.out(socket);
    }

    /**
     * Connects to the first free port.
     *
     * @throws IOException when every port is busy or none answers
     */
    static AgentChannel open(List<Path> sockets) throws IOException {
        IOException last = null;
        for (Path sock : sockets) {
            FileChannel lf = FileChannel.open(sock.resolveSibling(sock.getFileName() + ".lock"),
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = lf.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                lf.close();
                continue;
            }
            SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX);
            try {
                ch.connect(UnixDomainSocketAddress.of(sock));
                return new AgentChannel(ch, lf, lock);
            } catch (IOException e) {
                ch.close();
                lock.release();
                lf.close();
                last = e;
            }
        }
        throw last != null ? last : new IOException("all " + sockets.size() + " exec channels are busy");
    }

    /**
     * Waits for the agent to answer a ping.
     *
     * @throws IOException when it does not answer within {@code timeout} (the channel is then closed)
     */
    void ping(Duration timeout) throws IOException {
        int id = IDS.getAndIncrement();
        AtomicBoolean answered = new AtomicBoolean();
        Thread watchdog = watchdog(timeout, answered);
        try {
            send(new Frame(FrameType.PING, id, new byte[0]));
            while (true) {
                Frame f = Frame.readFrom(in);
                if (f.type() == FrameType.PONG && f.id() == id) {
                    answered.set(true);
                    return;
                }
            }
        } catch (IOException e) {
            throw answered.get() ? e : new IOException("the guest agent did not answer within " + timeout.toMillis() + " ms", e);
        } finally {
            answered.set(true);
            watchdog.interrupt();
        }
    }

    /**
     * Sends an EXEC frame; the command's frames then carry the returned id.
     *
     * @return the id of the new command on this channel
     */
    int startExec(ExecRequest req, Map<String, String> env, String cwd) throws IOException {
        int id = IDS.getAndIncrement();
        send(new Frame(FrameType.EXEC, id, Frame.execPayload(req.tty(), cwd, env, req.argv())));
        return id;
    }

    /** Reads the next frame from the guest; blocks. Only one thread may read. */
    Frame read() throws IOException {
        return Frame.readFrom(in);
    }

    /** Asks the guest to sync and power off. */
    void powerOff() throws IOException {
        send(new Frame(FrameType.POWEROFF, 0, new byte[0]));
    }

    /** Writes one frame; safe to call from several threads. */
    void send(Frame f) throws IOException {
        synchronized (writeLock) {
            f.writeTo(out);
        }
    }

    private Thread watchdog(Duration timeout, AtomicBoolean done) {
        Thread t = new Thread(() -> {
            try {
                Thread.sleep(timeout.toMillis());
                if (!done.get()) {
                    socket.close();
                }
            } catch (InterruptedException | IOException e) {
                // finished in time, or closing failed: nothing to do
            }
        }, "agent-ping-watchdog");
        t.setDaemon(true);
        t.start();
        return t;
    }

    @Override
    public void close() throws IOException {
        try {
            socket.close();
        } finally {
            lock.release();
            lockFile.close();
        }
    }
}
