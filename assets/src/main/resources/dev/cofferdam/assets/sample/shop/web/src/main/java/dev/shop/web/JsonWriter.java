package dev.shop.web;

import dev.shop.api.Money;
import dev.shop.api.OrderDto;

/** Writes the few JSON shapes the shop needs, without a library. */
public final class JsonWriter {
    private JsonWriter() {
    }

    public static String order(OrderDto order) {
        StringBuilder b = new StringBuilder("{\"id\":").append(quote(order.id()))
                .append(",\"status\":").append(quote(order.status()))
                .append(",\"total\":").append(money(order.total()))
                .append(",\"lines\":[");
        for (int i = 0; i < order.lines().size(); i++) {
            OrderDto.Line line = order.lines().get(i);
            b.append(i == 0 ? "" : ",").append("{\"sku\":").append(quote(line.product().sku()))
                    .append(",\"quantity\":").append(line.quantity()).append('}');
        }
        return b.append("]}").toString();
    }

    public static String money(Money m) {
        return "{\"amount\":\"" + m.amount().toPlainString() + "\",\"currency\":" + quote(m.currency()) + "}";
    }

    public static String error(String message) {
        return "{\"error\":" + quote(message) + "}";
    }

    static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
