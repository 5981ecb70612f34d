package dev.flows.monitor;

import static dev.flows.browser.Messages.firstLine;

import dev.flows.browser.Durations;
import dev.flows.journey.Journey;
import dev.flows.run.Attempt;
import dev.flows.run.JourneyResult;
import dev.flows.run.RunListener;
import dev.flows.run.StepResult;
import dev.flows.site.Site;

import java.io.PrintStream;

/** Prints a line per step and per verdict while journeys run: "[live][playwright] guest checkout: step 3 'product' passed 1.2 s". */
final class ProgressPrinter implements RunListener {

    private final PrintStream out;

    ProgressPrinter(PrintStream out) {
        this.out = out;
    }

    @Override
    public void stepFinished(Journey journey, Site site, String engine, int attempt, StepResult step) {
        String verdict = step.passed() ? "passed" : "FAILED: " + firstLine(step.failure());
        out.println(prefix(site.name(), engine) + journey.name() + ": " + (attempt > 1 ? "attempt " + attempt + " " : "")
                + step.label() + " " + verdict + " " + Durations.say(step.took()));
    }

    @Override
    public void attemptFailed(Journey journey, Site site, String engine, Attempt attempt) {
        out.println(prefix(site.name(), engine) + journey.name() + ": attempt " + attempt.number() + " " + attempt.outcome()
                + ", trying again in a fresh page");
    }

    @Override
    public void journeyFinished(Journey journey, Site site, JourneyResult result) {
        out.println(prefix(site.name(), result.engine()) + journey.name() + ": " + result.outcome() + " "
                + Durations.say(result.took()));
    }

    private static String prefix(String site, String engine) {
        return "[" + site + "][" + engine + "] ";
    }

}
