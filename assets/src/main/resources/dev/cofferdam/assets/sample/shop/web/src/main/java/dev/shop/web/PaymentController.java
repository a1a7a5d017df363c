package dev.shop.web;

import dev.shop.api.Money;
import dev.shop.api.PaymentApi;

/** POST /orders/{id}/payment and /orders/{id}/refund. */
public final class PaymentController {
    private final PaymentApi payments;

    public PaymentController(PaymentApi payments) {
        this.payments = payments;
    }

    public Response pay(String orderId, String cardToken) {
        try {
            return Response.ok("{\"reference\":" + JsonWriter.quote(payments.charge(orderId, cardToken)) + "}");
        } catch (IllegalStateException e) {
            return Response.badRequest(e.getMessage());
        }
    }

    public Response refund(String orderId, String amount) {
        payments.refund(orderId, Money.euros(amount));
        return Response.ok("{}");
    }
}
