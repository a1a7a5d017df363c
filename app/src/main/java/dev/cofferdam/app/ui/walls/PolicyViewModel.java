package dev.cofferdam.app.ui.walls;

import dev.cofferdam.app.ui.common.FxTasks;
import dev.cofferdam.app.ui.common.UiThreads;
import dev.cofferdam.vm.policy.BalancedAllowlist;
import dev.cofferdam.vm.policy.Decision;
import dev.cofferdam.vm.policy.Policy;
import dev.cofferdam.vm.policy.PolicyDocument;
import dev.cofferdam.vm.policy.PolicyException;
import dev.cofferdam.vm.policy.PolicyStore;
import dev.cofferdam.vm.policy.Rule;
import dev.cofferdam.vm.policy.RuleAction;
import dev.cofferdam.vm.policy.StorePolicySource;
import dev.cofferdam.vm.policy.Tier;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The policy picker: a tier, the custom allow/deny rules, "check a host". Live mode edits one
 * scope's policy file (global or a sandbox's) through {@link PolicyStore}; the proxy re-reads it
 * on every request, so a running sandbox gets the change at once. Draft mode (the launch dialog)
 * keeps the edits in memory until {@link #saveTo(String)}. FX thread only; file access runs on
 * the background executor.
 */
public final class PolicyViewModel {
    /** The result of "check a host". */
    public record CheckResult(boolean valid, boolean allowed, String headline, String rule, String reason) {
    }

    private final UiThreads threads;
    private final PolicyStore store;
    private final BalancedAllowlist balanced;
    private final ReadOnlyObjectWrapper<Tier> tier = new ReadOnlyObjectWrapper<>(Tier.BALANCED);
    private final ObservableList<Rule> rules = FXCollections.observableArrayList();
    private final ObjectProperty<RuleAction> action = new SimpleObjectProperty<>(RuleAction.ALLOW);
    private final StringProperty ruleText = new SimpleStringProperty("");
    private final ReadOnlyObjectWrapper<RuleCheck> ruleCheck = new ReadOnlyObjectWrapper<>(RuleCheck.EMPTY);
    private final StringProperty hostText = new SimpleStringProperty("");
    private final ReadOnlyObjectWrapper<CheckResult> checkResult = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper scopeLabel = new ReadOnlyStringWrapper("global");
    private boolean live;
    private String scope;
    private Optional<Tier> ownTier = Optional.empty();

    public PolicyViewModel(UiThreads threads, PolicyStore store, BalancedAllowlist balanced) {
        this.threads = threads;
        this.store = store;
        this.balanced = balanced;
        ruleText.addListener((o, was, now) -> ruleCheck.set(RuleCheck.of(action.get(), now)));
        action.addListener((o, was, now) -> ruleCheck.set(RuleCheck.of(now, ruleText.get())));
    }

    /** Edits the policy file of {@code sandbox} ({@code null}: the global file) directly. */
    public void edit(String sandbox) {
        live = true;
        scope = sandbox;
        scopeLabel.set(sandbox == null ? "global" : "sandbox " + sandbox);
        FxTasks.create(() -> store.read(sandbox))
                .onSuccess(this::show)
                .onError(PolicyException.class, e -> error.set(e.getMessage()))
                .runOnce(threads);
    }

    /** Starts an in-memory policy for a sandbox not created yet (tier Balanced, no rules). */
    public void draft() {
        live = false;
        scope = null;
        scopeLabel.set("new sandbox");
        show(PolicyDocument.EMPTY.withTier(Tier.BALANCED));
    }

    private void show(PolicyDocument doc) {
        error.set("");
        ownTier = doc.tier();
        tier.set(doc.tier().orElse(Tier.BALANCED));
        rules.setAll(doc.rules());
    }

    /** @return this scope's document as shown */
    public PolicyDocument document() {
        return new PolicyDocument(ownTier, List.copyOf(rules));
    }

    public void setTier(Tier t) {
        ownTier = Optional.of(t);
        tier.set(t);
        persist();
    }

    /** Adds the typed rule if it parses; otherwise the error (with its column) stays shown. */
    public boolean addRule() {
        RuleCheck check = RuleCheck.of(action.get(), ruleText.get());
        ruleCheck.set(check);
        if (check.rule().isEmpty()) {
            if (!check.isError()) {
                ruleCheck.set(new RuleCheck(Optional.empty(), 1, "column 1: empty rule", false));
            }
            return false;
        }
        Rule r = check.rule().get();
        if (rules.stream().anyMatch(x -> x.line().equals(r.line()))) {
            ruleCheck.set(new RuleCheck(Optional.empty(), 1, "already present: " + r.line(), false));
            return false;
        }
        rules.add(r);
        ruleText.set("");
        ruleCheck.set(check.warning() ? new RuleCheck(Optional.of(r), 0, check.message(), true) : RuleCheck.EMPTY);
        persist();
        return true;
    }

    public void removeRule(Rule r) {
        if (rules.remove(r)) {
            persist();
        }
    }

    private void persist() {
        if (!live) {
            return;
        }
        PolicyDocument doc = document();
        String s = scope;
        FxTasks.create(() -> {
            store.write(s, doc);
            return doc;
        }).onSuccess(d -> error.set(""))
                .onError(PolicyException.class, e -> error.set(e.getMessage()))
                .runOnce(threads);
    }

    /** Decides the typed host the way the proxy and {@code cofferdam policy check} do. */
    public void check() {
        HostTarget target;
        try {
            target = HostTarget.parse(hostText.get());
        } catch (IllegalArgumentException e) {
            checkResult.set(new CheckResult(false, false, e.getMessage(), "", ""));
            return;
        }
        boolean isLive = live;
        String s = scope;
        PolicyDocument draft = document();
        FxTasks.create(() -> {
            Policy p = isLive ? new StorePolicySource(store, balanced).policyFor(s) : draftPolicy(draft);
            return p.decide(target.host(), target.port());
        }).onSuccess(d -> checkResult.set(result(d, target)))
                .onError(PolicyException.class, e -> error.set(e.getMessage()))
                .runOnce(threads);
    }

    private Policy draftPolicy(PolicyDocument own) throws PolicyException {
        PolicyDocument global = store.read(null);
        List<Rule> all = new ArrayList<>(global.rules());
        all.addAll(own.rules());
        return new Policy(own.tier().orElse(global.tier().orElse(Tier.BALANCED)), all, balanced, null);
    }

    private static CheckResult result(Decision d, HostTarget t) {
        return new CheckResult(true, d.allowed(), d.verdict() + " " + t.host().authorityForm() + ":" + t.port(),
                d.rule().isEmpty() ? "(none)" : d.rule(), d.reason());
    }

    /** @return the shipped Balanced list, verbatim */
    public String balancedText() {
        return balanced.text();
    }

    public String balancedVersion() {
        return balanced.version();
    }

    public ReadOnlyObjectProperty<Tier> tierProperty() {
        return tier.getReadOnlyProperty();
    }

    public ObservableList<Rule> rules() {
        return rules;
    }

    public ObjectProperty<RuleAction> actionProperty() {
        return action;
    }

    public StringProperty ruleTextProperty() {
        return ruleText;
    }

    public ReadOnlyObjectProperty<RuleCheck> ruleCheckProperty() {
        return ruleCheck.getReadOnlyProperty();
    }

    public StringProperty hostTextProperty() {
        return hostText;
    }

    public ReadOnlyObjectProperty<CheckResult> checkResultProperty() {
        return checkResult.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty scopeLabelProperty() {
        return scopeLabel.getReadOnlyProperty();
    }

    /** One line per tier, for the picker. */
    public static String explain(Tier t) {
        return switch (t) {
            case LOCKED_DOWN -> "Nothing leaves the sandbox except hosts your own rules allow.";
            case BALANCED -> "Deny by default, plus a curated list: AI APIs, package registries, code hosts.";
            case OPEN -> "Every host allowed (private ranges still denied); still proxied and logged.";
        };
    }
}
