package dev.cofferdam.engine.index;

import dev.cofferdam.engine.map.Edge;
import dev.cofferdam.engine.map.EdgeKind;
import dev.cofferdam.engine.map.ExternalRef;
import dev.cofferdam.engine.map.JavaType;
import dev.cofferdam.engine.map.Module;
import dev.cofferdam.engine.map.ModuleKind;
import dev.cofferdam.engine.map.RepoMap;
import dev.cofferdam.engine.map.SourceFile;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Binary form of a resolved {@link RepoMap} (without owners, which are recomputed), so that
 * reopening an unchanged repository decodes one blob instead of re-linking. Strings are written
 * once in a table and referred to by number. Stateless and thread-safe.
 */
public final class RepoMapCodec {
    private static final EdgeKind[] EDGE_KINDS = EdgeKind.values();
    private static final ModuleKind[] MODULE_KINDS = ModuleKind.values();

    private RepoMapCodec() {
    }

    public static byte[] encode(RepoMap map) throws IOException {
        Map<String, Integer> table = new HashMap<>();
        List<String> strings = new ArrayList<>();
        ByteArrayOutputStream body = new ByteArrayOutputStream(1 << 16);
        DataOutputStream out = new DataOutputStream(body);
        Strings s = value -> {
            Integer id = table.get(value);
            if (id == null) {
                id = strings.size();
                table.put(value, id);
                strings.add(value);
            }
            out.writeInt(id);
        };
        s.write(map.root());
        out.writeInt(map.modules().size());
        for (Module m : map.modules()) {
            s.write(m.id());
            s.write(m.name());
            out.writeByte(m.kind().ordinal());
            s.write(m.path());
            out.writeInt(m.files());
            out.writeInt(m.loc());
        }
        out.writeInt(map.files().size());
        for (SourceFile f : map.files()) {
            s.write(f.path());
            s.write(f.module());
            s.write(f.language());
            out.writeInt(f.loc());
            out.writeByte((f.test() ? 1 : 0) | (f.generated() ? 2 : 0));
            out.writeInt(f.parseErrors().size());
            for (String e : f.parseErrors()) {
                s.write(e);
            }
        }
        out.writeInt(map.types().size());
        for (JavaType t : map.types()) {
            s.write(t.name());
            s.write(t.file());
            s.write(t.kind());
        }
        writeEdges(map.edges(), out, s);
        writeEdges(map.typeEdges(), out, s);
        out.writeInt(map.external().size());
        for (ExternalRef e : map.external()) {
            s.write(e.from());
            s.write(e.name());
            out.writeByte(e.kind().ordinal());
            out.writeInt(e.weight());
        }
        out.writeInt(map.cycles().size());
        for (List<String> cycle : map.cycles()) {
            out.writeInt(cycle.size());
            for (String p : cycle) {
                s.write(p);
            }
        }
        out.flush();
        ByteArrayOutputStream all = new ByteArrayOutputStream(body.size() + strings.size() * 24);
        DataOutputStream header = new DataOutputStream(all);
        header.writeInt(strings.size());
        for (String str : strings) {
            header.writeUTF(str);
        }
        header.flush();
        body.writeTo(all);
        return all.toByteArray();
    }

    public static RepoMap decode(byte[] data) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(data));
        String[] t = new String[in.readInt()];
        for (int i = 0; i < t.length; i++) {
            t[i] = in.readUTF();
        }
        String root = t[in.readInt()];
        int n = in.readInt();
        List<Module> modules = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            modules.add(new Module(t[in.readInt()], t[in.readInt()], MODULE_KINDS[in.readByte()], t[in.readInt()],
                    in.readInt(), in.readInt(), List.of()));
        }
        n = in.readInt();
        List<SourceFile> files = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            String path = t[in.readInt()];
            String module = t[in.readInt()];
            String language = t[in.readInt()];
            int loc = in.readInt();
            int flags = in.readByte();
            int errors = in.readInt();
            List<String> parseErrors = new ArrayList<>(errors);
            for (int j = 0; j < errors; j++) {
                parseErrors.add(t[in.readInt()]);
            }
            files.add(new SourceFile(path, module, language, loc, (flags & 1) != 0, (flags & 2) != 0, List.of(),
                    parseErrors));
        }
        n = in.readInt();
        List<JavaType> types = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            types.add(new JavaType(t[in.readInt()], t[in.readInt()], t[in.readInt()]));
        }
        List<Edge> edges = readEdges(in, t);
        List<Edge> typeEdges = readEdges(in, t);
        n = in.readInt();
        List<ExternalRef> external = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            external.add(new ExternalRef(t[in.readInt()], t[in.readInt()], EDGE_KINDS[in.readByte()], in.readInt()));
        }
        n = in.readInt();
        List<List<String>> cycles = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int size = in.readInt();
            List<String> cycle = new ArrayList<>(size);
            for (int j = 0; j < size; j++) {
                cycle.add(t[in.readInt()]);
            }
            cycles.add(cycle);
        }
        return new RepoMap(root, modules, files, types, edges, typeEdges, external, cycles);
    }

    private static void writeEdges(List<Edge> edges, DataOutputStream out, Strings s) throws IOException {
        out.writeInt(edges.size());
        for (Edge e : edges) {
            s.write(e.from());
            s.write(e.to());
            out.writeByte(e.kind().ordinal());
            out.writeInt(e.weight());
        }
    }

    private static List<Edge> readEdges(DataInputStream in, String[] t) throws IOException {
        int n = in.readInt();
        List<Edge> edges = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            edges.add(new Edge(t[in.readInt()], t[in.readInt()], EDGE_KINDS[in.readByte()], in.readInt()));
        }
        return edges;
    }

    @FunctionalInterface
    private interface Strings {
        void write(String value) throws IOException;
    }
}
