package dev.cofferdam.vm.egress;

import java.io.Writer;
import java.util.List;
import java.util.function.Consumer;

/**
 * The egress log: one record per proxy decision, persisted, with live listeners. Implementations
 * are thread-safe; listeners are called on the thread that wrote the record, after it is stored,
 * and must not block.
 */
public interface EgressLog extends AutoCloseable {

    /**
     * Stores a decision. The proxy calls this before it lets any byte through; when it throws, the
     * proxy denies (fail closed).
     *
     * @return the stored record with its id
     * @throws EgressLogException when the record cannot be stored
     */
    EgressRecord append(EgressRecord record) throws EgressLogException;

    /**
     * Completes a stored record with the outcome of its exchange.
     *
     * @throws EgressLogException when the update cannot be stored
     */
    EgressRecord complete(EgressRecord record, EgressCompletion completion) throws EgressLogException;

    /**
     * @param listener called with every appended record and again with every completed one
     * @return closing it unsubscribes
     */
    AutoCloseable subscribe(Consumer<EgressRecord> listener);

    /** @return the matching records, oldest first */
    List<EgressRecord> query(EgressQuery query) throws EgressLogException;

    /** @return one summary per host, most recently seen first */
    List<HostSummary> hosts(String sandbox) throws EgressLogException;

    /** Writes the matching records as JSON lines (the fields of {@link EgressRecord}). */
    void exportJsonl(EgressQuery query, Writer out) throws EgressLogException;

    /** Writes the matching records as CSV with a header row. */
    void exportCsv(EgressQuery query, Writer out) throws EgressLogException;

    @Override
    void close();
}
