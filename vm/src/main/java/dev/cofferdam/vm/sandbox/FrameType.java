package dev.cofferdam.vm.sandbox;

/** Frame types of the exec channel; the numbers match the guest agent (agent.c). */
enum FrameType {
    PING(1), EXEC(2), STDIN(3), STDIN_EOF(4), RESIZE(5), SIGNAL(6), POWEROFF(7),
    PONG(16), STDOUT(17), STDERR(18), EXIT(19), ERROR(20);

    final int code;

    FrameType(int code) {
        this.code = code;
    }

    static FrameType of(int code) {
        for (FrameType t : values()) {
            if (t.code == code) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown frame type " + code);
    }
}
