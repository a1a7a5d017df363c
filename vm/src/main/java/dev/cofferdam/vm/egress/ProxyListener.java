package dev.cofferdam.vm.egress;

import io.netty.channel.Channel;
import io.netty.channel.group.ChannelGroup;
import java.net.InetSocketAddress;

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

    @Override
    public void close() {
        server.close().syncUninterruptibly();
        connections.close().awaitUninterruptibly();
    }
}
