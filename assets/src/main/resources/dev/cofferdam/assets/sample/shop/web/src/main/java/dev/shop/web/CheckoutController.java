package dev.shop.web;

import dev.shop.core.Order;
import dev.shop.core.OrderMapper;
import dev.shop.core.OrderService;
import dev.shop.payments.PaymentService;
import java.util.List;

/** POST /checkout: places the order and charges it in one step. */
public final class CheckoutController {
    private final OrderService orders;
    private final PaymentService payments;

    public CheckoutController(OrderService orders, PaymentService payments) {
        this.orders = orders;
        this.payments = payments;
    }

    public Response checkout(String customerId, List<String> skus, String cardToken) {
        try {
            Order order = orders.placeOrder(customerId, skus);
            payments.charge(order.id(), cardToken);
            return Response.ok(JsonWriter.order(OrderMapper.toDto(order)));
        } catch (IllegalArgumentException | IllegalStateException e) {
            return Response.badRequest(e.getMessage());
        }
    }
}
