package dev.cofferdam.vm.egress;

import dev.cofferdam.vm.policy.Decision;
import dev.cofferdam.vm.policy.Policy;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.resolver.NoopAddressResolverGroup;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;

/**
 * One plain-HTTP request through the proxy: decided on the absolute URI's host (the Host header is
 * replaced by it), resolved and checked, logged, then sent in origin-form over
 * an upstream connection to exactly the checked address; the response streams back. The upstream
 * connection is fresh, or the idle keep-alive one this client connection kept from its previous
 * request to the same host, port and checked address ({@link ParkedUpstream}).
 * When no lookup is needed (a denial by name, an IP literal, a resolver override) the decision and
 * its log write happen on the event loop, with no thread hop; a DNS lookup goes to the blocking pool.
 * Event-loop confined apart from that blocking step.
 */
final class HttpExchange {
    private static final List<CharSequence> HOP_BY_HOP = List.of(HttpHeaderNames.CONNECTION, HttpHeaderNames.KEEP_ALIVE,
            HttpHeaderNames.PROXY_CONNECTION, HttpHeaderNames.PROXY_AUTHORIZATION, HttpHeaderNames.PROXY_AUTHENTICATE,
            HttpHeaderNames.TE, HttpHeaderNames.TRAILER, HttpHeaderNames.TRANSFER_ENCODING, HttpHeaderNames.UPGRADE,
            HttpHeaderNames.EXPECT);

    private final ClientHandler owner;
    private final ProxyContext pc;
    private final Gate gate;
    private final ChannelHandlerContext ctx;

    HttpExchange(ClientHandler owner, ProxyContext pc, Gate gate, ChannelHandlerContext ctx) {
        this.owner = owner;
        this.pc = pc;
        this.gate = gate;
        this.ctx = ctx;
    }

    void start(FullHttpRequest req) {
        String method = req.method().name();
        String hostHeader = req.headers().get(HttpHeaderNames.HOST);
        RequestTarget t;
        try {
            t = target(req.uri(), hostHeader);
        } catch (BadRequestException e) {
            owner.reject(method, e.status(), e.getMessage(), true);
            return;
        }
        boolean clientClose = !HttpUtil.isKeepAlive(req);
        OptionalInt service = pc.services().port(pc.sandbox(), t.host().text());
        if (service.isPresent()) {
            RequestTarget routed = t.withPort(service.getAsInt());
            Decision d = Decision.allow("service:" + t.host().text(), "Cofferdam host service of this sandbox");
            decided(new Gate.Outcome(d, InetAddress.getLoopbackAddress(), 0, "", null), routed, method,
                    owner.client(), null, upstreamRequest(req, routed), clientClose, owner.parkedKey(), true);
            return;
        }
        Policy policy = pc.policies().policyFor(pc.sandbox());
        Decision byName = policy.decide(t.host(), t.port());
        FullHttpRequest up = upstreamRequest(req, t);
        String client = owner.client();
        String parkedKey = owner.parkedKey();
        Gate.Outcome known = gate.resolveKnown(policy, t, byName);
        if (known != null) {
            // No lookup needed: decided and logged right here, without a round trip to another thread.
            decided(known, t, method, client, hostHeader, up, clientClose, parkedKey, true);
            return;
        }
        pc.blocking().execute(() -> decided(gate.resolve(policy, t, byName), t, method, client, hostHeader, up,
                clientClose, parkedKey, false));
    }

    private void decided(Gate.Outcome o, RequestTarget t, String method, String client, String hostHeader,
            FullHttpRequest up, boolean clientClose, String parkedKey, boolean onLoop) {
        Decision d = o.decision();
        if (d.allowed() && hostHeader != null && !hostHeader.equalsIgnoreCase(t.hostHeader())) {
            d = new Decision(true, d.rule(), d.reason() + "; Host header replaced by the URI's host");
        }
        long started = System.nanoTime();
        String key = o.status() == 0 ? ParkedUpstream.key(t.host().text(), t.port(), o.address()) : null;
        // A new TCP connect to the checked address overlaps the log write, unless this client
        // connection holds an idle one for the same key; no request byte is sent before the
        // record is stored (see proceed).
        ChannelFuture connecting = key != null && !key.equals(parkedKey) ? connect(o, t) : null;
        Gate.Outcome logged = gate.log(new Gate.Outcome(d, o.address(), o.status(), o.message(), null),
                gate.draft(client, method, t.host().text(), t.port(), t.redactedPath(), "", d, o.status()));
        if (onLoop) {
            proceed(logged, t, up, clientClose, connecting, key, started);
        } else {
            ctx.executor().execute(() -> proceed(logged, t, up, clientClose, connecting, key, started));
        }
    }

    /** Absolute form, or origin form addressed to a host service of this sandbox by its Host header. */
    private RequestTarget target(String uri, String hostHeader) throws BadRequestException {
        if (uri.startsWith("/") && hostHeader != null) {
            try {
                RequestTarget t = RequestTarget.origin(hostHeader, uri);
                if (HostServices.isServiceName(t.host().text())
                        && pc.services().port(pc.sandbox(), t.host().text()).isPresent()) {
                    return t;
                }
            } catch (BadRequestException e) {
                // not a service request: answered below like any origin-form request
            }
        }
        return RequestTarget.absolute(uri);
    }

    private ChannelFuture connect(Gate.Outcome o, RequestTarget t) {
        return new Bootstrap().group(ctx.channel().eventLoop()).channel(Transport.socket())
                .resolver(NoopAddressResolverGroup.INSTANCE)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.WRITE_BUFFER_WATER_MARK, Tuning.WATER_MARK)
                .option(ChannelOption.RCVBUF_ALLOCATOR, Tuning.RECV)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) pc.settings().connectTimeout().toMillis())
                .handler(new ChannelInitializer<Channel>() {
                    @Override
                    protected void initChannel(Channel ch) {
                        ch.pipeline().addLast(new ByteCounter(), idle(), new HttpClientCodec());
                    }
                }).connect(new InetSocketAddress(o.address(), t.port()));
    }

    private void proceed(Gate.Outcome o, RequestTarget t, FullHttpRequest up, boolean clientClose,
            ChannelFuture connecting, String key, long started) {
        if (o.status() != 0 || o.record() == null || !ctx.channel().isActive()) {
            if (connecting != null) {
                connecting.channel().close();
            }
            up.release();
            int status = o.status() == 0 ? 502 : o.status();
            owner.respond(Responses.text(status, o.message(), clientClose || status == 503),
                    clientClose || status == 503);
            return;
        }
        if (connecting == null) {
            Channel reused = owner.takeParked(key);
            if (reused != null) {
                send(reused, o, up, clientClose, key, started);
                return;
            }
            connecting = connect(o, t);
        }
        connecting.addListener((ChannelFuture f) -> {
            if (!f.isSuccess() || !f.channel().isActive()) {
                f.channel().close();
                up.release();
                String why = "upstream unreachable: " + t.host().authorityForm() + ":" + t.port() + " ("
                        + (f.cause() == null ? "closed" : f.cause().getClass().getSimpleName()) + ")";
                gate.complete(o.record(), new EgressCompletion(502, 0, 0, millisSince(started), why, false, null,
                        null));
                owner.respond(Responses.text(502, why, clientClose), clientClose);
                return;
            }
            send(f.channel(), o, up, clientClose, key, started);
        });
    }

    private void send(Channel ch, Gate.Outcome o, FullHttpRequest up, boolean clientClose, String key,
            long started) {
        ch.pipeline().addLast(new UpstreamResponse(owner, gate, ctx, o.record(), ch.pipeline().get(ByteCounter.class),
                started, up.method(), clientClose, key));
        owner.upstream(ch);
        ch.writeAndFlush(up);
    }

    private static FullHttpRequest upstreamRequest(FullHttpRequest req, RequestTarget t) {
        FullHttpRequest up = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, req.method(), t.path(),
                req.content().retainedDuplicate());
        HttpHeaders h = up.headers();
        h.set(req.headers());
        for (String token : req.headers().getAll(HttpHeaderNames.CONNECTION)) {
            for (String name : token.split(",")) {
                h.remove(name.strip());
            }
        }
        HOP_BY_HOP.forEach(h::remove);
        h.set(HttpHeaderNames.HOST, t.hostHeader());
        h.set(HttpHeaderNames.CONTENT_LENGTH, up.content().readableBytes());
        if (up.content().readableBytes() == 0 && !req.headers().contains(HttpHeaderNames.CONTENT_LENGTH)) {
            h.remove(HttpHeaderNames.CONTENT_LENGTH);
        }
        return up;
    }

    static long millisSince(long nanos) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - nanos);
    }

    static List<CharSequence> hopByHop() {
        return HOP_BY_HOP;
    }

    private IdleStateHandler idle() {
        return new IdleStateHandler(0, 0, pc.settings().idleTimeout().toMillis(), TimeUnit.MILLISECONDS);
    }
}
