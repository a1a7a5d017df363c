package dev.cofferdam.vm.egress;

import io.netty.channel.Channel;
import io.netty.channel.group.ChannelGroup;
import java.net.InetSocketAddress;
import java.util.concurrent.RejectedExecutionException;

/**
 * One sandbox's proxy listener on 127.0.0.1. Closing it stops accepting and closes every open
 * connection and tunnel of the sandbox. Thread-safe.
 */
public final class ProxyListener implements AutoCloseable {
    private final String sandbox;
    private final Channel server;
    private final ChannelGroup connections;

    ProxyListener(String sandbox, Channel server, ChannelGroup connections) {
        this.sandbox = sandbox;
        this.server = server;
        this.connections = connections;
    }

    /** @return the sandbox this listener serves */
    public String sandbox() {
        return sandbox;
    }

    /** @return the bound address (127.0.0.1 and the port) */
    public InetSocketAddress address() {
        return (InetSocketAddress) server.localAddress();
    }

    /** @return the bound port */
    public int port() {
        return address().getPort();
    }

    /** @return the number of open client connections */
    public int openConnections() {
        return connections.size();
    }

    /** Stops listening and closes the open connections; a no-op once the proxy itself is closed. */
    @Override
    public void close() {
        if (server.eventLoop().isShuttingDown()) {
            return; // EgressProxy.close ended the event loops, and with them every channel
        }
        try {
            server.close().syncUninterruptibly();
            connections.close().awaitUninterruptibly();
        } catch (RejectedExecutionException e) {
            // the proxy closed concurrently (JVM shutdown): its loops closed the channels
        }
    }
}
