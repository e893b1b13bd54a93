package com.jorge.platform.inference.http;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBufInputStream;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollEventLoopGroup;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.util.ResourceLeakDetector;
import java.net.InetSocketAddress;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Netty HTTP/1.1 server in front of {@link InferenceRoutes}. Requests are decoded on the event loop
 * and queued to the model without blocking it; a request body over the limit gets 413. Responses
 * on one keep-alive connection leave in request order even when models finish out of order.
 */
public final class HttpFrontend implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(HttpFrontend.class);

    private final InferenceRoutes routes;
    private final boolean epoll = Epoll.isAvailable();
    private final EventLoopGroup boss;
    private final EventLoopGroup workers;
    private final int maxBodyBytes;
    private Channel server;

    public HttpFrontend(InferenceRoutes routes, int ioThreads, int maxBodyBytes) {
        this.routes = routes;
        if (System.getProperty("io.netty.leakDetection.level") == null) {
            // the default samples one buffer in 128 with a stack trace: a debugging aid, not for serving
            ResourceLeakDetector.setLevel(ResourceLeakDetector.Level.DISABLED);
        }
        // epoll on Linux: per request it saves the selector's bookkeeping and a share of system calls
        this.boss = epoll ? new EpollEventLoopGroup(1) : new NioEventLoopGroup(1);
        this.workers = epoll ? new EpollEventLoopGroup(ioThreads) : new NioEventLoopGroup(ioThreads);
        this.maxBodyBytes = maxBodyBytes;
    }

    /** Binds {@code host:port} (port 0 picks a free one) and returns the bound port. */
    public int start(String host, int port) throws InterruptedException {
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(boss, workers)
                .channel(epoll ? EpollServerSocketChannel.class : NioServerSocketChannel.class)
                .option(ChannelOption.SO_BACKLOG, 1024)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline().addLast(new HttpServerCodec(4096, 8192, 65536));
                        ch.pipeline().addLast(new HttpObjectAggregator(maxBodyBytes));
                        ch.pipeline().addLast(new Connection());
                    }
                });
        server = bootstrap.bind(host, port).sync().channel();
        int bound = ((InetSocketAddress) server.localAddress()).getPort();
        log.info("listening on {}:{} ({})", host, bound, epoll ? "epoll" : "NIO");
        return bound;
    }

    @Override
    public void close() {
        if (server != null) {
            server.close().syncUninterruptibly();
        }
        boss.shutdownGracefully(0, 2, java.util.concurrent.TimeUnit.SECONDS).syncUninterruptibly();
        workers.shutdownGracefully(0, 2, java.util.concurrent.TimeUnit.SECONDS).syncUninterruptibly();
    }

    /** One per connection: numbers requests and writes replies in that order. */
    private final class Connection extends SimpleChannelInboundHandler<FullHttpRequest> {
        private long nextRequest;
        private long nextToWrite;
        private final Map<Long, FullHttpResponse> finishedEarly = new HashMap<>();

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
            long sequence = nextRequest++;
            boolean keepAlive = HttpUtil.isKeepAlive(request);
            if (!request.decoderResult().isSuccess()) {
                HttpReply bad = routes.error(400, "malformed HTTP request");
                complete(ctx, sequence, toResponse(bad, false));
                return;
            }
            var body = new ByteBufInputStream(request.content()); // read before channelRead0 releases it
            routes.handle(request.method().name(), request.uri(), body, ctx.executor())
                    .whenComplete((reply, failure) -> {
                        HttpReply r = failure == null ? reply : routes.error(500, "internal error");
                        FullHttpResponse response = toResponse(r, keepAlive);
                        if (ctx.executor().inEventLoop()) {
                            complete(ctx, sequence, response);
                        } else {
                            ctx.executor().execute(() -> complete(ctx, sequence, response));
                        }
                    });
        }

        private void complete(ChannelHandlerContext ctx, long sequence, FullHttpResponse response) {
            finishedEarly.put(sequence, response);
            FullHttpResponse next;
            while ((next = finishedEarly.remove(nextToWrite)) != null) {
                nextToWrite++;
                boolean keepAlive = HttpUtil.isKeepAlive(next);
                var written = ctx.writeAndFlush(next);
                if (!keepAlive) {
                    written.addListener(ChannelFutureListener.CLOSE);
                }
            }
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            log.debug("connection error: {}", cause.toString());
            ctx.close();
        }
    }

    private static FullHttpResponse toResponse(HttpReply reply, boolean keepAlive) {
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                HttpResponseStatus.valueOf(reply.status()), Unpooled.wrappedBuffer(reply.body()));
        response.headers().set(HttpHeaderNames.CONTENT_TYPE, reply.contentType());
        response.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, reply.body().length);
        if (reply.retryAfterSeconds() > 0) {
            response.headers().setInt(HttpHeaderNames.RETRY_AFTER, reply.retryAfterSeconds());
        }
        if (keepAlive) {
            response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
        } else {
            response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        }
        return response;
    }
}
