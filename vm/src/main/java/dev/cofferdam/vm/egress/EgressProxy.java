package dev.cofferdam.vm.egress;

import dev.cofferdam.vm.policy.PolicySource;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpResponseEncoder;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The host-side egress proxy (Netty): one {@link ProxyListener} per sandbox on 127.0.0.1, each an
 * HTTP forward proxy (absolute-form only) and CONNECT endpoint that decides every request against
 * the sandbox's policy, logs every decision, and dials only checked addresses. Shares its event
 * loops (NIO, or native epoll on request) and blocking pool between listeners. Thread-safe;
 * close it to stop everything.
 *
 * <pre>{@code
 * try (EgressProxy proxy = new EgressProxy(ProxySettings.defaults(Resolver.system()));
 *      ProxyListener l = proxy.start("box", policySource, egressLog)) {
 *     // point the guest's relay at 127.0.0.1:l.port()
 * }
 * }</pre>
 */
public final class EgressProxy implements AutoCloseable {
    private final ProxySettings settings;
    private final HostServices services = new HostServices();
    private final EventLoopGroup boss = Transport.group(1, new DefaultThreadFactory("cofferdam-egress-accept"));
    private final EventLoopGroup workers = Transport.group(0, new DefaultThreadFactory("cofferdam-egress"));
    private final ExecutorService blocking = new ThreadPoolExecutor(8, 8, 30, TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(), new DefaultThreadFactory("cofferdam-egress-blocking", true));

    public EgressProxy(ProxySettings settings) {
        this.settings = settings;
        ((ThreadPoolExecutor) blocking).allowCoreThreadTimeOut(true);
    }

    /**
     * Starts a listener for one sandbox on 127.0.0.1 and an ephemeral port.
     *
     * @param sandbox the sandbox name (recorded in every log record)
     * @param policy  consulted on every request
     * @param log     where every decision is written first; if it cannot be written, requests are denied
     * @return the listener
     * @throws EgressProxyException when the port cannot be bound
     */
    public ProxyListener start(String sandbox, PolicySource policy, EgressLog log) throws EgressProxyException {
        return start(sandbox, policy, log, 0);
    }

    /**
     * As {@link #start(String, PolicySource, EgressLog)} on a given port (0 for ephemeral).
     *
     * @throws EgressProxyException when the port cannot be bound
     */
    public ProxyListener start(String sandbox, PolicySource policy, EgressLog log, int port)
            throws EgressProxyException {
        ProxyContext pc = new ProxyContext(sandbox, policy, log, settings, blocking, services);
        ChannelGroup connections = new DefaultChannelGroup("egress-" + sandbox, GlobalEventExecutor.INSTANCE);
        ServerBootstrap b = new ServerBootstrap().group(boss, workers).channel(Transport.server())
                .option(ChannelOption.SO_BACKLOG, 4096)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK, Tuning.WATER_MARK)
                .childOption(ChannelOption.RCVBUF_ALLOCATOR, Tuning.RECV)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        connections.add(ch);
                        HeadGuard guard = new HeadGuard();
                        ch.pipeline().addLast("raw", new RawReadHook(guard))
                                .addLast("decoder", new StrictRequestDecoder(settings.maxHeaderBytes()))
                                .addLast("guard", guard)
                                .addLast("encoder", new HttpResponseEncoder())
                                .addLast("aggregator", new BodyLimitAggregator(settings.maxBodyBytes()))
                                .addLast("client", new ClientHandler(pc, guard));
                    }
                });
        try {
            Channel server = b.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port)).sync().channel();
            return new ProxyListener(sandbox, server, connections);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EgressProxyException("interrupted while starting the proxy for " + sandbox, e);
        } catch (Exception e) {
            throw new EgressProxyException("cannot listen on 127.0.0.1:" + port + " for " + sandbox + ": "
                    + e.getMessage(), e);
        }
    }

    /** @return the host services routed by every listener (registered per sandbox) */
    public HostServices services() {
        return services;
    }

    /** @return the settings */
    public ProxySettings settings() {
        return settings;
    }

    @Override
    public void close() {
        boss.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
        workers.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
        blocking.shutdown();
    }
}
