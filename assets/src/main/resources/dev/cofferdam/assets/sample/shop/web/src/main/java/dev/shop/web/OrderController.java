package dev.shop.web;

import dev.shop.api.OrderApi;
import java.util.List;

/** GET /orders/{id}, GET /orders?recent=N, POST /orders. */
public final class OrderController {
    private final OrderApi orders;

    public OrderController(OrderApi orders) {
        this.orders = orders;
    }

    public Response get(String id) {
        return orders.find(id).map(o -> Response.ok(JsonWriter.order(o))).orElse(Response.notFound());
    }

    public Response recent(int limit) {
        List<String> json = orders.recent(limit).stream().map(JsonWriter::order).toList();
        return Response.ok("[" + String.join(",", json) + "]");
    }

    public Response place(String customerId, List<String> skus) {
        try {
            return Response.ok(JsonWriter.order(orders.place(customerId, skus)));
        } catch (IllegalArgumentException | IllegalStateException e) {
            return Response.badRequest(e.getMessage());
        }
    }
}
