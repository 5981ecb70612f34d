package dev.flows.testng;

import org.testng.ISuite;
import org.testng.ISuiteListener;

import java.util.Objects;

/**
 * Owns a suite's Flows session: creates the {@link FlowsSetup}, launches one browser per engine and sends the
 * heartbeat's start ping when the suite starts; when it ends, writes the Allure categories, environment and
 * executor, judges the results through the alert threshold, writes the disparity report, sends the finish ping
 * with the summary and closes the browsers. Its own failures
 * are logged and recorded for the tests to report, never thrown into TestNG.
 *
 * <pre>{@code
 * <suite name="shop" data-provider-thread-count="2">
 *   <parameter name="flows.setup" value="com.example.ShopSites"/>
 *   <listeners><listener class-name="dev.flows.testng.FlowsListener"/></listeners>
 *   <test name="journeys"><classes><class name="com.example.ShopJourneyTests"/></classes></test>
 * </suite>
 * }</pre>
 */
public final class FlowsListener implements ISuiteListener {

    /** The suite parameter (or system property) naming the {@link FlowsSetup} class. */
    public static final String SETUP_PARAMETER = "flows.setup";
    static final String FAILURE_ATTRIBUTE = FlowsListener.class.getName() + ".failure";

    private static final System.Logger LOG = System.getLogger(FlowsListener.class.getName());

    private final FlowsSetup given;

    /** For suite XML: the setup class comes from the parameter {@value #SETUP_PARAMETER}. */
    public FlowsListener() {
        this.given = null;
    }

    /** For suites built in code: this setup, already constructed. */
    public FlowsListener(FlowsSetup setup) {
        this.given = Objects.requireNonNull(setup, "setup");
    }

    @Override
    public void onStart(ISuite suite) {
        try {
            FlowsSetup setup = given != null ? given : create(suite);
            suite.setAttribute(FlowsSession.ATTRIBUTE, FlowsSession.start(setup));
        } catch (RuntimeException | LinkageError e) {
            LOG.log(System.Logger.Level.ERROR, "the Flows suite '" + suite.getName() + "' could not start", e);
            suite.setAttribute(FAILURE_ATTRIBUTE, e.getMessage());
        }
    }

    @Override
    public void onFinish(ISuite suite) {
        if (suite.removeAttribute(FlowsSession.ATTRIBUTE) instanceof FlowsSession session) {
            try {
                session.writeReportFiles();
            } catch (RuntimeException | Error e) {
                LOG.log(System.Logger.Level.WARNING, "could not write the Allure categories, environment or executor", e);
            }
            try {
                session.finish();
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "could not finish the suite's heartbeat and reports", e);
            }
            session.close();
        }
    }

    private static FlowsSetup create(ISuite suite) {
        String name = suite.getParameter(SETUP_PARAMETER);
        if (name == null || name.isBlank()) {
            name = System.getProperty(SETUP_PARAMETER);
        }
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("suite '" + suite.getName() + "' has no parameter " + SETUP_PARAMETER
                    + ": name a class that implements " + FlowsSetup.class.getName());
        }
        try {
            Class<?> type = Class.forName(name.strip(), true, Thread.currentThread().getContextClassLoader());
            if (!FlowsSetup.class.isAssignableFrom(type)) {
                throw new IllegalArgumentException(SETUP_PARAMETER + " " + name + " does not implement " + FlowsSetup.class.getName());
            }
            return (FlowsSetup) type.getConstructor().newInstance();
        } catch (ClassNotFoundException e) {
            throw new IllegalArgumentException(SETUP_PARAMETER + " names a class that is not on the classpath: " + name);
        } catch (NoSuchMethodException e) {
            throw new IllegalArgumentException(SETUP_PARAMETER + " " + name + " needs a public no-argument constructor");
        } catch (ReflectiveOperationException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new IllegalArgumentException(SETUP_PARAMETER + " " + name + " could not be created: " + cause, cause);
        }
    }
}
