package dev.cofferdam.engine.lang.java;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.ConstructorDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.CastExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import com.github.javaparser.ast.type.Type;
import com.github.javaparser.ast.type.TypeParameter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/** Names and declared types read off JavaParser nodes, for {@link JavaFactsExtractor}. Stateless. */
final class JavaNames {
    private JavaNames() {
    }

    /** @return the raw class type as written, "" for primitives, arrays, {@code var} and type parameters */
    /** Merges two declarations of one name: the type when they agree, "" (unknown) otherwise. */
    static String agree(String a, String b) {
        return a.equals(b) ? a : "";
    }

    static String declaredType(Type type, Set<String> extraTypeParams, Predicate<String> inScope) {
        if (!(type instanceof ClassOrInterfaceType c)) {
            return "";
        }
        String name = rawName(c);
        String first = firstSegment(name);
        return name.equals("var") || inScope.test(first) || extraTypeParams.contains(first) ? "" : name;
    }

    /** Return types of the methods and types of the fields declared directly in a type body. */
    static void memberTypes(List<? extends Node> members, Set<String> classParams, Predicate<String> inScope,
                            Map<String, String> methods, Map<String, String> fields, Map<String, String> params) {
        for (Node member : members) {
            if (member instanceof MethodDeclaration m) {
                Set<String> typeParams = params(m.getTypeParameters(), classParams);
                String type = declaredType(m.getType(), typeParams, inScope);
                methods.merge(m.getNameAsString(), type, JavaNames::agree);
                boolean varArgs = !m.getParameters().isEmpty() && m.getParameters().getLast().get().isVarArgs();
                String key = m.getNameAsString() + "/" + (varArgs ? "*" : m.getParameters().size());
                methods.merge(key, type, JavaNames::agree);
                params.merge(key, parameterTypes(m.getParameters(), typeParams, inScope),
                        JavaNames::agreeEach);
            } else if (member instanceof ConstructorDeclaration c) {
                boolean varArgs = !c.getParameters().isEmpty() && c.getParameters().getLast().get().isVarArgs();
                params.merge("<init>/" + (varArgs ? "*" : c.getParameters().size()),
                        parameterTypes(c.getParameters(), params(c.getTypeParameters(), classParams), inScope),
                        JavaNames::agreeEach);
            } else if (member instanceof FieldDeclaration f) {
                for (VariableDeclarator v : f.getVariables()) {
                    fields.merge(v.getNameAsString(), declaredType(v.getType(), classParams, inScope), JavaNames::agree);
                }
            }
        }
    }

    private static Set<String> params(List<TypeParameter> own, Set<String> classParams) {
        Set<String> names = new HashSet<>(classParams);
        own.forEach(t -> names.add(t.getNameAsString()));
        return names;
    }

    /** @return the declared class types of the parameters, comma-separated, "" for the others */
    static String parameterTypes(List<Parameter> parameters, Set<String> typeParams, Predicate<String> inScope) {
        StringBuilder joined = new StringBuilder();
        for (int i = 0; i < parameters.size(); i++) {
            joined.append(i == 0 ? "" : ",").append(declaredType(parameters.get(i).getType(), typeParams, inScope));
        }
        return joined.toString();
    }

    /** Merges two comma-separated type lists of one arity position by position (see {@link #agree}). */
    static String agreeEach(String a, String b) {
        if (a.equals(b)) {
            return a;
        }
        String[] x = a.split(",", -1);
        String[] y = b.split(",", -1);
        if (x.length != y.length) {
            return "";
        }
        StringBuilder joined = new StringBuilder();
        for (int i = 0; i < x.length; i++) {
            joined.append(i == 0 ? "" : ",").append(agree(x[i], y[i]));
        }
        return joined.toString();
    }

    static String rawName(ClassOrInterfaceType type) {
        return type.getScope().map(s -> rawName(s) + "." + type.getNameAsString()).orElse(type.getNameAsString());
    }

    /**
     * @return root then members of a receiver expression ({@code this}, a name or {@code type:T},
     *         then {@code m(N)} for calls with N arguments and {@code f} for fields), or null when it
     *         is something else
     */
    static List<String> flatten(Expression e) {
        if (e instanceof MethodCallExpr call) {
            List<String> base = call.getScope().isPresent() ? flatten(call.getScope().get())
                    : new ArrayList<>(List.of("this"));
            if (base != null) {
                base.add(call.getNameAsString() + "(" + call.getArguments().size() + ")");
            }
            return base;
        }
        if (e instanceof FieldAccessExpr access) {
            List<String> base = flatten(access.getScope());
            if (base != null) {
                base.add(access.getNameAsString());
            }
            return base;
        }
        if (e instanceof NameExpr name) {
            return new ArrayList<>(List.of(name.getNameAsString()));
        }
        if (e instanceof ThisExpr self && self.getTypeName().isEmpty()) {
            return new ArrayList<>(List.of("this"));
        }
        if (e instanceof EnclosedExpr enclosed) {
            return flatten(enclosed.getInner());
        }
        if (e instanceof ObjectCreationExpr creation && creation.getAnonymousClassBody().isEmpty()) {
            return new ArrayList<>(List.of("type:" + rawName(creation.getType())));
        }
        if (e instanceof CastExpr cast && cast.getType() instanceof ClassOrInterfaceType type) {
            return new ArrayList<>(List.of("type:" + rawName(type)));
        }
        return null;
    }

    /** @return "a.b.C" for a qualifier made only of names, null otherwise */
    static String nameChain(Expression e) {
        if (e instanceof NameExpr n) {
            return n.getNameAsString();
        }
        if (e instanceof FieldAccessExpr f) {
            String scope = nameChain(f.getScope());
            return scope == null ? null : scope + "." + f.getNameAsString();
        }
        return null;
    }

    static String firstSegment(String name) {
        int dot = name.indexOf('.');
        return dot < 0 ? name : name.substring(0, dot);
    }
}
