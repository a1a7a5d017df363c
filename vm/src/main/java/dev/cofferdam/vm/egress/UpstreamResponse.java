package dev.cofferdam.vm.egress;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.util.ReferenceCountUtil;

/**
 * Streams one upstream response back to the client and completes the egress record. Responses
 * without framing (read until close) make the client connection close afterwards.
 * Event-loop confined (the upstream channel shares the client's loop).
 */
final class UpstreamResponse extends ChannelInboundHandlerAdapter {
    private final ExchangeOwner owner;
    private final Gate gate;
    private final ChannelHandlerContext client;
    private final EgressRecord record;
    private final ByteCounter counter;
    private final long started;
    private final HttpMethod method;
    private boolean closeClient;
    private boolean informational;
    private boolean responded;
    private boolean finished;
    private int status;
    private final String poolKey;
    private boolean reusable;

    UpstreamResponse(ExchangeOwner owner, Gate gate, ChannelHandlerContext client, EgressRecord record,
            ByteCounter counter, long started, HttpMethod method, boolean clientClose) {
        this(owner, gate, client, record, counter, started, method, clientClose, null);
    }

    /** @param poolKey the reuse key when the upstream connection may be kept after the response, else null */
    UpstreamResponse(ExchangeOwner owner, Gate gate, ChannelHandlerContext client, EgressRecord record,
            ByteCounter counter, long started, HttpMethod method, boolean clientClose, String poolKey) {
        this.poolKey = poolKey;
        this.owner = owner;
        this.gate = gate;
        this.client = client;
        this.record = record;
        this.counter = counter;
        this.started = started;
        this.method = method;
        this.closeClient = clientClose;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (finished) {
            ReferenceCountUtil.release(msg);
            return;
        }
        if (msg instanceof HttpResponse) {
            HttpResponse r = (HttpResponse) msg;
            informational = r.status().code() < 200;
            if (!informational) {
                head(r);
            }
        }
        if (informational) {
            if (msg instanceof LastHttpContent) {
                informational = false;
            }
            ReferenceCountUtil.release(msg);
            return;
        }
        client.write(msg);
        if (msg instanceof LastHttpContent) {
            finish(ctx);
        } else if (msg instanceof HttpContent) {
            client.flush();
        }
    }

    private void head(HttpResponse r) {
        responded = true;
        status = r.status().code();
        boolean upstreamKeepAlive = HttpUtil.isKeepAlive(r);
        for (String token : r.headers().getAll(HttpHeaderNames.CONNECTION)) {
            for (String name : token.split(",")) {
                r.headers().remove(name.strip());
            }
        }
        boolean chunked = HttpUtil.isTransferEncodingChunked(r);
        HttpExchange.hopByHop().forEach(r.headers()::remove);
        if (chunked) {
            r.headers().set(HttpHeaderNames.TRANSFER_ENCODING, HttpHeaderValues.CHUNKED);
        }
        boolean framed = chunked || HttpUtil.isContentLengthSet(r) || HttpMethod.HEAD.equals(method)
                || status == 204 || status == 304;
        closeClient |= !framed;
        reusable = poolKey != null && upstreamKeepAlive && framed;
        if (closeClient) {
            r.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        }
    }

    private void finish(ChannelHandlerContext ctx) {
        finished = true;
        client.flush();
        if (reusable && ctx.channel().isActive()) {
            ctx.pipeline().remove(this);
            owner.park(ctx.channel(), poolKey);
        } else {
            ctx.close();
        }
        gate.complete(record, EgressCompletion.of(status, counter.up(), counter.down(),
                HttpExchange.millisSince(started)));
        if (closeClient) {
            owner.closeAfterFlush();
        } else {
            owner.done();
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (!finished) {
            finished = true;
            String why = responded ? "upstream closed before the response ended"
                    : "upstream closed the connection without a response";
            gate.complete(record, new EgressCompletion(responded ? status : 502, counter.up(), counter.down(),
                    HttpExchange.millisSince(started), record.reason() + "; " + why, false, null, null));
            if (responded) {
                owner.closeAfterFlush();
            } else {
                owner.respond(Responses.text(502, why, true), true);
            }
        }
        ctx.fireChannelInactive();
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
        if (evt instanceof IdleStateEvent) {
            ctx.close();
        }
        ReferenceCountUtil.release(evt);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        ctx.close();
    }
}
