package dev.flows.heartbeat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The end ping as a last resort: a real child JVM that starts a run and exits before finishing it. */
class ShutdownHookTest {

    private static final String HC = "/hc/5f8b2c1e-0a7d-4c3b-9e21-6d4f8a9b0c1d";
    private static final String RID = Service.rid("child-run").toString();

    private final HeartbeatReceiver receiver = HeartbeatReceiver.start();

    @AfterEach
    void stop() {
        receiver.close();
    }

    private Result runChild(String how) throws Exception {
        String java = ProcessHandle.current().info().command()
                .orElse(System.getProperty("java.home") + File.separator + "bin" + File.separator + "java");
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                ExitingRun.class.getName(), receiver.url(HC), how)
                .redirectErrorStream(true)
                .start();
        boolean ended = child.waitFor(30, TimeUnit.SECONDS);
        if (!ended) {
            child.destroyForcibly();
        }
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(ended, "child JVM did not exit: " + output);
        return new Result(child.exitValue(), output);
    }

    private record Result(int exitCode, String output) {
    }

    @Test
    void systemExitMidRunSendsTheFailPing() throws Exception {
        Result child = runChild("exit");
        assertEquals(3, child.exitCode(), child.output());
        assertEquals(List.of("POST " + HC + "/start?rid=" + RID, "POST " + HC + "/fail?rid=" + RID),
                receiver.lines(), child.output());
        assertTrue(receiver.requests().get(1).body()
                .startsWith("Monitor broken: run interrupted: JVM exited before the run finished.\nrun child-run, "));
    }

    @Test
    void anExceptionOutOfMainSendsTheFailPing() throws Exception {
        Result child = runChild("throw");
        assertEquals(1, child.exitCode(), child.output());
        assertTrue(child.output().contains("journey code blew up"), child.output());
        assertEquals(List.of("POST " + HC + "/start?rid=" + RID, "POST " + HC + "/fail?rid=" + RID),
                receiver.lines(), child.output());
        assertTrue(receiver.requests().get(1).body()
                .startsWith("Monitor broken: run interrupted: JVM exited before the run finished."));
    }

    @Test
    void aFinishedRunLeavesNoHookBehind() throws Exception {
        Result child = runChild("finish");
        assertEquals(0, child.exitCode(), child.output());
        assertEquals(List.of("POST " + HC + "/start?rid=" + RID, "POST " + HC + "?rid=" + RID),
                receiver.lines(), child.output());
    }
}
