package com.jorge.platform.perf.inference;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollEventLoopGroup;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpVersion;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * HTTP load on loopback, wrk2-style. {@code rate} mode sends at a fixed rate over keep-alive
 * connections and times each request from when it was due (so a stalled server is charged for the
 * requests it held up: no coordinated omission); {@code saturate} mode keeps {@code concurrency}
 * requests in flight and reports the throughput. Bounded in time; stops by itself.
 *
 * <pre>java ... HttpLoadGenerator rate|saturate URL MODEL_BODY(lead|embedding) RATE_OR_CONCURRENCY SECONDS [CONNECTIONS]</pre>
 */
public final class HttpLoadGenerator {

    private final String host;
    private final int port;
    private final String path;
    private final ByteBuf body;
    private final Recorder recorder = new Recorder(TimeUnit.SECONDS.toNanos(10), 3);
    private final AtomicLong ok = new AtomicLong();
    private final Map<Integer, AtomicLong> errors = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<Channel> idle = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<Long> backlog = new ConcurrentLinkedQueue<>();
    // one event loop, epoll where there is one: the generator shares the cores with the service, so it must stay light
    private static final boolean EPOLL = Epoll.isAvailable();
    private final EventLoopGroup group = EPOLL ? new EpollEventLoopGroup(1) : new NioEventLoopGroup(1);
    private volatile boolean closedLoop;
    private volatile boolean running = true;
    private volatile CpuWindow window;
    private static final long SATURATION_WARMUP_MILLIS = Long.getLong("warmup.seconds", 10) * 1000;

    private HttpLoadGenerator(String url, byte[] body) {
        java.net.URI uri = java.net.URI.create(url);
        this.host = uri.getHost();
        this.port = uri.getPort();
        this.path = uri.getPath();
        this.body = Unpooled.unreleasableBuffer(Unpooled.wrappedBuffer(body));
    }

    static byte[] body(String kind) {
        if (kind.equals("embedding")) {
            return ("{\"inputs\":[{\"name\":\"text\",\"shape\":[1],\"datatype\":\"BYTES\",\"data\":[\""
                    + EmbeddingBenchmark.QUERIES[0] + "\"]}]}").getBytes(StandardCharsets.UTF_8);
        }
        float[] row = LeadRows.encoded(1, 11);
        StringBuilder sb = new StringBuilder("{\"inputs\":[{\"name\":\"features\",\"shape\":[1," + row.length
                + "],\"datatype\":\"FP32\",\"data\":[");
        for (int i = 0; i < row.length; i++) {
            sb.append(i == 0 ? "" : ",").append(Float.toString(row[i]));
        }
        return sb.append("]}],\"outputs\":[{\"name\":\"probability\"}]}").toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Per connection: the due time of the request in flight. */
    private final class Client extends SimpleChannelInboundHandler<FullHttpResponse> {
        long due;

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, FullHttpResponse response) {
            long now = System.nanoTime();
            recorder.recordValue(Math.max(0, now - due));
            if (response.status().code() == 200) {
                ok.incrementAndGet();
            } else {
                errors.computeIfAbsent(response.status().code(), c -> new AtomicLong()).incrementAndGet();
            }
            if (!running) {
                return;
            }
            if (closedLoop) {
                send(ctx.channel(), System.nanoTime());
                return;
            }
            Long waiting = backlog.poll();
            if (waiting != null) {
                send(ctx.channel(), waiting);
            } else {
                idle.add(ctx.channel());
            }
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            errors.computeIfAbsent(-1, c -> new AtomicLong()).incrementAndGet();
            ctx.close();
        }
    }

    private void send(Channel channel, long due) {
        channel.pipeline().get(Client.class).due = due;
        FullHttpRequest request = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.POST, path, body.duplicate());
        request.headers().set(HttpHeaderNames.HOST, host);
        request.headers().set(HttpHeaderNames.CONTENT_TYPE, "application/json");
        request.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, body.readableBytes());
        request.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
        channel.writeAndFlush(request);
    }

    private List<Channel> connect(int n) throws InterruptedException {
        Bootstrap b = new Bootstrap().group(group).channel(EPOLL ? EpollSocketChannel.class : NioSocketChannel.class)
                .option(ChannelOption.TCP_NODELAY, true)
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline().addLast(new HttpClientCodec(), new HttpObjectAggregator(4 << 20), new Client());
                    }
                });
        List<Channel> channels = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            channels.add(b.connect(host, port).sync().channel());
        }
        return channels;
    }

    private Histogram runRate(int rate, int seconds, int connections) throws InterruptedException {
        idle.addAll(connect(connections));
        long interval = 1_000_000_000L / rate;
        long start = System.nanoTime();
        long end = start + TimeUnit.SECONDS.toNanos(seconds);
        recorder.reset();
        for (long due = start; due < end; due += interval) {
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            Channel c = idle.poll();
            if (c != null) {
                send(c, due);
            } else {
                backlog.add(due); // all connections busy: it waits, and its wait is counted
            }
        }
        drain();
        return recorder.getIntervalHistogram();
    }

    private Histogram runSaturation(int concurrency, int seconds) throws InterruptedException {
        closedLoop = true;
        List<Channel> channels = connect(concurrency);
        for (Channel c : channels) {
            send(c, System.nanoTime());
        }
        // warm-up at full load, not recorded: the server's JIT compiles for many seconds on two shared cores,
        // and a short warm-up measured the compiler as much as the service
        Thread.sleep(SATURATION_WARMUP_MILLIS);
        recorder.reset();
        ok.set(0);
        errors.clear();
        window = CpuWindow.start();
        Thread.sleep(seconds * 1000L);
        window = window.end();
        Histogram h = recorder.getIntervalHistogram();
        running = false;
        return h;
    }

    /**
     * Where the CPU went during the measured window: this process (the load generator), the server
     * (its pid from -Dserver.pid), and the machine as a whole from /proc/stat, so a run can show that
     * the generator was not the bottleneck and whether other processes took cores.
     */
    record CpuWindow(long wallNanos, long clientCpuNanos, long serverCpuNanos, long machineBusyTicks, long machineTotalTicks,
                     boolean ended) {
        private static final long SERVER_PID = Long.getLong("server.pid", -1);
        private static final double TICK_NANOS = 1e9 / 100; // USER_HZ is 100 on Linux

        static CpuWindow start() {
            long[] machine = machineTicks();
            return new CpuWindow(System.nanoTime(), clientCpu(), serverCpu(), machine[0], machine[1], false);
        }

        CpuWindow end() {
            long[] machine = machineTicks();
            return new CpuWindow(System.nanoTime() - wallNanos, clientCpu() - clientCpuNanos, serverCpu() - serverCpuNanos,
                    machine[0] - machineBusyTicks, machine[1] - machineTotalTicks, true);
        }

        String describe(long requests) {
            if (!ended || requests == 0) {
                return "";
            }
            double cores = Runtime.getRuntime().availableProcessors();
            double busyCores = machineTotalTicks == 0 ? Double.NaN : cores * machineBusyTicks / machineTotalTicks;
            double client = clientCpuNanos / (double) wallNanos;
            double server = serverCpuNanos < 0 ? Double.NaN : serverCpuNanos / (double) wallNanos;
            return String.format(Locale.ROOT,
                    " client_cpu=%.2fcores server_cpu=%.2fcores others_cpu=%.2fcores machine_busy=%.0f%%of%.0f client_us_per_req=%.1f server_us_per_req=%.1f",
                    client, server, busyCores - client - server,
                    machineTotalTicks == 0 ? Double.NaN : 100.0 * machineBusyTicks / machineTotalTicks, cores,
                    clientCpuNanos / 1e3 / requests, serverCpuNanos < 0 ? Double.NaN : serverCpuNanos / 1e3 / requests);
        }

        private static long clientCpu() {
            var os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
            return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : -1;
        }

        /** utime + stime of the server from /proc/PID/stat, in nanoseconds; -1 when unknown. */
        private static long serverCpu() {
            if (SERVER_PID < 0) {
                return -1;
            }
            try {
                String stat = java.nio.file.Files.readString(java.nio.file.Path.of("/proc", Long.toString(SERVER_PID), "stat"));
                String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                return (long) ((Long.parseLong(f[11]) + Long.parseLong(f[12])) * TICK_NANOS); // fields 14 and 15
            } catch (java.io.IOException | RuntimeException e) {
                return -1;
            }
        }

        /** {busy, total} jiffies over all cores from /proc/stat. */
        private static long[] machineTicks() {
            try {
                String[] f = java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/stat")).getFirst().trim().split("\\s+");
                long total = 0;
                for (int i = 1; i < f.length; i++) {
                    total += Long.parseLong(f[i]);
                }
                long idle = Long.parseLong(f[4]) + Long.parseLong(f[5]);
                return new long[]{total - idle, total};
            } catch (java.io.IOException | RuntimeException e) {
                return new long[]{0, 0};
            }
        }
    }

    private void drain() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!backlog.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        Thread.sleep(200);
        running = false;
    }

    private static String ms(Histogram h, double percentile) {
        return String.format(Locale.ROOT, "%.3f", h.getValueAtPercentile(percentile) / 1e6);
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 5) {
            System.err.println("usage: rate|saturate URL lead|embedding RATE_OR_CONCURRENCY SECONDS [CONNECTIONS]");
            System.exit(2);
        }
        String mode = args[0];
        HttpLoadGenerator gen = new HttpLoadGenerator(args[1], body(args[2]));
        int n = Integer.parseInt(args[3]);
        int seconds = Integer.parseInt(args[4]);
        if (mode.equals("rate")) {
            // warm the server's JIT and ONNX Runtime before measuring (saturate mode warms up at full load itself)
            HttpLoadGenerator warm = new HttpLoadGenerator(args[1], body(args[2]));
            warm.runRate(Math.min(n, 2000), (int) (SATURATION_WARMUP_MILLIS / 1000), 16); // 3 s left the JIT in the measurement (p99 42 ms vs 2.8 ms warm)
            warm.group.shutdownGracefully();
        }
        Histogram h;
        long okBefore;
        if (mode.equals("rate")) {
            int connections = args.length > 5 ? Integer.parseInt(args[5]) : 32;
            h = gen.runRate(n, seconds, connections);
        } else {
            h = gen.runSaturation(n, seconds);
        }
        okBefore = gen.ok.get();
        String label = mode.equals("rate") ? "rate=" + n + "/s" : "concurrency=" + n;
        System.out.printf(Locale.ROOT, "RESULT http %s %s %s seconds=%d ok=%d errors=%s throughput=%.0f/s p50=%sms p90=%sms p99=%sms p99.9=%sms max=%s%n",
                mode, args[2], label, seconds, okBefore, gen.errors, okBefore / (double) seconds,
                ms(h, 50), ms(h, 90), ms(h, 99), ms(h, 99.9), String.format(Locale.ROOT, "%.3fms", h.getMaxValue() / 1e6)
                + (gen.window == null ? "" : gen.window.describe(okBefore)));
        gen.group.shutdownGracefully().sync();
    }
}
