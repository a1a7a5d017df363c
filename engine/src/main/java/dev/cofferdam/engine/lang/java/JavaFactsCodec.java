package dev.cofferdam.engine.lang.java;

import dev.cofferdam.engine.map.EdgeKind;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Compact binary form of {@link JavaFacts} for the index. Stateless. */
final class JavaFactsCodec {
    private static final EdgeKind[] KINDS = EdgeKind.values();

    private JavaFactsCodec() {
    }

    static void write(JavaFacts facts, DataOutput out) throws IOException {
        out.writeUTF(facts.packageName());
        out.writeInt(facts.imports().size());
        for (JavaImport imp : facts.imports()) {
            out.writeUTF(imp.name());
            out.writeByte((imp.isStatic() ? 1 : 0) | (imp.onDemand() ? 2 : 0));
        }
        out.writeInt(facts.types().size());
        for (JavaTypeDecl type : facts.types()) {
            out.writeUTF(type.name());
            out.writeUTF(type.kind());
            out.writeInt(type.parent());
            out.writeBoolean(type.local());
            out.writeInt(type.supers().size());
            for (String s : type.supers()) {
                out.writeUTF(s);
            }
            writeMap(type.methods(), out);
            writeMap(type.fields(), out);
            writeMap(type.params(), out);
        }
        out.writeInt(facts.refs().size());
        for (JavaRef ref : facts.refs()) {
            out.writeUTF(ref.name());
            out.writeByte(ref.kind().ordinal());
            out.writeInt(ref.scope());
            out.writeInt(ref.owner());
            out.writeInt(ref.count());
            out.writeBoolean(ref.ambiguous());
        }
        writeChains(facts.chains(), out);
        writeChains(facts.calls(), out);
        writeMap(facts.variableTypes(), out);
    }

    private static void writeChains(List<JavaChain> chains, DataOutput out) throws IOException {
        out.writeInt(chains.size());
        for (JavaChain chain : chains) {
            out.writeUTF(chain.root());
            out.writeInt(chain.members().size());
            for (String m : chain.members()) {
                out.writeUTF(m);
            }
            out.writeInt(chain.scope());
            out.writeInt(chain.owner());
            out.writeInt(chain.count());
        }
    }

    private static void writeMap(Map<String, String> map, DataOutput out) throws IOException {
        out.writeInt(map.size());
        for (var e : new TreeMap<>(map).entrySet()) {
            out.writeUTF(e.getKey());
            out.writeUTF(e.getValue());
        }
    }

    private static Map<String, String> readMap(DataInput in) throws IOException {
        int n = in.readInt();
        Map<String, String> map = new HashMap<>(n * 2);
        for (int i = 0; i < n; i++) {
            map.put(in.readUTF(), in.readUTF());
        }
        return map;
    }

    static JavaFacts read(DataInput in) throws IOException {
        String pkg = in.readUTF();
        int n = in.readInt();
        List<JavaImport> imports = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            String name = in.readUTF();
            int flags = in.readByte();
            imports.add(new JavaImport(name, (flags & 1) != 0, (flags & 2) != 0));
        }
        n = in.readInt();
        List<JavaTypeDecl> types = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            String name = in.readUTF();
            String kind = in.readUTF();
            int parent = in.readInt();
            boolean local = in.readBoolean();
            int s = in.readInt();
            List<String> supers = new ArrayList<>(s);
            for (int j = 0; j < s; j++) {
                supers.add(in.readUTF());
            }
            types.add(new JavaTypeDecl(name, kind, parent, local, supers, readMap(in), readMap(in), readMap(in)));
        }
        n = in.readInt();
        List<JavaRef> refs = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            refs.add(new JavaRef(in.readUTF(), KINDS[in.readByte()], in.readInt(), in.readInt(), in.readInt(),
                    in.readBoolean()));
        }
        List<JavaChain> chains = readChains(in);
        List<JavaChain> calls = readChains(in);
        return new JavaFacts(pkg, imports, types, refs, chains, calls, readMap(in));
    }

    private static List<JavaChain> readChains(DataInput in) throws IOException {
        int n = in.readInt();
        List<JavaChain> chains = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            String root = in.readUTF();
            int m = in.readInt();
            List<String> members = new ArrayList<>(m);
            for (int j = 0; j < m; j++) {
                members.add(in.readUTF());
            }
            chains.add(new JavaChain(root, members, in.readInt(), in.readInt(), in.readInt()));
        }
        return chains;
    }
}
