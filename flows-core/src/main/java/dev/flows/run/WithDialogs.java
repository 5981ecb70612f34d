package dev.flows.run;

import dev.flows.browser.Dialog;

import java.util.List;
import java.util.stream.Collectors;

/** Another step failure, with the dialogs the page had opened: the classifier puts them below its cause. */
final class WithDialogs extends RuntimeException {

    WithDialogs(Throwable cause, List<Dialog> dialogs) {
        super("dialogs the page opened: " + dialogs.stream().map(Dialog::toString).collect(Collectors.joining(", ")), cause);
    }
}
