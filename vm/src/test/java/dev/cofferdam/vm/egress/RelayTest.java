package dev.cofferdam.vm.egress;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.embedded.EmbeddedChannel;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The tunnel relay's back-pressure, on in-memory channels whose flush drains at once. */
class RelayTest {
    private final Relay.Activity activity = new Relay.Activity(TimeUnit.MINUTES.toNanos(1));
    private final EmbeddedChannel upstream = new EmbeddedChannel();
    private final EmbeddedChannel client = new EmbeddedChannel();

    @BeforeEach
    void relayBothWays() {
        client.config().setWriteBufferWaterMark(new WriteBufferWaterMark(1024, 4096));
        upstream.pipeline().addLast(new Relay(client, () -> { }, activity));
        client.pipeline().addLast(new Relay(upstream, () -> { }, activity));
    }

    @AfterEach
    void release() {
        client.finishAndReleaseAll();
        upstream.finishAndReleaseAll();
    }

    @Test
    void aReadLargerThanThePeersHighWaterMarkDoesNotStopReadingForGoodWhenThePeerDrainsAtOnce() {
        upstream.writeInbound(Unpooled.wrappedBuffer(new byte[64 * 1024]));

        // the peer went over its high-water mark and drained within the same flush
        assertThat(client.isWritable()).isTrue();
        assertThat(upstream.config().isAutoRead()).as("the upstream side reads again").isTrue();
        ByteBuf out = client.readOutbound();
        assertThat(out.readableBytes()).isEqualTo(64 * 1024);
        out.release();
    }

    @Test
    void readsBelowTheHighWaterMarkKeepReadingOn() {
        upstream.writeInbound(Unpooled.wrappedBuffer(new byte[100]), Unpooled.wrappedBuffer(new byte[200]));

        assertThat(upstream.config().isAutoRead()).isTrue();
        long relayed = 0;
        for (ByteBuf b; (b = client.readOutbound()) != null; b.release()) {
            relayed += b.readableBytes();
        }
        assertThat(relayed).isEqualTo(300);
    }
}
