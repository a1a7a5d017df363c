package dev.cofferdam.vm.egress;

import dev.cofferdam.vm.policy.Decision;
import dev.cofferdam.vm.policy.Policy;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.FullHttpRequest;

/**
 * A CONNECT request: decided on the CONNECT host and port (never the Host header), resolved and
 * checked off the event loop, then answered 200 and handed to a {@link TunnelPeek} that requires
 * the TLS server name to equal the CONNECT host before anything is dialled. Denials get 403 and
 * close. Event-loop confined apart from the blocking step.
 */
final class ConnectTunnel {
    private final ClientHandler owner;
    private final ProxyContext pc;
    private final Gate gate;
    private final ChannelHandlerContext ctx;

    ConnectTunnel(ClientHandler owner, ProxyContext pc, Gate gate, ChannelHandlerContext ctx) {
        this.owner = owner;
        this.pc = pc;
        this.gate = gate;
        this.ctx = ctx;
    }

    void start(FullHttpRequest req) {
        RequestTarget t;
        try {
            t = RequestTarget.connect(req.uri());
        } catch (BadRequestException e) {
            owner.reject("CONNECT", e.status(), e.getMessage(), true);
            return;
        }
        Policy policy = pc.policies().policyFor(pc.sandbox());
        Decision byName = policy.decide(t.host(), t.port());
        String client = owner.client();
        pc.blocking().execute(() -> {
            Gate.Outcome o = gate.resolve(policy, t, byName);
            if (o.status() != 0) {
                Gate.Outcome logged = gate.log(o, gate.draft(client, "CONNECT", t.host().text(), t.port(), "", "",
                        o.decision(), o.status()));
                ctx.executor().execute(() -> owner.respond(Responses.text(logged.status(), logged.message(), true),
                        true));
                return;
            }
            ctx.executor().execute(() -> establish(t, o, client));
        });
    }

    private void establish(RequestTarget t, Gate.Outcome o, String client) {
        if (!ctx.channel().isActive()) {
            return;
        }
        ctx.writeAndFlush(Responses.connectEstablished()).addListener((ChannelFutureListener) f -> {
            if (!f.isSuccess()) {
                ctx.close();
                return;
            }
            ChannelPipeline p = ctx.pipeline();
            TunnelPeek peek = new TunnelPeek(pc, gate, t, o, client);
            p.addLast(peek);
            for (String name : new String[] {"raw", "guard", "encoder", "aggregator"}) {
                p.remove(name);
            }
            p.remove(owner);
            p.remove("decoder");
            ctx.channel().config().setAutoRead(true);
        });
    }
}
