package dev.cofferdam.app.ui;

import dev.cofferdam.engine.map.Edge;
import dev.cofferdam.engine.map.EdgeKind;
import dev.cofferdam.engine.map.ExternalRef;
import dev.cofferdam.engine.map.JavaType;
import dev.cofferdam.engine.map.Module;
import dev.cofferdam.engine.map.ModuleKind;
import dev.cofferdam.engine.map.RepoMap;
import dev.cofferdam.engine.map.SourceFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A hand-built map shaped like the sample shop (four modules, a cycle in core), for tests of the
 * view models and views that must not depend on the engine's analysis.
 */
public final class TestMaps {
    public static final String MONEY = "api/src/main/java/dev/shop/api/Money.java";
    public static final String ORDER_API = "api/src/main/java/dev/shop/api/OrderApi.java";
    public static final String PAYMENT_API = "api/src/main/java/dev/shop/api/PaymentApi.java";
    public static final String ORDER = "core/src/main/java/dev/shop/core/Order.java";
    public static final String ORDER_LINE = "core/src/main/java/dev/shop/core/OrderLine.java";
    public static final String ORDER_SERVICE = "core/src/main/java/dev/shop/core/OrderService.java";
    public static final String INVENTORY = "core/src/main/java/dev/shop/core/Inventory.java";
    public static final String PRICING = "core/src/main/java/dev/shop/core/PricingRules.java";
    public static final String ORDER_SERVICE_TEST = "core/src/test/java/dev/shop/core/OrderServiceTest.java";
    public static final String PAYMENT_SERVICE = "payments/src/main/java/dev/shop/payments/PaymentService.java";
    public static final String REFUNDS = "payments/src/main/java/dev/shop/payments/Refunds.java";
    public static final String PAYMENT_SERVICE_TEST = "payments/src/test/java/dev/shop/payments/PaymentServiceTest.java";
    public static final String CHECKOUT = "web/src/main/java/dev/shop/web/CheckoutController.java";
    public static final String ORDER_CONTROLLER = "web/src/main/java/dev/shop/web/OrderController.java";

    private TestMaps() {
    }

    public static RepoMap shop(Path root) {
        List<SourceFile> files = new ArrayList<>(List.of(
                file(MONEY, 60, false, "@shop/api-guild"), file(ORDER_API, 12, false, "@shop/api-guild"),
                file(PAYMENT_API, 8, false, "@shop/api-guild"), file(ORDER, 70, false, "@alice"),
                file(ORDER_LINE, 15, false, "@alice"), file(ORDER_SERVICE, 80, false, "@alice"),
                file(INVENTORY, 40, false, "@alice"), file(PRICING, 30, false, "@alice"),
                file(ORDER_SERVICE_TEST, 25, true, "@dana"), file(PAYMENT_SERVICE, 50, false, "@bob"),
                file(REFUNDS, 30, false, "@bob"), file(PAYMENT_SERVICE_TEST, 30, true, "@dana"),
                file(CHECKOUT, 30, false, "@carol"), file(ORDER_CONTROLLER, 30, false, "@carol")));
        files.sort((a, b) -> a.path().compareTo(b.path()));
        List<Module> modules = List.of(
                module("api", 3, 80, "@shop/api-guild"), module("core", 6, 260, "@alice"),
                module("payments", 3, 110, "@bob"), module("web", 2, 60, "@carol"));
        List<Edge> edges = List.of(
                edge(ORDER, MONEY, 3), edge(ORDER, ORDER_LINE, 2), edge(ORDER_LINE, MONEY, 1),
                edge(ORDER_SERVICE, ORDER, 5), edge(ORDER_SERVICE, INVENTORY, 2), edge(INVENTORY, ORDER_SERVICE, 1),
                edge(ORDER_SERVICE, PRICING, 1), edge(ORDER_SERVICE, ORDER_API, 1), edge(PRICING, ORDER, 2),
                edge(PRICING, MONEY, 2), edge(ORDER_SERVICE_TEST, ORDER_SERVICE, 3), edge(ORDER_SERVICE_TEST, ORDER, 1),
                edge(PAYMENT_SERVICE, ORDER, 2), edge(PAYMENT_SERVICE, MONEY, 1), edge(PAYMENT_SERVICE, PAYMENT_API, 1),
                edge(REFUNDS, ORDER, 1), edge(REFUNDS, MONEY, 1), edge(PAYMENT_SERVICE_TEST, PAYMENT_SERVICE, 2),
                edge(CHECKOUT, ORDER_SERVICE, 2), edge(CHECKOUT, PAYMENT_SERVICE, 1), edge(CHECKOUT, ORDER, 1),
                edge(ORDER_CONTROLLER, ORDER_API, 2));
        List<JavaType> types = List.of(
                new JavaType("dev.shop.api.Money", MONEY, "record"), new JavaType("dev.shop.core.Order", ORDER, "class"),
                new JavaType("dev.shop.core.OrderService", ORDER_SERVICE, "class"),
                new JavaType("dev.shop.payments.PaymentService", PAYMENT_SERVICE, "class"));
        List<ExternalRef> external = List.of(new ExternalRef(MONEY, "java.math.BigDecimal", EdgeKind.IMPORT, 4));
        return new RepoMap(root.toString(), modules, files, types, edges, List.of(), external,
                List.of(List.of(INVENTORY, ORDER_SERVICE)));
    }

    private static SourceFile file(String path, int loc, boolean test, String owner) {
        return new SourceFile(path, path.substring(0, path.indexOf('/')), "java", loc, test, false, List.of(owner), List.of());
    }

    private static Module module(String id, int files, int loc, String owner) {
        return new Module(id, "shop-" + id, ModuleKind.MAVEN, id, files, loc, List.of(owner));
    }

    private static Edge edge(String from, String to, int weight) {
        return new Edge(from, to, EdgeKind.IMPORT, weight);
    }
}
