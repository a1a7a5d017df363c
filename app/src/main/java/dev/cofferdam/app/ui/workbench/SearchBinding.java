package dev.cofferdam.app.ui.workbench;

import dev.cofferdam.app.ui.search.SearchEntry;
import dev.cofferdam.app.ui.search.SearchIndex;
import java.util.List;
import javafx.scene.control.TextField;
import org.controlsfx.control.textfield.AutoCompletionBinding;
import org.controlsfx.control.textfield.TextFields;

/** Auto-completion of the search field over the open map; Enter takes the best suggestion. */
final class SearchBinding {
    private static final int SUGGESTIONS = 12;

    private final TextField field;
    private final WorkbenchViewModel vm;

    SearchBinding(TextField field, WorkbenchViewModel vm) {
        this.field = field;
        this.vm = vm;
    }

    void install() {
        AutoCompletionBinding<SearchEntry> binding = TextFields.bindAutoCompletion(field,
                request -> suggest(request.getUserText()));
        binding.setVisibleRowCount(SUGGESTIONS);
        binding.setPrefWidth(520);
        binding.setOnAutoCompleted(e -> {
            vm.pick(e.getCompletion());
            field.clear();
        });
        field.setOnAction(e -> {
            List<SearchEntry> best = suggest(field.getText());
            if (!best.isEmpty()) {
                vm.pick(best.get(0));
                field.clear();
            }
        });
    }

    private List<SearchEntry> suggest(String text) {
        SearchIndex index = vm.searchProperty().get();
        return index == null ? List.of() : index.suggest(text, SUGGESTIONS);
    }
}
