package dev.cofferdam.app.ui.walls;

import dev.cofferdam.vm.policy.Rule;
import dev.cofferdam.vm.policy.RuleAction;
import dev.cofferdam.vm.policy.Tier;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/** The policy picker: three tiers, the Balanced list, the rule editor and "check a host". */
final class PolicyPane extends VBox {
    private final PolicyViewModel vm;
    private final ToggleGroup tiers = new ToggleGroup();

    PolicyPane(PolicyViewModel vm) {
        this.vm = vm;
        getStyleClass().add("policy-pane");
        setSpacing(6);
        Label title = new Label();
        title.textProperty().bind(vm.scopeLabelProperty().map(s -> "Network policy — " + s));
        title.getStyleClass().add("walls-title");
        getChildren().add(title);
        for (Tier t : Tier.values()) {
            getChildren().add(tier(t));
        }
        vm.tierProperty().addListener((o, was, now) -> select(now));
        select(vm.tierProperty().get());
        Hyperlink balanced = new Hyperlink("View the Balanced list (" + vm.balancedVersion() + ")");
        balanced.setId("viewBalanced");
        balanced.setOnAction(e -> showBalanced());
        getChildren().addAll(balanced, rulesSection(), checkSection());
        Label error = new Label();
        error.getStyleClass().add("error-text");
        error.textProperty().bind(vm.errorProperty());
        error.managedProperty().bind(vm.errorProperty().isNotEmpty());
        getChildren().add(error);
    }

    private HBox tier(Tier t) {
        RadioButton b = new RadioButton(switch (t) {
            case LOCKED_DOWN -> "Locked Down";
            case BALANCED -> "Balanced";
            case OPEN -> "Open";
        });
        b.setId("tier-" + t.id());
        b.setToggleGroup(tiers);
        b.setUserData(t);
        b.setOnAction(e -> vm.setTier(t));
        b.setMinWidth(112);
        Label line = new Label(PolicyViewModel.explain(t));
        line.getStyleClass().addAll("muted", "tier-explain");
        line.setWrapText(true);
        line.setOnMouseClicked(e -> b.fire());
        HBox row = new HBox(4, b, line);
        row.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        return row;
    }

    private void select(Tier t) {
        tiers.getToggles().stream().filter(x -> x.getUserData() == t).findFirst().ifPresent(tiers::selectToggle);
    }

    private VBox rulesSection() {
        Label head = new Label("Custom rules (deny wins over allow)");
        head.getStyleClass().add("details-section");
        ListView<Rule> list = new ListView<>(vm.rules());
        list.setId("rules");
        list.setPrefHeight(72);
        list.setPlaceholder(new Label("No custom rules"));
        list.setCellFactory(v -> new RuleCell());
        ChoiceBox<RuleAction> action = new ChoiceBox<>(FXCollections.observableArrayList(RuleAction.values()));
        action.setConverter(new StringConverter<>() {
            @Override
            public String toString(RuleAction a) {
                return a == null ? "" : a.id();
            }

            @Override
            public RuleAction fromString(String s) {
                return RuleAction.valueOf(s.toUpperCase(java.util.Locale.ROOT));
            }
        });
        action.valueProperty().bindBidirectional(vm.actionProperty());
        TextField rule = new TextField();
        rule.setId("ruleInput");
        rule.setPromptText("api.example.com, *.example.com, **.example.com:8443, 203.0.113.0/24");
        rule.textProperty().bindBidirectional(vm.ruleTextProperty());
        rule.setOnAction(e -> vm.addRule());
        HBox.setHgrow(rule, Priority.ALWAYS);
        Button add = new Button("Add");
        add.setId("addRule");
        add.setOnAction(e -> vm.addRule());
        add.disableProperty().bind(vm.ruleCheckProperty().map(RuleCheck::isError));
        Label feedback = new Label();
        feedback.setId("ruleFeedback");
        feedback.setWrapText(true);
        Runnable show = () -> {
            RuleCheck c = vm.ruleCheckProperty().get();
            feedback.setText(c.isError() ? "✗ " + c.message() + "\n" + pointer(vm.ruleTextProperty().get(), c.column())
                    : c.message());
            feedback.getStyleClass().removeAll("error-text", "warning-text");
            if (!c.message().isEmpty()) {
                feedback.getStyleClass().add(c.isError() ? "error-text" : "warning-text");
            }
        };
        // the same error at the same column is an equal RuleCheck: redraw on every edit of the text too
        vm.ruleCheckProperty().addListener((o, was, c) -> show.run());
        vm.ruleTextProperty().addListener((o, was, t) -> show.run());
        feedback.managedProperty().bind(feedback.textProperty().isNotEmpty());
        return new VBox(4, head, list, new HBox(4, action, rule, add), feedback);
    }

    /** The rule with a caret under the column of the error. */
    private static String pointer(String text, int column) {
        if (text == null || column < 1) {
            return "";
        }
        return text + "\n" + " ".repeat(Math.min(column - 1, text.length())) + "^ column " + column;
    }

    private VBox checkSection() {
        Label head = new Label("Check a host");
        head.getStyleClass().add("details-section");
        TextField host = new TextField();
        host.setId("checkHost");
        host.setPromptText("host[:port], e.g. api.anthropic.com or 203.0.113.7:22");
        host.textProperty().bindBidirectional(vm.hostTextProperty());
        host.setOnAction(e -> vm.check());
        HBox.setHgrow(host, Priority.ALWAYS);
        Button check = new Button("Check");
        check.setId("checkButton");
        check.setOnAction(e -> vm.check());
        Label result = new Label();
        result.setId("checkResult");
        result.setWrapText(true);
        vm.checkResultProperty().addListener((o, was, r) -> {
            result.getStyleClass().removeAll("decision-allow", "decision-deny", "error-text");
            if (r == null) {
                result.setText("");
                return;
            }
            if (!r.valid()) {
                result.setText(r.headline());
                result.getStyleClass().add("error-text");
                return;
            }
            result.setText(r.headline() + "\nrule: " + r.rule() + "\n" + r.reason());
            result.getStyleClass().add(r.allowed() ? "decision-allow" : "decision-deny");
        });
        return new VBox(4, head, new HBox(4, host, check), result);
    }

    private void showBalanced() {
        TextArea text = new TextArea(vm.balancedText());
        text.setEditable(false);
        text.setId("balancedText");
        text.getStyleClass().add("mono");
        text.setPrefSize(640, 480);
        Alert a = new Alert(Alert.AlertType.INFORMATION, "", ButtonType.CLOSE);
        a.setTitle("Balanced allowlist " + vm.balancedVersion());
        a.setHeaderText("The Balanced allowlist as shipped (version " + vm.balancedVersion() + ")");
        a.getDialogPane().setContent(text);
        a.initOwner(getScene() == null ? null : getScene().getWindow());
        a.show();
    }

    /** One rule with a remove button. */
    private final class RuleCell extends ListCell<Rule> {
        @Override
        protected void updateItem(Rule r, boolean empty) {
            super.updateItem(r, empty);
            if (empty || r == null) {
                setText(null);
                setGraphic(null);
                return;
            }
            Label text = new Label(r.line());
            text.getStyleClass().add(r.action() == RuleAction.DENY ? "decision-deny" : "decision-allow");
            HBox.setHgrow(text, Priority.ALWAYS);
            text.setMaxWidth(Double.MAX_VALUE);
            Button rm = new Button("✕");
            rm.getStyleClass().add("small-button");
            rm.setOnAction(e -> vm.removeRule(r));
            HBox row = new HBox(6, text, rm);
            row.setPadding(new Insets(0));
            setText(null);
            setGraphic(row);
        }
    }
}
