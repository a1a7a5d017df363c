package dev.cofferdam.engine.accuracy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
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
 * is left out.
 */
final class BytecodeOracle {
    private static final Pattern CLASS_IN_DESCRIPTOR = Pattern.compile("L([\\w/$]+)[;<.]");

    /** @param fileOfClass internal class name → source file path relative to the sources root */
    record Result(Map<String, String> fileOfClass, Set<List<String>> edges, Map<String, Set<String>> constants) {
    }

    /**
     * @param sourceVisible leave out what the caller's source cannot name (see the class comment of
     *                      {@link EdgeAccuracyTest}): descriptors of invoked methods and accessed
     *                      fields (the callee's declared types), invokedynamic call-site and
     *                      method-type descriptors (lambda target types), and bridge methods
     */
    static Result read(Path classesJar, boolean sourceVisible) throws IOException {
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
        Set<List<String>> edges = new HashSet<>();
        for (byte[] bytes : classes.values()) {
            ClassReader reader = new ClassReader(bytes);
            String from = fileOfClass.get(reader.getClassName());
            if (from == null) {
                continue;
            }
            Set<String> refs = new HashSet<>();
            reader.accept(new Collector(refs, sourceVisible), ClassReader.SKIP_FRAMES | ClassReader.SKIP_DEBUG);
            for (String ref : refs) {
                String to = fileOfClass.get(ref);
                if (to != null && !to.equals(from)) {
                    edges.add(List.of(from, to));
                }
            }
        }
        return new Result(fileOfClass, edges, constants);
    }

    private static void descriptor(String desc, Set<String> into) {
        if (desc == null) {
            return;
        }
        Matcher m = CLASS_IN_DESCRIPTOR.matcher(desc);
        while (m.find()) {
            into.add(m.group(1));
        }
    }

    private static void internalName(String name, Set<String> into) {
        if (name == null) {
            return;
        }
        if (name.startsWith("[")) {
            descriptor(name, into);
        } else {
            into.add(name);
        }
    }

    private static void constant(Object value, Set<String> into) {
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
        private final Set<String> refs;

        Annotations(Set<String> refs) {
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
        private final Set<String> refs;
        private final Annotations annotations;
        private final boolean sourceVisible;

        Collector(Set<String> refs, boolean sourceVisible) {
            super(Opcodes.ASM9);
            this.refs = refs;
            this.annotations = new Annotations(refs);
            this.sourceVisible = sourceVisible;
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
            if (sourceVisible && (access & Opcodes.ACC_BRIDGE) != 0) {
                return null;
            }
            descriptor(descriptor, refs);
            descriptor(signature, refs);
            if (exceptions != null) {
                for (String e : exceptions) {
                    internalName(e, refs);
                }
            }
            return new Methods(refs, annotations, sourceVisible);
        }
    }

    private static final class Methods extends MethodVisitor {
        private final Set<String> refs;
        private final Annotations annotations;
        private final boolean sourceVisible;

        Methods(Set<String> refs, Annotations annotations, boolean sourceVisible) {
            super(Opcodes.ASM9);
            this.refs = refs;
            this.annotations = annotations;
            this.sourceVisible = sourceVisible;
        }

        @Override
        public AnnotationVisitor visitAnnotationDefault() {
            return annotations;
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
        public AnnotationVisitor visitParameterAnnotation(int parameter, String descriptor, boolean visible) {
            descriptor(descriptor, refs);
            return annotations;
        }

        @Override
        public void visitTypeInsn(int opcode, String type) {
            internalName(type, refs);
        }

        @Override
        public void visitFieldInsn(int opcode, String owner, String name, String descriptor) {
            internalName(owner, refs);
            if (!sourceVisible) {
                descriptor(descriptor, refs);
            }
        }

        @Override
        public void visitMethodInsn(int opcode, String owner, String name, String descriptor, boolean isInterface) {
            internalName(owner, refs);
            if (!sourceVisible) {
                descriptor(descriptor, refs);
            }
        }

        @Override
        public void visitInvokeDynamicInsn(String name, String descriptor, Handle bsm, Object... bsmArgs) {
            if (!sourceVisible) {
                descriptor(descriptor, refs);
                constant(bsm, refs);
                for (Object arg : bsmArgs) {
                    constant(arg, refs);
                }
                return;
            }
            for (Object arg : bsmArgs) {
                if (arg instanceof Handle h) {
                    internalName(h.getOwner(), refs);
                }
            }
        }

        @Override
        public void visitLdcInsn(Object value) {
            constant(value, refs);
        }

        @Override
        public void visitMultiANewArrayInsn(String descriptor, int numDimensions) {
            descriptor(descriptor, refs);
        }

        @Override
        public void visitTryCatchBlock(Label start, Label end, Label handler, String type) {
            internalName(type, refs);
        }

        @Override
        public AnnotationVisitor visitInsnAnnotation(int typeRef, TypePath typePath, String descriptor, boolean visible) {
            descriptor(descriptor, refs);
            return annotations;
        }

        @Override
        public AnnotationVisitor visitTryCatchAnnotation(int typeRef, TypePath typePath, String descriptor, boolean visible) {
            descriptor(descriptor, refs);
            return annotations;
        }
    }

    static List<String> sorted(Set<List<String>> pairs) {
        List<String> list = new ArrayList<>();
        pairs.forEach(p -> list.add(p.get(0) + " -> " + p.get(1)));
        list.sort(null);
        return list;
    }
}
