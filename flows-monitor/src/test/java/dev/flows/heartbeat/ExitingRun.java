package dev.flows.heartbeat;

import java.time.Duration;

/**
 * A child JVM's main for {@link ShutdownHookTest}: starts a heartbeat run against the URL in args[0], then ends the
 * way args[1] says: "exit" (System.exit(3) mid-run), "throw" (an exception out of main), or "finish" (a normal
 * finish, then System.exit(0)).
 */
public final class ExitingRun {

    private ExitingRun() {
    }

    public static void main(String[] args) {
        Heartbeat heartbeat = Heartbeat.builder()
                .target(HeartbeatTarget.healthchecks(args[0]))
                .cap(Duration.ofSeconds(5))
                .build();
        HeartbeatRun run = heartbeat.start("child-run");
        switch (args[1]) {
            case "exit":
                System.exit(3);
                break;
            case "throw":
                throw new IllegalStateException("journey code blew up");
            case "finish":
                run.finish(Fixtures.PASSED);
                System.exit(0);
                break;
            default:
                throw new IllegalArgumentException(args[1]);
        }
    }
}
