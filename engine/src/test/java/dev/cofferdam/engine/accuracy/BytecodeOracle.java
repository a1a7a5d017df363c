package dev.cofferdam.engine.accuracy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.objectweb.asm.AnnotationVisitor;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ConstantDynamic;
import org.objectweb.asm.FieldVisitor;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.RecordComponentVisitor;
import org.objectweb.asm.Type;
import org.objectweb.asm.TypePath;

/**
 * The independent yardstick: file-to-file edges read from compiled classes. Every class a class
 * file links against (super types, field and method owners and descriptors, generic signatures,
 * annotations, instruction operands, exception tables, bootstrap arguments, inner/nest/permitted
 * class attributes) is mapped to its source file through its package and {@code SourceFile}
 * attribute. Debug-only information (local variable tables, stack map frames) is not linkage and
 * is left out. Every reference is tagged with where it was read ({@link Why}), so a test can leave
 * out pairs by reason and count misses by reason.
 */
final class BytecodeOracle {
    private static final Pattern CLASS_IN_DESCRIPTOR = Pattern.compile("L([\\w/$]+)[;<.]");

    /** Why the bytecode links a class to another: each reference is tagged with where it was read. */
    enum Why {
        /** class header, fields, own method descriptors and signatures, annotations, inner classes */
        DECLARED,
        /** instruction operands the source names: owners of members, new/cast/instanceof, catch, ldc */
        OWNER,
        /** return type of an invoked method whose value the caller uses (not popped) */
        CALL_RETURN_USED,
        /** return type of an invoked method whose value is discarded (next instruction pops it) */
        CALL_RETURN_DISCARDED,
        /** parameter types of an invoked method */
        CALL_PARAM,
        /** type of a field that is read */
        FIELD_READ,
        /** type of a field that is written */
        FIELD_WRITE,
        /**
         * invokedynamic call-site and method-type descriptors, bootstrap handles (lambda targets),
         * and the descriptors of the synthetic methods holding lambda bodies (inferred parameter types)
         */
        LAMBDA,
        /** anything inside a bridge method */
        BRIDGE
    }

    /**
     * @param fileOfClass internal class name → source file path relative to the sources root
     * @param edges       every file pair the bytecode links, with the reasons it does
     */
    record Result(Map<String, String> fileOfClass, Map<List<String>, Set<Why>> edges,
                  Map<String, Set<String>> constants) {
        /** @return the pairs with at least one reason in {@code kept} */
        Set<List<String>> pairs(Set<Why> kept) {
            Set<List<String>> out = new HashSet<>();
            edges.forEach((pair, why) -> {
                if (why.stream().anyMatch(kept::contains)) {
                    out.add(pair);
                }
            });
            return out;
        }
    }

    /** Reads every class of the jar; see {@link Why} for how each reference is tagged. */
    static Result read(Path classesJar) throws IOException {
        Map<String, byte[]> classes = new HashMap<>();
        try (JarFile jar = new JarFile(classesJar.toFile())) {
            Enumeration<JarEntry> entries = jar.entries();
            while (entries.hasMoreElements()) {
                JarEntry entry = entries.nextElement();
                if (entry.getName().endsWith(".class") && !entry.getName().startsWith("META-INF/")) {
                    try (InputStream in = jar.getInputStream(entry)) {
                        classes.put(entry.getName(), in.readAllBytes());
                    }
                }
            }
        }
        Map<String, String> fileOfClass = new HashMap<>();
        Map<String, Set<String>> constants = new HashMap<>();
        for (byte[] bytes : classes.values()) {
            ClassReader reader = new ClassReader(bytes);
            String[] source = new String[1];
            String name = reader.getClassName();
            reader.accept(new ClassVisitor(Opcodes.ASM9) {
                @Override
                public void visitSource(String file, String debug) {
                    source[0] = file;
                }

                @Override
                public FieldVisitor visitField(int access, String field, String desc, String signature, Object value) {
                    if (value != null) {
                        constants.computeIfAbsent(name, k -> new HashSet<>()).add(field);
                    }
                    return null;
                }
            }, ClassReader.SKIP_CODE | ClassReader.SKIP_FRAMES);
            if (source[0] != null) {
                int slash = name.lastIndexOf('/');
                fileOfClass.put(name, (slash < 0 ? "" : name.substring(0, slash + 1)) + source[0]);
            }
        }
        Map<List<String>, Set<Why>> edges = new HashMap<>();
        for (byte[] bytes : classes.values()) {
            ClassReader reader = new ClassReader(bytes);
            String from = fileOfClass.get(reader.getClassName());
            if (from == null) {
                continue;
            }
            Refs refs = new Refs();
            reader.accept(new Collector(refs), ClassReader.SKIP_FRAMES | ClassReader.SKIP_DEBUG);
            refs.byClass.forEach((ref, why) -> {
                String to = fileOfClass.get(ref);
                if (to != null && !to.equals(from)) {
                    edges.computeIfAbsent(List.of(from, to), k -> EnumSet.noneOf(Why.class)).addAll(why);
                }
            });
        }
        return new Result(fileOfClass, edges, constants);
    }

    private static void descriptor(String desc, Refs into) {
        if (desc == null) {
            return;
        }
        Matcher m = CLASS_IN_DESCRIPTOR.matcher(desc);
        while (m.find()) {
            into.add(m.group(1));
        }
    }

    private static void internalName(String name, Refs into) {
        if (name == null) {
            return;
        }
        if (name.startsWith("[")) {
            descriptor(name, into);
        } else {
            into.add(name);
        }
    }

    private static void constant(Object value, Refs into) {
        if (value instanceof Type t) {
            descriptor(t.getDescriptor(), into);
            if (t.getSort() == Type.OBJECT) {
                into.add(t.getInternalName());
            }
        } else if (value instanceof Handle h) {
            internalName(h.getOwner(), into);
            descriptor(h.getDesc(), into);
        } else if (value instanceof ConstantDynamic c) {
            descriptor(c.getDescriptor(), into);
            constant(c.getBootstrapMethod(), into);
            for (int i = 0; i < c.getBootstrapMethodArgumentCount(); i++) {
                constant(c.getBootstrapMethodArgument(i), into);
            }
        }
    }

    private static final class Annotations extends AnnotationVisitor {
        private final Refs refs;

        Annotations(Refs refs) {
            super(Opcodes.ASM9);
            this.refs = refs;
        }

        @Override
        public void visit(String name, Object value) {
            constant(value, refs);
        }

        @Override
        public void visitEnum(String name, String descriptor, String value) {
            descriptor(descriptor, refs);
        }

        @Override
        public AnnotationVisitor visitAnnotation(String name, String descriptor) {
            descriptor(descriptor, refs);
            return this;
        }

        @Override
        public AnnotationVisitor visitArray(String name) {
            return this;
        }
    }

    private static final class Collector extends ClassVisitor {
        private final Refs refs;
        private final Annotations annotations;

        Collector(Refs refs) {
            super(Opcodes.ASM9);
            this.refs = refs;
            this.annotations = new Annotations(refs);
        }

        @Override
        public void visit(int version, int access, String name, String signature, String superName, String[] interfaces) {
            descriptor(signature, refs);
            internalName(superName, refs);
            if (interfaces != null) {
                for (String i : interfaces) {
                    internalName(i, refs);
                }
            }
        }

        @Override
        public void visitOuterClass(String owner, String name, String descriptor) {
            internalName(owner, refs);
            descriptor(descriptor, refs);
        }

        @Override
        public void visitNestHost(String nestHost) {
            internalName(nestHost, refs);
        }

        @Override
        public void visitNestMember(String nestMember) {
            internalName(nestMember, refs);
        }

        @Override
        public void visitPermittedSubclass(String permittedSubclass) {
            internalName(permittedSubclass, refs);
        }

        @Override
        public void visitInnerClass(String name, String outerName, String innerName, int access) {
            internalName(name, refs);
            internalName(outerName, refs);
        }

        @Override
        public AnnotationVisitor visitAnnotation(String descriptor, boolean visible) {
            descriptor(descriptor, refs);
            return annotations;
        }

        @Override
        public AnnotationVisitor visitTypeAnnotation(int typeRef, TypePath typePath, String descriptor, boolean visible) {
            descriptor(descriptor, refs);
            return annotations;
        }

        @Override
        public RecordComponentVisitor visitRecordComponent(String name, String descriptor, String signature) {
            descriptor(descriptor, refs);
            descriptor(signature, refs);
            return new RecordComponentVisitor(Opcodes.ASM9) {
                @Override
                public AnnotationVisitor visitAnnotation(String desc, boolean visible) {
                    descriptor(desc, refs);
                    return annotations;
                }
            };
        }

        @Override
        public FieldVisitor visitField(int access, String name, String descriptor, String signature, Object value) {
            refs.mode = Why.DECLARED;
            descriptor(descriptor, refs);
            descriptor(signature, refs);
            return new FieldVisitor(Opcodes.ASM9) {
                @Override
                public AnnotationVisitor visitAnnotation(String desc, boolean visible) {
                    descriptor(desc, refs);
                    return annotations;
                }

                @Override
                public AnnotationVisitor visitTypeAnnotation(int typeRef, TypePath typePath, String desc, boolean visible) {
                    descriptor(desc, refs);
                    return annotations;
                }
            };
        }

        @Override
        public MethodVisitor visitMethod(int access, String name, String descriptor, String signature, String[] exceptions) {
            boolean bridge = (access & Opcodes.ACC_BRIDGE) != 0;
            boolean lambdaBody = (access & Opcodes.ACC_SYNTHETIC) != 0 && name.startsWith("lambda$");
            refs.mode = bridge ? Why.BRIDGE : lambdaBody ? Why.LAMBDA : Why.DECLARED;
            descriptor(descriptor, refs);
            descriptor(signature, refs);
            if (exceptions != null) {
                for (String e : exceptions) {
                    internalName(e, refs);
                }
            }
            Methods methods = new Methods(refs, annotations, bridge);
            refs.mode = Why.DECLARED;
            return methods;
        }
    }

    /** References of one class, each tagged with the current {@link Why}. */
    private static final class Refs {
        final Map<String, Set<Why>> byClass = new HashMap<>();
        Why mode = Why.DECLARED;

        void add(String internalName) {
            byClass.computeIfAbsent(internalName, k -> EnumSet.noneOf(Why.class)).add(mode);
        }
    }

    /**
     * Method bodies. The return type of an invoked method is held back until the next instruction
     * shows whether the value is used or popped.
     */
    private static final class Methods extends MethodVisitor {
        private final Refs refs;
        private final Annotations annotations;
        private final boolean bridge;
        private Type pendingReturn;

        Methods(Refs refs, Annotations annotations, boolean bridge) {
            super(Opcodes.ASM9);
            this.refs = refs;
            this.annotations = annotations;
            this.bridge = bridge;
        }

        private void tag(Why why) {
            refs.mode = bridge ? Why.BRIDGE : why;
        }

        private void next(int opcode) {
            if (pendingReturn != null) {
                tag(opcode == Opcodes.POP || opcode == Opcodes.POP2 ? Why.CALL_RETURN_DISCARDED : Why.CALL_RETURN_USED);
                descriptor(pendingReturn.getDescriptor(), refs);
                pendingReturn = null;
            }
        }

        @Override
        public AnnotationVisitor visitAnnotationDefault() {
            tag(Why.DECLARED);
            return annotations;
        }

        @Override
        public AnnotationVisitor visitAnnotation(String descriptor, boolean visible) {
            tag(Why.DECLARED);
            descriptor(descriptor, refs);
            return annotations;
        }

        @Override
        public AnnotationVisitor visitTypeAnnotation(int typeRef, TypePath typePath, String descriptor, boolean visible) {
            tag(Why.DECLARED);
            descriptor(descriptor, refs);
            return annotations;
        }

        @Override
        public AnnotationVisitor visitParameterAnnotation(int parameter, String descriptor, boolean visible) {
            tag(Why.DECLARED);
            descriptor(descriptor, refs);
            return annotations;
        }

        @Override
        public void visitInsn(int opcode) {
            next(opcode);
        }

        @Override
        public void visitIntInsn(int opcode, int operand) {
            next(opcode);
        }

        @Override
        public void visitVarInsn(int opcode, int varIndex) {
            next(opcode);
        }

        @Override
        public void visitJumpInsn(int opcode, Label label) {
            next(opcode);
        }

        @Override
        public void visitIincInsn(int varIndex, int increment) {
            next(Opcodes.IINC);
        }

        @Override
        public void visitTableSwitchInsn(int min, int max, Label dflt, Label... labels) {
            next(Opcodes.TABLESWITCH);
        }

        @Override
        public void visitLookupSwitchInsn(Label dflt, int[] keys, Label[] labels) {
            next(Opcodes.LOOKUPSWITCH);
        }

        @Override
        public void visitTypeInsn(int opcode, String type) {
            next(opcode);
            tag(Why.OWNER);
            internalName(type, refs);
        }

        @Override
        public void visitFieldInsn(int opcode, String owner, String name, String descriptor) {
            next(opcode);
            tag(Why.OWNER);
            internalName(owner, refs);
            tag(opcode == Opcodes.GETFIELD || opcode == Opcodes.GETSTATIC ? Why.FIELD_READ : Why.FIELD_WRITE);
            descriptor(descriptor, refs);
        }

        @Override
        public void visitMethodInsn(int opcode, String owner, String name, String descriptor, boolean isInterface) {
            next(opcode);
            tag(Why.OWNER);
            internalName(owner, refs);
            tag(Why.CALL_PARAM);
            for (Type arg : Type.getArgumentTypes(descriptor)) {
                descriptor(arg.getDescriptor(), refs);
            }
            Type ret = Type.getReturnType(descriptor);
            pendingReturn = ret.getSort() == Type.OBJECT || ret.getSort() == Type.ARRAY ? ret : null;
        }

        @Override
        public void visitInvokeDynamicInsn(String name, String descriptor, Handle bsm, Object... bsmArgs) {
            next(Opcodes.INVOKEDYNAMIC);
            tag(Why.LAMBDA);
            descriptor(descriptor, refs);
            constant(bsm, refs);
            for (Object arg : bsmArgs) {
                constant(arg, refs);
            }
            tag(Why.OWNER);
            for (Object arg : bsmArgs) {
                if (arg instanceof Handle h) {
                    internalName(h.getOwner(), refs);
                }
            }
        }

        @Override
        public void visitLdcInsn(Object value) {
            next(Opcodes.LDC);
            tag(Why.OWNER);
            constant(value, refs);
        }

        @Override
        public void visitMultiANewArrayInsn(String descriptor, int numDimensions) {
            next(Opcodes.MULTIANEWARRAY);
            tag(Why.OWNER);
            descriptor(descriptor, refs);
        }

        @Override
        public void visitTryCatchBlock(Label start, Label end, Label handler, String type) {
            tag(Why.OWNER);
            internalName(type, refs);
        }

        @Override
        public AnnotationVisitor visitInsnAnnotation(int typeRef, TypePath typePath, String descriptor, boolean visible) {
            tag(Why.OWNER);
            descriptor(descriptor, refs);
            return annotations;
        }

        @Override
        public AnnotationVisitor visitTryCatchAnnotation(int typeRef, TypePath typePath, String descriptor, boolean visible) {
            tag(Why.OWNER);
            descriptor(descriptor, refs);
            return annotations;
        }

        @Override
        public void visitMaxs(int maxStack, int maxLocals) {
            next(-1);
        }

        @Override
        public void visitEnd() {
            next(-1);
            tag(Why.DECLARED);
        }
    }

    static List<String> sorted(Set<List<String>> pairs) {
        List<String> list = new ArrayList<>();
        pairs.forEach(p -> list.add(p.get(0) + " -> " + p.get(1)));
        list.sort(null);
        return list;
    }
}
