package dev.shop.web;

import java.util.List;
import java.util.Map;

/** Maps a method and path to a controller call. */
public final class Routes {
    private final OrderController orders;
    private final PaymentController payments;
    private final CheckoutController checkout;

    public Routes(OrderController orders, PaymentController payments, CheckoutController checkout) {
        this.orders = orders;
        this.payments = payments;
        this.checkout = checkout;
    }

    public Response handle(String method, String path, Map<String, String> form) {
        String[] parts = path.split("/");
        if (method.equals("GET") && parts.length == 3 && parts[1].equals("orders")) {
            return orders.get(parts[2]);
        }
        if (method.equals("POST") && path.equals("/checkout")) {
            return checkout.checkout(form.get("customer"), List.of(form.get("skus").split(",")), form.get("card"));
        }
        if (method.equals("POST") && parts.length == 4 && parts[3].equals("payment")) {
            return payments.pay(parts[2], form.get("card"));
        }
        return Response.notFound();
    }
}
