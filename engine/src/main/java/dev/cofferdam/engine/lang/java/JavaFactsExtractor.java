package dev.cofferdam.engine.lang.java;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.ImportDeclaration;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.PackageDeclaration;
import com.github.javaparser.ast.body.AnnotationDeclaration;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.EnumConstantDeclaration;
import com.github.javaparser.ast.body.EnumDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.RecordDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.MethodReferenceExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.SuperExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import com.github.javaparser.ast.expr.TypePatternExpr;
import com.github.javaparser.ast.nodeTypes.NodeWithTypeParameters;
import com.github.javaparser.ast.stmt.ExplicitConstructorInvocationStmt;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.ForEachStmt;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import com.github.javaparser.ast.type.Type;
import com.github.javaparser.ast.type.TypeParameter;
import dev.cofferdam.engine.map.EdgeKind;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Extracts {@link JavaFacts} from a parsed compilation unit in one pass over the tree. Type
 * parameters in scope are dropped (they are not dependencies); qualifiers of method calls and
 * field accesses are kept as ambiguous names unless a variable of that name exists in the file.
 * Javadoc is ignored, as javac ignores it. One instance per file; not thread-safe.
 */
final class JavaFactsExtractor {
    private record Key(String name, EdgeKind kind, int scope, int owner, boolean ambiguous) {
    }

    private record ChainKey(String root, List<String> members, int scope, int owner) {
    }

    private final List<JavaImport> imports = new ArrayList<>();
    private final List<JavaTypeDecl> types = new ArrayList<>();
    private final Map<Key, Integer> counts = new LinkedHashMap<>();
    private final Set<String> variables = new HashSet<>();
    private final Map<String, String> variableTypes = new HashMap<>();
    private final Map<ChainKey, Integer> chains = new LinkedHashMap<>();
    private final Map<ChainKey, Integer> calls = new LinkedHashMap<>();
    private final Deque<Set<String>> typeParams = new ArrayDeque<>();
    private int scope = -1;
    private int owner = -1;

    static JavaFacts extract(CompilationUnit unit) {
        return new JavaFactsExtractor().run(unit);
    }

    private JavaFacts run(CompilationUnit unit) {
        String pkg = unit.getPackageDeclaration().map(p -> p.getNameAsString()).orElse("");
        for (Node child : unit.getChildNodes()) {
            visit(child);
        }
        List<JavaRef> refs = new ArrayList<>(counts.size());
        counts.forEach((k, n) -> {
            if (!k.ambiguous() || !variables.contains(JavaNames.firstSegment(k.name()))) {
                refs.add(new JavaRef(k.name(), k.kind(), k.scope(), k.owner(), n, k.ambiguous()));
            }
        });
        List<JavaChain> callList = new ArrayList<>(calls.size());
        calls.forEach((k, n) -> callList.add(new JavaChain(k.root(), k.members(), k.scope(), k.owner(), n)));
        List<JavaChain> chainList = new ArrayList<>(chains.size());
        Map<String, String> rootTypes = new HashMap<>();
        chains.forEach((k, n) -> {
            chainList.add(new JavaChain(k.root(), k.members(), k.scope(), k.owner(), n));
            String type = variableTypes.get(k.root());
            if (type != null) {
                rootTypes.put(k.root(), type);
            }
        });
        return new JavaFacts(pkg, imports, types, refs, chainList, callList, rootTypes);
    }

    private void visit(Node node) {
        if (node instanceof ClassOrInterfaceType type) {
            typeRef(type, EdgeKind.REFERENCE);
        } else if (node instanceof AnnotationExpr annotation) {
            ref(annotation.getNameAsString(), EdgeKind.ANNOTATION, false);
            visitChildrenExcept(annotation, annotation.getName());
        } else if (node instanceof TypeDeclaration<?> decl) {
            typeDeclaration(decl);
        } else if (node instanceof ObjectCreationExpr creation && creation.getAnonymousClassBody().isPresent()) {
            anonymousClass(creation);
        } else if (node instanceof CallableDeclaration<?> callable) {
            withTypeParams(callable, () -> visitChildren(callable));
        } else if (node instanceof MethodCallExpr call) {
            List<String> flat = JavaNames.flatten(call);
            if (valueUsedElsewhere(call)) {
                chain(flat);
            }
            call(flat);
            qualifiedChild(call, call.getScope().orElse(null));
        } else if (node instanceof ObjectCreationExpr creation) {
            call(new ArrayList<>(List.of("type:" + JavaNames.rawName(creation.getType()),
                    "<init>(" + creation.getArguments().size() + ")")));
            visitChildren(creation);
        } else if (node instanceof ExplicitConstructorInvocationStmt invocation) {
            call(new ArrayList<>(List.of(invocation.isThis() ? "this" : "super",
                    "<init>(" + invocation.getArguments().size() + ")")));
            visitChildren(invocation);
        } else if (node instanceof ForEachStmt loop) {
            List<String> iterable = JavaNames.flatten(loop.getIterable());
            if (iterable != null) {
                iterable.add("iterator(0)");
                chain(iterable);
            }
            visitChildren(loop);
        } else if (node instanceof FieldAccessExpr access) {
            qualifiedChild(access, access.getScope());
        } else if (node instanceof MethodReferenceExpr reference) {
            qualifiedChild(reference, reference.getScope());
        } else if (node instanceof ThisExpr self) {
            self.getTypeName().ifPresent(n -> ref(n.asString(), EdgeKind.REFERENCE, false));
        } else if (node instanceof SuperExpr superExpr) {
            superExpr.getTypeName().ifPresent(n -> ref(n.asString(), EdgeKind.REFERENCE, false));
        } else if (node instanceof TypeParameter) {
            return; // visited with its declaration, see withTypeParams
        } else if (node instanceof ImportDeclaration imp) {
            imports.add(new JavaImport(imp.getNameAsString(), imp.isStatic(), imp.isAsterisk()));
        } else if (node instanceof PackageDeclaration pkg) {
            pkg.getAnnotations().forEach(this::visit);
        } else {
            noteVariable(node);
            visitChildren(node);
        }
    }

    private void noteVariable(Node node) {
        if (node instanceof VariableDeclarator v) {
            variable(v.getNameAsString(), v.getType());
        } else if (node instanceof Parameter p) {
            variable(p.getNameAsString(), p.isVarArgs() ? null : p.getType());
        } else if (node instanceof TypePatternExpr p) {
            variable(p.getNameAsString(), p.getType());
        } else if (node instanceof EnumConstantDeclaration c) {
            variable(c.getNameAsString(), null);
        }
    }

    private void variable(String name, Type type) {
        variables.add(name);
        variableTypes.merge(name, JavaNames.declaredType(type, Set.of(), this::isTypeParam), JavaNames::agree);
    }

    private void typeDeclaration(TypeDeclaration<?> decl) {
        String kind = decl instanceof EnumDeclaration ? "enum" : decl instanceof RecordDeclaration ? "record"
                : decl instanceof AnnotationDeclaration ? "annotation"
                : decl instanceof ClassOrInterfaceDeclaration c && c.isInterface() ? "interface" : "class";
        Node parent = decl.getParentNode().orElse(null);
        boolean local = !(parent instanceof TypeDeclaration<?> || parent instanceof CompilationUnit)
                || scope >= 0 && types.get(scope).local();
        List<ClassOrInterfaceType> extended = new ArrayList<>();
        List<ClassOrInterfaceType> implemented = new ArrayList<>();
        if (decl instanceof ClassOrInterfaceDeclaration c) {
            extended.addAll(c.getExtendedTypes());
            implemented.addAll(c.getImplementedTypes());
        } else if (decl instanceof EnumDeclaration e) {
            implemented.addAll(e.getImplementedTypes());
        } else if (decl instanceof RecordDeclaration r) {
            implemented.addAll(r.getImplementedTypes());
        }
        List<String> supers = new ArrayList<>();
        extended.forEach(t -> supers.add(JavaNames.rawName(t)));
        implemented.forEach(t -> supers.add(JavaNames.rawName(t)));
        Set<String> classParams = new HashSet<>();
        if (decl instanceof NodeWithTypeParameters<?> generic) {
            generic.getTypeParameters().forEach(t -> classParams.add(t.getNameAsString()));
        }
        Map<String, String> methods = new HashMap<>();
        Map<String, String> fields = new HashMap<>();
        Map<String, String> params = new HashMap<>();
        JavaNames.memberTypes(decl.getMembers(), classParams, this::isTypeParam, methods, fields, params);
        if (decl instanceof RecordDeclaration r) {
            for (Parameter component : r.getParameters()) {
                String type = JavaNames.declaredType(component.getType(), classParams, this::isTypeParam);
                fields.put(component.getNameAsString(), type);
                methods.putIfAbsent(component.getNameAsString(), type);
                methods.putIfAbsent(component.getNameAsString() + "/0", type);
            }
            params.putIfAbsent("<init>/" + r.getParameters().size(),
                    JavaNames.parameterTypes(r.getParameters(), classParams, this::isTypeParam));
        }
        int index = types.size();
        types.add(new JavaTypeDecl(decl.getNameAsString(), kind, scope, local, supers, methods, fields, params));
        int outerScope = scope;
        int outerOwner = owner;
        owner = local ? outerOwner : index;
        Runnable body = () -> {
            // supertypes resolve in the enclosing scope, their type arguments see the type parameters
            for (ClassOrInterfaceType t : extended) {
                superRef(t, EdgeKind.EXTENDS, outerScope);
            }
            for (ClassOrInterfaceType t : implemented) {
                superRef(t, EdgeKind.IMPLEMENTS, outerScope);
            }
            scope = index;
            for (Node child : decl.getChildNodes()) {
                if (!extended.contains(child) && !implemented.contains(child) && child != decl.getName()) {
                    visit(child);
                }
            }
        };
        if (decl instanceof NodeWithTypeParameters<?> generic) {
            withTypeParams(generic, body);
        } else {
            body.run();
        }
        scope = outerScope;
        owner = outerOwner;
    }

    private void superRef(ClassOrInterfaceType type, EdgeKind kind, int resolveScope) {
        int saved = scope;
        scope = resolveScope;
        if (!isTypeParam(JavaNames.firstSegment(JavaNames.rawName(type)))) {
            ref(JavaNames.rawName(type), kind, false);
        }
        scope = saved;
        visitTypeArgumentsAndAnnotations(type);
    }

    private void anonymousClass(ObjectCreationExpr creation) {
        creation.getScope().ifPresent(this::visit);
        typeRef(creation.getType(), EdgeKind.REFERENCE);
        call(new ArrayList<>(List.of("type:" + JavaNames.rawName(creation.getType()),
                "<init>(" + creation.getArguments().size() + ")")));
        creation.getTypeArguments().ifPresent(args -> args.forEach(this::visit));
        creation.getArguments().forEach(this::visit);
        Map<String, String> methods = new HashMap<>();
        Map<String, String> fields = new HashMap<>();
        Map<String, String> params = new HashMap<>();
        creation.getAnonymousClassBody()
                .ifPresent(body -> JavaNames.memberTypes(body, Set.of(), this::isTypeParam, methods, fields, params));
        int index = types.size();
        List<String> supers = List.of(JavaNames.rawName(creation.getType()));
        types.add(new JavaTypeDecl("", "anonymous", scope, true, supers, methods, fields, params));
        int outerScope = scope;
        scope = index;
        creation.getAnonymousClassBody().ifPresent(body -> body.forEach(this::visit));
        scope = outerScope;
    }

    /** Visits a call or field access whose qualifier may be a type name ({@code Foo.bar()}). */
    private void qualifiedChild(Node node, Expression qualifier) {
        if (qualifier instanceof MethodCallExpr || qualifier instanceof FieldAccessExpr) {
            chain(JavaNames.flatten(qualifier));
        } else if (qualifier instanceof NameExpr name && Character.isLowerCase(name.getNameAsString().charAt(0))) {
            // a variable or an inherited field: its type owns the member
            chains.merge(new ChainKey(name.getNameAsString(), List.of(), scope, owner), 1, Integer::sum);
        }
        String chain = qualifier == null ? null : JavaNames.nameChain(qualifier);
        if (chain != null) {
            if (!isTypeParam(JavaNames.firstSegment(chain))) {
                ref(chain, EdgeKind.REFERENCE, true);
            }
            visitChildrenExcept(node, qualifier);
        } else {
            visitChildren(node);
        }
    }

    /**
     * @return whether the call's value is used other than as a receiver (receivers are noted by
     *         {@link #qualifiedChild}); a call that is a statement of its own discards its value
     */
    private static boolean valueUsedElsewhere(MethodCallExpr call) {
        Node parent = call.getParentNode().orElse(null);
        return !(parent instanceof ExpressionStmt
                || parent instanceof MethodCallExpr m && m.getScope().orElse(null) == call
                || parent instanceof FieldAccessExpr f && f.getScope() == call
                || parent instanceof MethodReferenceExpr r && r.getScope() == call);
    }

    private void call(List<String> flat) {
        if (flat != null && flat.size() >= 2) {
            calls.merge(new ChainKey(flat.get(0), List.copyOf(flat.subList(1, flat.size())), scope, owner), 1,
                    Integer::sum);
        }
    }

    /** Notes an expression whose type javac records: a receiver, a used call value, a for-each iterable. */
    private void chain(List<String> flat) {
        if (flat != null && flat.size() >= 2) {
            chains.merge(new ChainKey(flat.get(0), List.copyOf(flat.subList(1, flat.size())), scope, owner), 1,
                    Integer::sum);
        }
    }

    private void typeRef(ClassOrInterfaceType type, EdgeKind kind) {
        String name = JavaNames.rawName(type);
        if (name.equals("var")) {
            return; // local variable type inference: the RAW language level leaves it as a class type
        }
        if (!isTypeParam(JavaNames.firstSegment(name))) {
            ref(name, kind, false);
        }
        visitTypeArgumentsAndAnnotations(type);
    }

    private void visitTypeArgumentsAndAnnotations(ClassOrInterfaceType type) {
        for (ClassOrInterfaceType t = type; t != null; t = t.getScope().orElse(null)) {
            t.getTypeArguments().ifPresent(args -> args.forEach(this::visit));
            t.getAnnotations().forEach(this::visit);
        }
    }

    private void withTypeParams(NodeWithTypeParameters<?> generic, Runnable body) {
        List<TypeParameter> params = generic.getTypeParameters();
        if (params.isEmpty()) {
            body.run();
            return;
        }
        Set<String> names = new HashSet<>();
        params.forEach(p -> names.add(p.getNameAsString()));
        typeParams.push(names);
        try {
            for (TypeParameter p : params) {
                p.getTypeBound().forEach(this::visit);
                p.getAnnotations().forEach(this::visit);
            }
            body.run();
        } finally {
            typeParams.pop();
        }
    }

    private boolean isTypeParam(String name) {
        for (Set<String> names : typeParams) {
            if (names.contains(name)) {
                return true;
            }
        }
        return false;
    }

    private void ref(String name, EdgeKind kind, boolean ambiguous) {
        counts.merge(new Key(name, kind, scope, owner, ambiguous), 1, Integer::sum);
    }

    private void visitChildren(Node node) {
        for (Node child : node.getChildNodes()) {
            visit(child);
        }
    }

    private void visitChildrenExcept(Node node, Node skipped) {
        for (Node child : node.getChildNodes()) {
            if (child != skipped) {
                visit(child);
            }
        }
    }
}
