package dev.cofferdam.vm.egress;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.DecoderResult;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpRequest;
import java.util.List;

/**
 * Marks request heads with ambiguous framing as failed before the aggregator rewrites them:
 * any {@code Transfer-Encoding} other than exactly one {@code chunked}, or one next to a
 * {@code Content-Length}. Also notes that a complete head arrived (for the slow-client deadline).
 */
final class HeadGuard extends ChannelInboundHandlerAdapter {
    private boolean partial;

    /** @return whether bytes of an unfinished request head have been received */
    boolean partial() {
        return partial;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof HttpRequest) {
            HttpRequest req = (HttpRequest) msg;
            partial = false;
            List<String> te = req.headers().getAll(HttpHeaderNames.TRANSFER_ENCODING);
            if (req.decoderResult().isSuccess() && !te.isEmpty()) {
                if (te.size() > 1 || !te.get(0).strip().equalsIgnoreCase("chunked")) {
                    req.setDecoderResult(DecoderResult.failure(
                            new SmugglingException("unsupported Transfer-Encoding '" + String.join(", ", te) + "'")));
                } else if (req.headers().contains(HttpHeaderNames.CONTENT_LENGTH)) {
                    req.setDecoderResult(DecoderResult.failure(
                            new SmugglingException("both Content-Length and Transfer-Encoding")));
                }
            }
        }
        ctx.fireChannelRead(msg);
    }

    /** Called by the raw-byte hook at the head of the pipeline. */
    void bytesSeen() {
        partial = true;
    }
}
