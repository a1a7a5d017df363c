package dev.shop.core;

import dev.shop.api.OrderApi;
import dev.shop.api.OrderDto;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Places orders: reserves stock, prices them, stores them and tells listeners. */
public final class OrderService implements OrderApi {
    private final OrderRepository repository;
    private final Inventory inventory;
    private final PricingRules pricing;
    private final OrderEvents events;
    private final Map<String, Product> catalog;
    private final Map<String, Customer> customers;
    private final Clock clock;

    public OrderService(OrderRepository repository, Inventory inventory, PricingRules pricing, OrderEvents events,
                        Map<String, Product> catalog, Map<String, Customer> customers, Clock clock) {
        this.repository = repository;
        this.inventory = inventory;
        this.pricing = pricing;
        this.events = events;
        this.catalog = Map.copyOf(catalog);
        this.customers = Map.copyOf(customers);
        this.clock = clock;
        inventory.connect(this);
    }

    @Override
    public OrderDto place(String customerId, List<String> skus) {
        return OrderMapper.toDto(placeOrder(customerId, skus));
    }

    public Order placeOrder(String customerId, List<String> skus) {
        Customer customer = customers.get(customerId);
        if (customer == null) {
            throw new IllegalArgumentException("unknown customer " + customerId);
        }
        Order order = new Order(UUID.randomUUID().toString(), customer, clock.instant());
        for (String sku : skus) {
            Product product = catalog.get(sku);
            if (product == null || !inventory.reserve(product, 1)) {
                throw new IllegalStateException("not available: " + sku);
            }
            order.add(product, 1);
        }
        pricing.price(order);
        repository.save(order);
        events.changed(order);
        return order;
    }

    @Override
    public Optional<OrderDto> find(String orderId) {
        return repository.find(orderId).map(OrderMapper::toDto);
    }

    @Override
    public List<OrderDto> recent(int limit) {
        return repository.recent(limit).stream().map(OrderMapper::toDto).toList();
    }

    /** Called by the inventory when a product runs low. */
    void holdOrdersWith(Product product) {
        for (Order order : repository.open()) {
            if (order.lines().stream().anyMatch(l -> l.product().equals(product))) {
                order.moveTo(OrderStatus.ON_HOLD);
                events.changed(order);
            }
        }
    }
}
