package dev.flows.run;

import java.util.List;
import java.util.stream.Collectors;

/** A page-health problem (an HTTP error page, a failed request, a dialog) that its {@link HealthPolicy} turns into a failure. */
final class PageHealthFailure extends RuntimeException {

    PageHealthFailure(String message) {
        super(message);
    }

    static PageHealthFailure of(List<PageHealth.Problem> problems) {
        String said = problems.stream().map(PageHealth.Problem::description).distinct().collect(Collectors.joining("\n"));
        String setting = switch (problems.get(0).kind()) {
            case "http" -> "httpErrors";
            case "request" -> "failedRequests";
            default -> "dialogs";
        };
        return new PageHealthFailure(said + "\n(a shop defect; to tolerate it: Run.Builder." + setting
                + "(HealthPolicy.failStep().allow(\"<regex>\")), HealthPolicy.degrade() or HealthPolicy.ignore())");
    }
}
