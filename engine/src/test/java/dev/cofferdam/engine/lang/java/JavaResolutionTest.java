package dev.cofferdam.engine.lang.java;

import static dev.cofferdam.engine.TestRepos.write;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cofferdam.engine.ProgressListener;
import dev.cofferdam.engine.map.Edge;
import dev.cofferdam.engine.map.EdgeKind;
import dev.cofferdam.engine.map.ExternalRef;
import dev.cofferdam.engine.map.IndexedMapService;
import dev.cofferdam.engine.map.RepoMap;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One test per resolution rule, each on real files mapped end to end. */
class JavaResolutionTest {
    private static final String SRC = "src/main/java/";

    @TempDir
    Path root;
    @TempDir
    Path cache;

    private RepoMap map() throws Exception {
        write(root, "pom.xml", "<project><artifactId>fixture</artifactId></project>");
        return new IndexedMapService(cache).map(root, ProgressListener.NONE);
    }

    private static List<String> targets(RepoMap map, String from) {
        return map.edges().stream().filter(e -> e.from().equals(SRC + from)).map(e -> e.to().substring(SRC.length()))
                .distinct().sorted().toList();
    }

    private static Edge edge(RepoMap map, String from, String to, EdgeKind kind) {
        return map.edges().stream().filter(e -> e.from().equals(SRC + from) && e.to().equals(SRC + to) && e.kind() == kind)
                .findFirst().orElseThrow(() -> new AssertionError("no " + kind + " edge " + from + " -> " + to + " in " + map.edges()));
    }

    @Test
    void explicitImport() throws Exception {
        write(root, SRC + "a/Money.java", "package a; public class Money {}");
        write(root, SRC + "b/Invoice.java", "package b;\nimport a.Money;\nclass Invoice { Money total; Money tax() { return null; } }");
        RepoMap map = map();
        assertThat(edge(map, "b/Invoice.java", "a/Money.java", EdgeKind.IMPORT).weight()).isEqualTo(1);
        assertThat(edge(map, "b/Invoice.java", "a/Money.java", EdgeKind.REFERENCE).weight()).isEqualTo(2);
        assertThat(map.typeEdges()).contains(new Edge("b.Invoice", "a.Money", EdgeKind.REFERENCE, 2));
    }

    @Test
    void onDemandImport() throws Exception {
        write(root, SRC + "a/Money.java", "package a; public class Money {}");
        write(root, SRC + "a/Unused.java", "package a; public class Unused {}");
        write(root, SRC + "b/Invoice.java", "package b;\nimport a.*;\nclass Invoice { Money total; }");
        RepoMap map = map();
        assertThat(targets(map, "b/Invoice.java")).containsExactly("a/Money.java");
    }

    @Test
    void staticImportsOfMembersAndOnDemand() throws Exception {
        write(root, SRC + "a/Rates.java", "package a; public class Rates { public static int vat() { return 1; } }");
        write(root, SRC + "a/Codes.java", "package a; public class Codes { public static final int OK = 0; }");
        write(root, SRC + "b/Invoice.java", "package b;\nimport static a.Rates.vat;\nimport static a.Codes.*;\n"
                + "class Invoice { int x = vat() + OK; }");
        RepoMap map = map();
        assertThat(edge(map, "b/Invoice.java", "a/Rates.java", EdgeKind.STATIC_IMPORT).weight()).isEqualTo(1);
        assertThat(edge(map, "b/Invoice.java", "a/Codes.java", EdgeKind.STATIC_IMPORT).weight()).isEqualTo(1);
    }

    @Test
    void samePackageWithoutImport() throws Exception {
        write(root, SRC + "a/Money.java", "package a; class Money {}");
        write(root, SRC + "a/Wallet.java", "package a; class Wallet { Money m = new Money(); }");
        write(root, SRC + "b/Money.java", "package b; class Money {}");
        RepoMap map = map();
        assertThat(targets(map, "a/Wallet.java")).containsExactly("a/Money.java");
        assertThat(edge(map, "a/Wallet.java", "a/Money.java", EdgeKind.REFERENCE).weight()).isEqualTo(2);
    }

    @Test
    void nestedTypeThroughItsOuterType() throws Exception {
        write(root, SRC + "a/Outer.java", "package a; public class Outer { public static class Inner {} }");
        write(root, SRC + "b/User.java", "package b;\nimport a.Outer;\nclass User { Outer.Inner i; }");
        write(root, SRC + "c/Direct.java", "package c;\nimport a.Outer.Inner;\nclass Direct { Inner i; }");
        RepoMap map = map();
        assertThat(targets(map, "b/User.java")).containsExactly("a/Outer.java");
        assertThat(targets(map, "c/Direct.java")).containsExactly("a/Outer.java");
        assertThat(map.typeEdges()).contains(new Edge("b.User", "a.Outer.Inner", EdgeKind.REFERENCE, 1));
        assertThat(map.types()).extracting(t -> t.name()).contains("a.Outer.Inner");
    }

    @Test
    void memberTypesInheritedFromSupertypesAcrossFiles() throws Exception {
        write(root, SRC + "a/Base.java", "package a; public class Base { public interface Listener {} }");
        write(root, SRC + "a/Middle.java", "package a; public class Middle extends Base {}");
        write(root, SRC + "b/Leaf.java", "package b;\nimport a.Middle;\nclass Leaf extends Middle { Listener l; }");
        write(root, SRC + "c/Listener.java", "package c; public class Listener {}");
        RepoMap map = map();
        assertThat(targets(map, "b/Leaf.java")).containsExactly("a/Base.java", "a/Middle.java");
        assertThat(edge(map, "b/Leaf.java", "a/Middle.java", EdgeKind.EXTENDS).weight()).isEqualTo(1);
    }

    @Test
    void fullyQualifiedNamesInCode() throws Exception {
        write(root, SRC + "a/b/Money.java", "package a.b; public class Money { public static Money zero() { return null; } }");
        write(root, SRC + "c/Use.java", "package c; class Use { a.b.Money m = a.b.Money.zero(); java.util.List<String> l; }");
        RepoMap map = map();
        assertThat(edge(map, "c/Use.java", "a/b/Money.java", EdgeKind.REFERENCE).weight()).isEqualTo(2);
        assertThat(map.external()).contains(new ExternalRef(SRC + "c/Use.java", "java.util.List", EdgeKind.REFERENCE, 1));
    }

    @Test
    void javaLangIsExternalAndSamePackageShadowsIt() throws Exception {
        write(root, SRC + "a/Use.java", "package a; class Use { String s; Integer i = Integer.valueOf(1); Override o; }");
        write(root, SRC + "a/Override.java", "package a; class Override {}");
        RepoMap map = map();
        assertThat(targets(map, "a/Use.java")).containsExactly("a/Override.java");
        assertThat(map.external()).extracting(ExternalRef::name).contains("java.lang.String", "java.lang.Integer")
                .doesNotContain("java.lang.Override");
    }

    @Test
    void unresolvedNamesAreKeptAsExternal() throws Exception {
        write(root, SRC + "a/Use.java", "package a;\nimport org.lib.Thing;\nimport org.other.*;\n"
                + "class Use extends Thing implements Mystery { }");
        RepoMap map = map();
        assertThat(map.edges()).isEmpty();
        assertThat(map.external()).contains(
                new ExternalRef(SRC + "a/Use.java", "org.lib.Thing", EdgeKind.IMPORT, 1),
                new ExternalRef(SRC + "a/Use.java", "org.lib.Thing", EdgeKind.EXTENDS, 1),
                new ExternalRef(SRC + "a/Use.java", "org.other.*", EdgeKind.IMPORT, 1),
                new ExternalRef(SRC + "a/Use.java", "Mystery", EdgeKind.IMPLEMENTS, 1));
    }

    @Test
    void typeParametersAreNotDependencies() throws Exception {
        write(root, SRC + "a/T.java", "package a; class T {}");
        write(root, SRC + "a/E.java", "package a; class E {}");
        write(root, SRC + "a/Box.java", "package a; class Box<T> { T value; <E> E first(java.util.List<E> l) { return null; } }");
        RepoMap map = map();
        assertThat(targets(map, "a/Box.java")).isEmpty();
    }

    @Test
    void qualifiersThatAreVariablesAreNotTypes() throws Exception {
        write(root, SRC + "a/Util.java", "package a; public class Util { public static int twice(int x) { return 2 * x; } }");
        write(root, SRC + "a/Counter.java", "package a; class Counter { int size() { return 0; } }");
        write(root, SRC + "a/Use.java", "package a; class Use { Object Counter = null;\n"
                + "int f() { return Util.twice(1) + Counter.hashCode(); } }");
        RepoMap map = map();
        assertThat(targets(map, "a/Use.java")).containsExactly("a/Util.java");
    }

    @Test
    void annotationsCastsClassLiteralsMethodReferencesAndThrows() throws Exception {
        write(root, SRC + "a/Marker.java", "package a; public @interface Marker {}");
        write(root, SRC + "a/Shape.java", "package a; public class Shape { public static Shape of() { return null; } }");
        write(root, SRC + "a/Oops.java", "package a; public class Oops extends Exception {}");
        write(root, SRC + "a/Const.java", "package a; public class Const { public static final int N = 1; }");
        write(root, SRC + "b/Use.java", "package b;\nimport a.*;\nimport java.util.function.Supplier;\n"
                + "@Marker class Use {\n void f(Object o) throws Oops {\n"
                + "  Object c = Shape.class; boolean b = o instanceof Shape; Supplier<Shape> s = Shape::of;\n"
                + "  int n = Const.N; } }");
        RepoMap map = map();
        assertThat(edge(map, "b/Use.java", "a/Marker.java", EdgeKind.ANNOTATION).weight()).isEqualTo(1);
        assertThat(edge(map, "b/Use.java", "a/Shape.java", EdgeKind.REFERENCE).weight()).isEqualTo(4);
        assertThat(targets(map, "b/Use.java")).containsExactly("a/Const.java", "a/Marker.java", "a/Oops.java", "a/Shape.java");
    }

    @Test
    void anonymousClassesSeeTheMemberTypesOfTheirSupertype() throws Exception {
        write(root, SRC + "a/Task.java", "package a; public abstract class Task { public enum State { NEW } }");
        write(root, SRC + "b/Use.java", "package b;\nimport a.Task;\nclass Use { Object t = new Task() { State s; }; }");
        write(root, SRC + "b/State.java", "package b; class State {}");
        RepoMap map = map();
        assertThat(targets(map, "b/Use.java")).containsExactly("a/Task.java");
    }

    @Test
    void chainedCallsAddTheTypesOfIntermediateReceivers() throws Exception {
        write(root, SRC + "a/Shop.java", "package a; public class Shop { public Cart cart() { return null; }"
                + " public static Shop open() { return null; } }");
        write(root, SRC + "a/Cart.java", "package a; public class Cart { public Line first; public int size() { return 0; } }");
        write(root, SRC + "a/Line.java", "package a; public class Line { public void drop() { } }");
        write(root, SRC + "a/Box.java", "package a; public class Box<T> { public T get() { return null; } }");
        write(root, SRC + "b/Use.java", "package b;\nimport a.Shop;\nimport a.Box;\n"
                + "class Use { Shop shop; Box<Shop> box;\n"
                + " int f() { shop.cart().first.drop(); box.get().cart(); return Shop.open().cart().size(); } }");
        RepoMap map = map();
        assertThat(targets(map, "b/Use.java")).containsExactly("a/Box.java", "a/Cart.java", "a/Line.java", "a/Shop.java");
        assertThat(edge(map, "b/Use.java", "a/Cart.java", EdgeKind.REFERENCE).weight()).isEqualTo(2);
    }

    @Test
    void usedCallValuesForEachIteratorsOverloadsInheritedFieldsAndStaticImports() throws Exception {
        write(root, SRC + "a/Items.java", "package a; public class Items implements Iterable<String> {"
                + " public Cursor iterator() { return null; } }");
        write(root, SRC + "a/Cursor.java", "package a; public abstract class Cursor implements java.util.Iterator<String> {}");
        write(root, SRC + "a/Tag.java", "package a; public class Tag {}");
        write(root, SRC + "a/Label.java", "package a; public class Label {}");
        write(root, SRC + "a/Maker.java", "package a; public class Maker {"
                + " public static Tag make(int a) { return null; } public static Label make(int a, int b) { return null; }"
                + " public static Items items() { return null; } }");
        write(root, SRC + "a/Base.java", "package a; public class Base { protected Items held; }");
        write(root, SRC + "a/Unused.java", "package a; public class Unused { public static Unused drop() { return null; } }");
        write(root, SRC + "b/Use.java", "package b;\nimport static a.Maker.items;\nimport a.Maker;\nimport a.Base;\n"
                + "import a.Unused;\nclass Use extends Base {\n"
                + " Object f() { for (String s : held) { } Unused.drop(); Object o = items(); return Maker.make(1, 2); } }");
        RepoMap map = map();
        // Cursor: iterator() of the inherited field's type; Items: the field's type owns iterator(),
        // and items() is used; Label: the two-argument overload; not Tag (one argument)
        assertThat(targets(map, "b/Use.java")).containsExactly("a/Base.java", "a/Cursor.java", "a/Items.java",
                "a/Label.java", "a/Maker.java", "a/Unused.java");
        assertThat(edge(map, "b/Use.java", "a/Unused.java", EdgeKind.REFERENCE).weight()).isEqualTo(1);
    }

    @Test
    void calleeParameterTypesAreDependenciesOfTheCaller() throws Exception {
        write(root, SRC + "a/Spec.java", "package a; public class Spec {}");
        write(root, SRC + "a/Detail.java", "package a; public class Detail extends Spec {}");
        write(root, SRC + "a/Plan.java", "package a; public class Plan {}");
        write(root, SRC + "a/Holder.java", "package a; public class Holder { public Holder(Spec s) { }"
                + " public void put(Plan p) { } public void put(Plan p, int n) { } public void put(String a, String b) { } }");
        write(root, SRC + "b/Use.java", "package b;\nimport a.Holder;\n"
                + "class Use extends Holder {\n Use() { super(null); }\n"
                + " void f(Holder h) { new Holder(null).put(null); h.put(\"x\", \"y\"); } }");
        RepoMap map = map();
        // Spec: the constructor's parameter, through new Holder(null) and super(null); Plan: put/1;
        // put/2 has overloads that disagree on the first parameter, so nothing from them
        assertThat(targets(map, "b/Use.java")).containsExactly("a/Holder.java", "a/Plan.java", "a/Spec.java");
        assertThat(edge(map, "b/Use.java", "a/Spec.java", EdgeKind.REFERENCE).weight()).isEqualTo(2);
    }
}
