package dev.cofferdam.app.ui.trace;

import dev.cofferdam.engine.trace.SessionRef;
import dev.cofferdam.engine.trace.TraceException;
import dev.cofferdam.engine.trace.TraceSession;
import dev.cofferdam.engine.trace.report.HostContact;
import java.nio.file.Path;
import java.util.List;

/** What the Trace view needs from the engine and vm. Implementations are called off the FX thread. */
public interface TraceSource {
    /** @return the sessions on disk (agents' folders and received sessions), newest first */
    List<SessionRef> sessions();

    /**
     * @return the parsed session
     * @throws TraceException when the file is not a readable transcript
     */
    TraceSession open(Path transcript) throws TraceException;

    /**
     * @param sandbox the sandbox the agent ran in
     * @return hosts it contacted during the session, or null when there is no egress log for it
     */
    List<HostContact> hosts(TraceSession session, String sandbox);
}
