package dev.cofferdam.vm.egress;

import dev.cofferdam.vm.policy.CanonicalHost;
import dev.cofferdam.vm.policy.Decision;
import dev.cofferdam.vm.policy.HostCanonicalizer;
import dev.cofferdam.vm.policy.HostSyntaxException;
import dev.cofferdam.vm.secret.BoundSecret;
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
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.resolver.NoopAddressResolverGroup;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;

/**
 * One request inside an intercepted TLS tunnel to a credential host: the Host header must name
 * the CONNECT host and port (else 421, domain fronting), the policy is consulted again, the
 * placeholders of credentials bound to this host (and only those) are replaced in header values,
 * and the request goes over verified TLS to the address checked for the tunnel. Event-loop
 * confined apart from the log write.
 */
final class InterceptedExchange {
    private final ClientHandler owner;
    private final ProxyContext pc;
    private final Gate gate;
    private final ChannelHandlerContext ctx;
    private final InterceptScope scope;

    InterceptedExchange(ClientHandler owner, ProxyContext pc, Gate gate, ChannelHandlerContext ctx,
            InterceptScope scope) {
        this.owner = owner;
        this.pc = pc;
        this.gate = gate;
        this.ctx = ctx;
        this.scope = scope;
    }

    void start(FullHttpRequest req) {
        String method = req.method().name();
        RequestTarget tunnel = scope.target();
        String host = tunnel.host().text();
        if (!req.uri().startsWith("/")) {
            owner.reject(method, 400, "requests inside an intercepted tunnel must be origin-form", true);
            return;
        }
        RequestTarget t = new RequestTarget(tunnel.host(), tunnel.port(), req.uri());
        String hostHeader = req.headers().get(HttpHeaderNames.HOST, "");
        String client = owner.client();
        if (!sameAuthority(hostHeader, tunnel)) {
            Decision d = Decision.deny("domain-fronting", "Host '" + hostHeader + "' differs from the CONNECT host '"
                    + host + ":" + tunnel.port() + "'");
            answer(d, 421, t, client, method, "", true);
            return;
        }
        Decision d = pc.policies().policyFor(pc.sandbox()).decide(tunnel.host(), tunnel.port());
        if (!d.allowed()) {
            answer(d, 403, t, client, method, "", !HttpUtil.isKeepAlive(req));
            return;
        }
        List<String> used = new ArrayList<>();
        FullHttpRequest up = upstreamRequest(req, hostHeader, pc.settings().interception().credentials()
                .forHost(host), used);
        boolean clientClose = !HttpUtil.isKeepAlive(req);
        String names = String.join(",", used);
        Decision logged = Decision.allow(d.rule(), d.reason() + "; intercepted (credential host)");
        pc.blocking().execute(() -> {
            Gate.Outcome o = gate.log(new Gate.Outcome(logged, scope.address(), 0, "", null),
                    gate.draft(client, method, host, tunnel.port(), t.redactedPath(), host, logged, 0)
                            .withCredential(names));
            ctx.executor().execute(() -> proceed(o, up, clientClose));
        });
    }

    private void answer(Decision d, int status, RequestTarget t, String client, String method, String names,
            boolean close) {
        pc.blocking().execute(() -> {
            Gate.Outcome o = gate.log(new Gate.Outcome(d, null, status, d.reason(), null),
                    gate.draft(client, method, t.host().text(), t.port(), t.redactedPath(), t.host().text(), d,
                            status).withCredential(names));
            ctx.executor().execute(() -> owner.respond(Responses.text(o.status(), o.message(), close), close));
        });
    }

    private void proceed(Gate.Outcome o, FullHttpRequest up, boolean clientClose) {
        if (o.record() == null || !ctx.channel().isActive()) {
            up.release();
            owner.respond(Responses.text(o.status() == 0 ? 502 : o.status(), o.message(), true), true);
            return;
        }
        RequestTarget tunnel = scope.target();
        long started = System.nanoTime();
        ByteCounter counter = new ByteCounter();
        UpstreamResponse relay = new UpstreamResponse(owner, gate, ctx, o.record(), counter, started, up.method(),
                clientClose);
        Bootstrap b = new Bootstrap().group(ctx.channel().eventLoop()).channel(Transport.socket())
                .resolver(NoopAddressResolverGroup.INSTANCE)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.WRITE_BUFFER_WATER_MARK, Tuning.WATER_MARK)
                .option(ChannelOption.RCVBUF_ALLOCATOR, Tuning.RECV)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) pc.settings().connectTimeout().toMillis())
                .handler(new ChannelInitializer<Channel>() {
                    @Override
                    protected void initChannel(Channel ch) {
                        SslHandler tls = pc.settings().interception().client().newHandler(ch.alloc(),
                                tunnel.host().text(), tunnel.port());
                        SSLEngine engine = tls.engine();
                        SSLParameters params = engine.getSSLParameters();
                        params.setEndpointIdentificationAlgorithm("HTTPS");
                        engine.setSSLParameters(params);
                        ch.pipeline().addLast(counter, tls,
                                idle(),
                                new HttpClientCodec(), relay);
                    }
                });
        b.connect(new InetSocketAddress(scope.address(), tunnel.port())).addListener((ChannelFuture f) -> {
            if (!f.isSuccess()) {
                up.release();
                String why = "upstream unreachable: " + tunnel.host() + ":" + tunnel.port();
                gate.complete(o.record(), new EgressCompletion(502, 0, 0, HttpExchange.millisSince(started), why,
                        false, null, null));
                owner.respond(Responses.text(502, why, clientClose), clientClose);
                return;
            }
            owner.upstream(f.channel());
            f.channel().writeAndFlush(up);
        });
    }

    private static boolean sameAuthority(String hostHeader, RequestTarget tunnel) {
        String h = hostHeader.strip();
        int port = tunnel.port();
        int colon = h.lastIndexOf(':');
        if (colon > 0 && colon > h.lastIndexOf(']')) {
            String p = h.substring(colon + 1);
            if (p.isEmpty() || p.length() > 5 || !p.chars().allMatch(Character::isDigit)) {
                return false;
            }
            if (Integer.parseInt(p) != port) {
                return false;
            }
            h = h.substring(0, colon);
        } else if (port != 443) {
            return false;
        }
        try {
            CanonicalHost c = HostCanonicalizer.fromWire(h);
            return c.text().equals(tunnel.host().text());
        } catch (HostSyntaxException e) {
            return false;
        }
    }

    private static FullHttpRequest upstreamRequest(FullHttpRequest req, String hostHeader, List<BoundSecret> secrets,
            List<String> used) {
        FullHttpRequest up = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, req.method(), req.uri(),
                req.content().retainedDuplicate());
        HttpHeaders h = up.headers();
        for (Map.Entry<String, String> e : req.headers()) {
            String value = e.getValue();
            for (BoundSecret s : secrets) {
                if (value.contains(s.placeholder())) {
                    value = value.replace(s.placeholder(), s.value());
                    if (!used.contains(s.name())) {
                        used.add(s.name());
                    }
                }
            }
            h.add(e.getKey(), value);
        }
        for (String token : req.headers().getAll(HttpHeaderNames.CONNECTION)) {
            for (String name : token.split(",")) {
                h.remove(name.strip());
            }
        }
        HttpExchange.hopByHop().forEach(h::remove);
        h.set(HttpHeaderNames.HOST, hostHeader.strip());
        h.set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        if (up.content().readableBytes() > 0 || req.headers().contains(HttpHeaderNames.CONTENT_LENGTH)) {
            h.set(HttpHeaderNames.CONTENT_LENGTH, up.content().readableBytes());
        }
        return up;
    }

    private IdleStateHandler idle() {
        return new IdleStateHandler(0, 0, pc.settings().idleTimeout().toMillis(), TimeUnit.MILLISECONDS);
    }
}
