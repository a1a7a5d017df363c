package dev.cofferdam.vm.egress;

import dev.cofferdam.vm.policy.CanonicalHost;
import dev.cofferdam.vm.policy.Decision;
import dev.cofferdam.vm.policy.HostCanonicalizer;
import dev.cofferdam.vm.policy.HostSyntaxException;
import dev.cofferdam.vm.secret.SecretException;
import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.HttpResponseEncoder;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.resolver.NoopAddressResolverGroup;
import io.netty.util.ReferenceCountUtil;
import java.net.InetSocketAddress;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Holds the first bytes of a CONNECT tunnel until the TLS ClientHello is complete, requires its
 * server name to equal the CONNECT host (no server name, or non-TLS bytes, are rejected unless
 * {@link ProxySettings#allowNonTls()}), logs the decision, then dials the checked address and
 * starts relaying. Event-loop confined apart from the log write.
 */
final class TunnelPeek extends ChannelInboundHandlerAdapter {
    private static final byte[] ALERT_UNRECOGNIZED_NAME = {0x15, 0x03, 0x03, 0x00, 0x02, 0x02, 0x70};
    private static final byte[] ALERT_HANDSHAKE_FAILURE = {0x15, 0x03, 0x03, 0x00, 0x02, 0x02, 0x28};

    private final ProxyContext pc;
    private final Gate gate;
    private final RequestTarget target;
    private final Gate.Outcome byAddress;
    private final String client;
    private final long started = System.nanoTime();
    private ByteBuf buffer = Unpooled.buffer();
    private ScheduledFuture<?> deadline;
    private boolean decided;

    TunnelPeek(ProxyContext pc, Gate gate, RequestTarget target, Gate.Outcome byAddress, String client) {
        this.pc = pc;
        this.gate = gate;
        this.target = target;
        this.byAddress = byAddress;
        this.client = client;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        long ms = pc.settings().requestTimeout().toMillis();
        deadline = ctx.executor().schedule(() -> {
            if (!decided) {
                reject(ctx, Decision.deny("tls-server-name", "no TLS ClientHello within " + ms + " ms"), null, null);
            }
        }, ms, TimeUnit.MILLISECONDS);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof ByteBuf) || decided) {
            ReferenceCountUtil.release(msg);
            return;
        }
        ByteBuf in = (ByteBuf) msg;
        buffer.writeBytes(in);
        in.release();
        ClientHello.Peek peek = ClientHello.peek(buffer);
        if (peek.kind() == ClientHello.Kind.NEED_MORE && buffer.readableBytes() < ClientHello.MAX_BYTES) {
            return;
        }
        decided = true;
        deadline.cancel(false);
        ctx.channel().config().setAutoRead(false);
        judge(ctx, peek);
    }

    private void judge(ChannelHandlerContext ctx, ClientHello.Peek peek) {
        String host = target.host().text();
        switch (peek.kind()) {
            case SERVER_NAME: {
                CanonicalHost sni;
                try {
                    sni = HostCanonicalizer.fromWire(peek.serverName());
                } catch (HostSyntaxException e) {
                    reject(ctx, Decision.deny("tls-server-name", "invalid TLS server name: " + e.getMessage()),
                            "", ALERT_UNRECOGNIZED_NAME);
                    return;
                }
                if (!sni.text().equals(host)) {
                    reject(ctx, Decision.deny("tls-server-name", "TLS server name '" + sni.text()
                            + "' differs from the CONNECT host '" + host + "'"), sni.text(), ALERT_UNRECOGNIZED_NAME);
                    return;
                }
                accept(ctx, byAddress.decision(), sni.text());
                return;
            }
            case NO_SERVER_NAME:
                reject(ctx, Decision.deny("tls-server-name", "TLS ClientHello without a server name"), "",
                        ALERT_HANDSHAKE_FAILURE);
                return;
            default:
                if (pc.settings().allowNonTls()) {
                    Decision d = byAddress.decision();
                    accept(ctx, Decision.allow(d.rule(), d.reason() + "; non-TLS bytes allowed by the allowNonTls "
                            + "setting"), "");
                } else {
                    reject(ctx, Decision.deny("tls-server-name", "non-TLS bytes in a CONNECT tunnel"), "", null);
                }
        }
    }

    private void reject(ChannelHandlerContext ctx, Decision d, String sni, byte[] alert) {
        decided = true;
        release();
        pc.blocking().execute(() -> {
            gate.log(new Gate.Outcome(d, null, 0, d.reason(), null),
                    gate.draft(client, "CONNECT", target.host().text(), target.port(), "", sni, d, 0));
            ctx.executor().execute(() -> {
                if (alert != null && ctx.channel().isActive()) {
                    ctx.writeAndFlush(Unpooled.wrappedBuffer(alert)).addListener(ChannelFutureListener.CLOSE);
                } else {
                    ctx.close();
                }
            });
        });
    }

    private void accept(ChannelHandlerContext ctx, Decision d, String sni) {
        pc.blocking().execute(() -> {
            Gate.Outcome logged = gate.log(new Gate.Outcome(d, byAddress.address(), 0, "", null),
                    gate.draft(client, "CONNECT", target.host().text(), target.port(), "", sni, d, 200));
            ctx.executor().execute(() -> {
                Interception icp = pc.settings().interception();
                if (logged.record() == null) {
                    release();
                    ctx.close();
                } else if (icp != null && !sni.isEmpty()
                        && !icp.credentials().forHost(target.host().text()).isEmpty()) {
                    intercept(ctx, logged.record(), icp);
                } else {
                    dial(ctx, logged.record());
                }
            });
        });
    }

    private void intercept(ChannelHandlerContext ctx, EgressRecord record, Interception icp) {
        SslContext server;
        try {
            server = icp.serverFor(target.host().text());
        } catch (SecretException e) {
            release();
            gate.complete(record, new EgressCompletion(0, 0, 0, 0, "cannot intercept: " + e.getMessage(), true, null,
                    null));
            ctx.close();
            return;
        }
        HeadGuard guard = new HeadGuard();
        ChannelPipeline p = ctx.pipeline();
        p.addLast("tls", server.newHandler(ctx.alloc()))
                .addLast("raw", new RawReadHook(guard))
                .addLast("decoder", new StrictRequestDecoder(pc.settings().maxHeaderBytes()))
                .addLast("guard", guard)
                .addLast("encoder", new HttpResponseEncoder())
                .addLast("aggregator", new BodyLimitAggregator(pc.settings().maxBodyBytes()))
                .addLast("client", new ClientHandler(pc, guard, new InterceptScope(target, byAddress.address())));
        p.remove(this);
        ctx.channel().closeFuture().addListener(f -> gate.complete(record, new EgressCompletion(200, 0, 0,
                HttpExchange.millisSince(started), record.reason() + "; intercepted for credential injection", false,
                null, null)));
        ByteBuf first = buffer;
        buffer = null;
        p.fireChannelRead(first);
        p.fireChannelReadComplete();
        ctx.channel().config().setAutoRead(true);
    }

    private void dial(ChannelHandlerContext ctx, EgressRecord record) {
        if (!ctx.channel().isActive()) {
            release();
            gate.complete(record, new EgressCompletion(200, 0, 0, HttpExchange.millisSince(started),
                    record.reason() + "; client left before the tunnel opened", false, null, null));
            return;
        }
        ByteCounter counter = new ByteCounter();
        Channel clientCh = ctx.channel();
        long idle = pc.settings().idleTimeout().toMillis();
        Relay.Activity activity = new Relay.Activity(TimeUnit.MILLISECONDS.toNanos(idle));
        Runnable onClose = new Runnable() {
            private boolean done;

            @Override
            public void run() {
                if (!done) {
                    done = true;
                    gate.complete(record, EgressCompletion.of(200, counter.up(), counter.down(),
                            HttpExchange.millisSince(started)));
                }
            }
        };
        Bootstrap b = new Bootstrap().group(clientCh.eventLoop()).channel(Transport.socket())
                .resolver(NoopAddressResolverGroup.INSTANCE)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.WRITE_BUFFER_WATER_MARK, Tuning.WATER_MARK)
                .option(ChannelOption.RCVBUF_ALLOCATOR, Tuning.RECV).option(ChannelOption.AUTO_READ, false)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) pc.settings().connectTimeout().toMillis())
                .handler(new ChannelInitializer<Channel>() {
                    @Override
                    protected void initChannel(Channel ch) {
                        ch.pipeline().addLast(counter, new IdleStateHandler(idle, 0, 0, TimeUnit.MILLISECONDS),
                                new Relay(clientCh, onClose, activity));
                    }
                });
        b.connect(new InetSocketAddress(byAddress.address(), target.port())).addListener((ChannelFuture f) -> {
            if (!f.isSuccess()) {
                release();
                gate.complete(record, new EgressCompletion(502, 0, 0, HttpExchange.millisSince(started),
                        record.reason() + "; upstream unreachable (" + f.cause().getClass().getSimpleName() + ")",
                        false, null, null));
                clientCh.close();
                return;
            }
            Channel up = f.channel();
            ctx.pipeline().addLast(new IdleStateHandler(idle, 0, 0, TimeUnit.MILLISECONDS), new Relay(up, onClose, activity));
            ctx.pipeline().remove(this);
            ByteBuf first = buffer;
            buffer = null;
            up.writeAndFlush(first);
            up.config().setAutoRead(true);
            clientCh.config().setAutoRead(true);
        });
    }

    private void release() {
        if (buffer != null) {
            buffer.release();
            buffer = null;
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (!decided) {
            decided = true;
            if (deadline != null) {
                deadline.cancel(false);
            }
            release();
            Decision d = Decision.deny("tls-server-name", "client closed the tunnel before a TLS ClientHello");
            pc.blocking().execute(() -> gate.log(new Gate.Outcome(d, null, 0, d.reason(), null),
                    gate.draft(client, "CONNECT", target.host().text(), target.port(), "", "", d, 0)));
        }
        ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        ctx.close();
    }
}
