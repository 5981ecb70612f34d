package dev.flows.allure;

import dev.flows.diagnostics.Diagnostics;
import dev.flows.run.Attempt;
import dev.flows.run.JourneyResult;
import dev.flows.run.Outcome;
import dev.flows.site.Site;
import io.qameta.allure.model.Attachment;
import io.qameta.allure.model.Label;
import io.qameta.allure.model.Parameter;
import io.qameta.allure.model.Stage;
import io.qameta.allure.model.Status;
import io.qameta.allure.model.StatusDetails;
import io.qameta.allure.model.StepResult;
import io.qameta.allure.model.TestResult;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * One journey's verdict on one site and engine, in Allure's words: every Flows step an Allure step with its timing,
 * the diagnostics bundle attached to the failing step, labels for site, role, engine and browser, and the Flows
 * outcome as an Allure status (FLAKY passed and marked flaky, DEGRADED passed and tagged, BROKEN broken).
 *
 * <pre>{@code
 * TestResult allure = new TestResult().setUuid(UUID.randomUUID().toString());
 * new AllureJourney(result, browser.describe()).applyTo(allure, writer::write);
 * writer.write(allure);
 * }</pre>
 */
public final class AllureJourney {

    /** The statusDetails message of a fallback failure whose live site passed starts with this. */
    public static final String FALLBACK_ONLY = "fallback only: ";

    // Labels this class owns: a test framework's adapter (allure-testng) sets its own, which would split the suites tree.
    private static final Set<String> OWNED_LABELS = Set.of("feature", "story", "parentSuite", "suite", "subSuite",
            "site", "role", "engine", "browser");

    private final JourneyResult result;
    private final String browser;

    /**
     * @param result   the verdict, with every step's start and duration
     * @param browser  the browser in words ({@code Browser.describe()}), or "" when unknown
     */
    public AllureJourney(JourneyResult result, String browser) {
        this.result = java.util.Objects.requireNonNull(result, "result");
        this.browser = browser == null ? "" : browser;
    }

    /** "guest checkout on live [playwright]": the result's name in the report. */
    public static String name(JourneyResult result) {
        return result.journey() + " on " + result.key().where();
    }

    /** Stable per journey, site and engine, so that history, trends and retries line up across runs. */
    public static String historyId(JourneyResult result) {
        return UUID.nameUUIDFromBytes(("flows|" + result.key().id()).getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString();
    }

    /** Fills {@code test} (a fresh one, or a test framework's current one) and writes the attachments. */
    public void applyTo(TestResult test, AttachmentWriter attachments) {
        test.setName(name(result));
        test.setFullName("flows." + result.feature() + "." + result.journey() + "." + result.site() + "." + result.engine());
        test.setHistoryId(historyId(result));
        test.setTestCaseId(historyId(result));
        test.setDescription(description());
        test.getLabels().removeIf(l -> OWNED_LABELS.contains(l.getName()));
        test.getLabels().addAll(labels());
        test.setParameters(new ArrayList<>(List.of(
                new Parameter().setName("site").setValue(result.site()),
                new Parameter().setName("role").setValue(result.role()),
                new Parameter().setName("engine").setValue(result.engine()))));
        test.setSteps(new ArrayList<>(steps(attachments)));
        test.setStatus(status(result.outcome()));
        test.setStatusDetails(statusDetails());
        test.setStage(Stage.FINISHED);
        test.setStart(result.started().toEpochMilli());
        test.setStop(result.started().plus(result.took()).toEpochMilli());
    }

    /** Marks a failure on a fallback site whose live ({@value Site#PRIMARY_ROLE}) site passed the same journey. */
    public static void markFallbackOnly(TestResult test, String primarySite) {
        StatusDetails details = test.getStatusDetails() == null ? new StatusDetails() : test.getStatusDetails();
        String message = String.valueOf(details.getMessage());
        if (!message.startsWith(FALLBACK_ONLY)) {
            details.setMessage(FALLBACK_ONLY + primarySite + " passed, this fallback failed\n" + message);
        }
        test.setStatusDetails(details);
        if (test.getLabels().stream().noneMatch(l -> "tag".equals(l.getName()) && "fallback-only".equals(l.getValue()))) {
            test.getLabels().add(new Label().setName("tag").setValue("fallback-only"));
        }
    }

    private List<Label> labels() {
        List<Label> labels = new ArrayList<>(List.of(
                label("feature", result.feature()),
                label("story", result.journey()),
                label("parentSuite", result.site() + " (" + result.role() + ")"),
                label("suite", result.feature()),
                label("subSuite", result.journey()),
                label("site", result.site()),
                label("role", result.role()),
                label("engine", result.engine()),
                label("tag", result.role()),
                label("tag", result.engine()),
                label("framework", "flows")));
        if (!browser.isEmpty()) {
            labels.add(label("browser", browser));
        }
        switch (result.outcome()) {
            case FLAKY -> labels.add(label("tag", "flaky"));
            case DEGRADED -> labels.add(label("tag", "degraded"));
            default -> {
            }
        }
        return labels;
    }

    private static Label label(String name, String value) {
        return new Label().setName(name).setValue(value);
    }

    private List<StepResult> steps(AttachmentWriter attachments) {
        List<Attempt> attempts = result.attempts();
        if (attempts.size() == 1) {
            return attemptSteps(attempts.get(0), attachments);
        }
        // Several attempts: one Allure step per attempt, so the first failure stays readable next to the retry.
        List<StepResult> steps = new ArrayList<>();
        for (Attempt attempt : attempts) {
            List<StepResult> children = attemptSteps(attempt, attachments);
            String verdict = attempt.failingStep().map(s -> attempt.outcome() + " at " + s.label()).orElse(attempt.outcome().name());
            StepResult step = new StepResult()
                    .setName("attempt " + attempt.number() + " of " + attempts.size() + ": " + verdict)
                    .setStatus(status(attempt.outcome()))
                    .setStage(Stage.FINISHED)
                    .setSteps(children);
            if (!children.isEmpty()) {
                step.setStart(children.get(0).getStart()).setStop(children.get(children.size() - 1).getStop());
            }
            if (attempt.failingStep().isEmpty() && attempt.failure() != null) {
                step.setStatusDetails(new StatusDetails().setMessage(attempt.failure()));
            }
            steps.add(step);
        }
        return steps;
    }

    private List<StepResult> attemptSteps(Attempt attempt, AttachmentWriter attachments) {
        List<StepResult> steps = new ArrayList<>();
        for (dev.flows.run.StepResult step : attempt.steps()) {
            StepResult allure = new StepResult()
                    .setName(step.label() + (step.overBudget() ? " (over its " + dev.flows.browser.Durations.say(step.budget()) + " budget)" : ""))
                    .setStage(Stage.FINISHED)
                    .setStart(step.started().toEpochMilli())
                    .setStop(step.stopped().toEpochMilli())
                    .setStatus(step.passed() ? Status.PASSED : status(attempt.outcome()));
            if (!step.passed()) {
                allure.setStatusDetails(new StatusDetails().setMessage(step.failure()).setTrace(attempt.failure()));
                allure.setAttachments(attach(attempt, attachments));
            }
            steps.add(allure);
        }
        if (attempt.steps().isEmpty() && attempt.failure() != null) {
            // Broken before step 1 (no browser, no page): the message is all there is.
            steps.add(new StepResult().setName("before step 1").setStage(Stage.FINISHED)
                    .setStatus(status(attempt.outcome()))
                    .setStatusDetails(new StatusDetails().setMessage(attempt.failure())));
        }
        return steps;
    }

    private List<Attachment> attach(Attempt attempt, AttachmentWriter writer) {
        List<Attachment> list = new ArrayList<>();
        if (attempt.failure() != null) {
            // The message travels in the result; the failure.txt beside the bundle is for people browsing the folder.
            byte[] message = (attempt.failure() + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
            write(Kind.FAILURE, () -> new java.io.ByteArrayInputStream(message), "the failure message", writer, list);
        }
        Diagnostics diagnostics = attempt.diagnostics();
        if (diagnostics != null) {
            for (Path file : diagnostics.files()) {
                write(Kind.of(file.getFileName().toString()), () -> Files.newInputStream(file), file.toString(), writer, list);
            }
        }
        return list;
    }

    private interface Content {
        InputStream open() throws IOException;
    }

    private static void write(Kind kind, Content content, String what, AttachmentWriter writer, List<Attachment> list) {
        String source = UUID.randomUUID() + "-attachment." + kind.extension;
        try (InputStream in = content.open()) {
            writer.write(source, in);
            list.add(new Attachment().setName(kind.title).setType(kind.type).setSource(source));
        } catch (IOException | RuntimeException e) {
            // A missing attachment must not lose the verdict: the message still names the folder.
            System.getLogger(AllureJourney.class.getName()).log(System.Logger.Level.WARNING,
                    "could not attach " + what + " to the Allure result: " + e.getMessage());
        }
    }

    private enum Kind {
        FAILURE("failure.txt", "failure message", "text/plain", "txt"),
        SCREENSHOT(Diagnostics.SCREENSHOT, "screenshot", "image/png", "png"),
        PAGE(Diagnostics.PAGE_SOURCE, "page source", "text/html", "html"),
        CONSOLE(Diagnostics.CONSOLE_ERRORS, "console errors", "text/plain", "txt"),
        REQUESTS(Diagnostics.FAILED_REQUESTS, "failed requests", "text/plain", "txt"),
        TRACE(Diagnostics.TRACE, "trace (trace.zip)", "application/zip", "zip"),
        OTHER("", "file", "application/octet-stream", "bin");

        final String file;
        final String title;
        final String type;
        final String extension;

        Kind(String file, String title, String type, String extension) {
            this.file = file;
            this.title = title;
            this.type = type;
            this.extension = extension;
        }

        static Kind of(String fileName) {
            for (Kind k : values()) {
                if (k.file.equals(fileName)) {
                    return k;
                }
            }
            return OTHER;
        }
    }

    static Status status(Outcome outcome) {
        return switch (outcome) {
            case PASSED, FLAKY, DEGRADED -> Status.PASSED;
            case FAILED -> Status.FAILED;
            case BROKEN -> Status.BROKEN;
        };
    }

    private StatusDetails statusDetails() {
        return switch (result.outcome()) {
            case PASSED -> null;
            case FLAKY -> new StatusDetails().setFlaky(true)
                    .setMessage("flaky: passed on attempt " + result.attempts().size() + " after: " + result.summaryLine())
                    .setTrace(result.message());
            case DEGRADED -> new StatusDetails()
                    .setMessage("degraded: " + String.join("; ", result.notes()));
            case FAILED, BROKEN -> new StatusDetails().setMessage(result.message());
        };
    }

    private String description() {
        String text = switch (result.outcome()) {
            case PASSED -> "";
            case DEGRADED -> String.join("\n", result.notes());
            default -> result.message();
        };
        return "**" + result.outcome() + "**: '" + result.journey() + "' on site " + result.site() + " (" + result.role()
                + ") with " + result.engine() + (browser.isEmpty() ? "" : ", " + browser)
                + (text.isEmpty() ? "" : "\n\n```\n" + text + "\n```");
    }
}
