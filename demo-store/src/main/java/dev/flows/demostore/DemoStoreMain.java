package dev.flows.demostore;

import java.util.concurrent.CountDownLatch;

/**
 * Runs a live and a fallback demo store (and a canary with {@code --canary}) on 127.0.0.1 until Ctrl-C.
 *
 * <pre>{@code java -cp ... dev.flows.demostore.DemoStoreMain --live-port 8080 --fallback-port 8081}</pre>
 */
public final class DemoStoreMain {

    private DemoStoreMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        int livePort = 0;
        int fallbackPort = 0;
        DemoStore.Shape shape = DemoStore.Shape.CLASSIC;
        DemoStore.CheckoutFlow checkout = DemoStore.CheckoutFlow.SHORT;
        CanaryRelease canary = null;
        int canaryPort = 0;
        try {
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--live-port" -> livePort = port(args, ++i);
                    case "--fallback-port" -> fallbackPort = port(args, ++i);
                    case "--shape" -> shape = DemoStore.Shape.of(value(args, ++i));
                    case "--checkout" -> checkout = DemoStore.CheckoutFlow.of(value(args, ++i));
                    case "--canary" -> canary = CanaryRelease.named(++i < args.length ? args[i] : "");
                    case "--canary-port" -> canaryPort = port(args, ++i);
                    case "--help", "-h" -> {
                        System.out.println(usage());
                        return;
                    }
                    default -> throw new IllegalArgumentException("unknown argument: " + args[i]);
                }
            }
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(usage());
            System.exit(2);
            return;
        }
        DemoStore live = DemoStore.builder().name("live").port(livePort).shape(shape).checkoutFlow(checkout).start();
        DemoStore fallback = DemoStore.builder().name("fallback").port(fallbackPort).shape(shape).checkoutFlow(checkout)
                .adminToken(live.adminToken()).start();
        DemoStore canaryStore = canary == null ? null
                : DemoStore.builder().name("canary").port(canaryPort).shape(shape).checkoutFlow(checkout)
                .adminToken(live.adminToken()).release(canary).start();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            live.close();
            fallback.close();
            if (canaryStore != null) {
                canaryStore.close();
            }
            stopped.countDown();
        }, "demo-store-shutdown"));
        System.out.println("live:        " + live.baseUrl());
        System.out.println("fallback:    " + fallback.baseUrl());
        if (canaryStore != null) {
            System.out.println("canary:      " + canaryStore.baseUrl());
        }
        System.out.println("admin token: " + live.adminToken() + "  (header X-Admin-Token, both instances)");
        System.out.println("Ctrl-C stops them.");
        stopped.await();
    }

    private static String value(String[] args, int i) {
        if (i >= args.length) {
            throw new IllegalArgumentException(args[i - 1] + " needs a value");
        }
        return args[i];
    }

    private static int port(String[] args, int i) {
        if (i >= args.length) {
            throw new IllegalArgumentException(args[i - 1] + " needs a port number");
        }
        try {
            int port = Integer.parseInt(args[i]);
            if (port < 0 || port > 65535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(args[i - 1] + " must be a port between 0 and 65535: " + args[i]);
        }
    }

    private static String usage() {
        return "usage: DemoStoreMain [--live-port N] [--fallback-port N] [--shape classic|single-page] [--checkout short|one-page]"
                + " [--canary healthy|slower|failing|repriced [--canary-port N]]"
                + "   (0 = any free port; binds 127.0.0.1 only)";
    }
}
