package com.relaydesk.client;

import com.relaydesk.v1.Event;
import com.relaydesk.v1.EventServiceGrpc;
import com.relaydesk.v1.SubscribeRequest;
import com.relaydesk.v1.SubscribeResponse;
import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * An {@code EventService.Subscribe} call read one event at a time, for one reading thread.
 *
 * <p>The generated stubs do not show a stream's response headers, yet they are what says the
 * stream is live: the server sends them once the subscription is in place, so every event
 * published after {@link #awaitLive} returns is delivered. Events are requested one at a time,
 * so a reader that falls behind leaves them queued on the server (which cuts a reader too far
 * behind with RESOURCE_EXHAUSTED; resume it with {@code after_sequence}).
 *
 * <pre>{@code
 * try (EventStream events = EventStream.subscribe(channel, request)) {
 *   events.awaitLive(Duration.ofSeconds(10));
 *   for (Event event = events.next(); event != null; event = events.next()) { ... }
 * }
 * }</pre>
 */
public final class EventStream implements AutoCloseable {
  private final ClientCall<SubscribeRequest, SubscribeResponse> call;
  private final CompletableFuture<Metadata> headers = new CompletableFuture<>();
  // Events as they arrive, then one Closed once the call has ended.
  private final BlockingQueue<Object> arrived = new LinkedBlockingQueue<>();

  private record Closed(Status status, Metadata trailers) {}

  private EventStream(ClientCall<SubscribeRequest, SubscribeResponse> call) {
    this.call = call;
  }

  /** Opens a Subscribe call on {@code channel} (see {@link Relaydesk#connect}). */
  public static EventStream subscribe(Channel channel, SubscribeRequest request) {
    var call = channel.newCall(EventServiceGrpc.getSubscribeMethod(), CallOptions.DEFAULT);
    var stream = new EventStream(call);
    stream.call.start(stream.new Listener(), new Metadata());
    stream.call.sendMessage(request);
    stream.call.halfClose();
    stream.call.request(1);
    return stream;
  }

  /**
   * Waits for the response headers, at most {@code timeout}: from then on the stream is live.
   *
   * @return the response headers
   * @throws StatusRuntimeException the call's status when it failed first, or DEADLINE_EXCEEDED
   *     (and the call is cancelled) when nothing came in time
   */
  public Metadata awaitLive(Duration timeout) throws InterruptedException {
    try {
      return headers.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
    } catch (ExecutionException e) {
      throw (StatusRuntimeException) e.getCause();
    } catch (TimeoutException e) {
      close();
      throw Status.DEADLINE_EXCEEDED
          .withDescription("the event stream was not live within " + timeout)
          .asRuntimeException();
    }
  }

  /**
   * The next event (heartbeats included), waiting as long as it takes.
   *
   * @return the event, or null once the server has ended the stream
   * @throws StatusRuntimeException the call's status when it failed (or was closed)
   */
  public Event next() throws InterruptedException {
    Object item = arrived.take();
    if (item instanceof Closed closed) {
      arrived.add(closed); // every later call sees the end too
      if (closed.status().isOk()) {
        return null;
      }
      throw closed.status().asRuntimeException(closed.trailers());
    }
    call.request(1);
    return ((SubscribeResponse) item).getEvent();
  }

  /** Cancels the call (a no-op once it has ended). */
  @Override
  public void close() {
    call.cancel("the subscriber closed the stream", null);
  }

  private final class Listener extends ClientCall.Listener<SubscribeResponse> {
    @Override
    public void onHeaders(Metadata received) {
      headers.complete(received);
    }

    @Override
    public void onMessage(SubscribeResponse response) {
      arrived.add(response);
    }

    @Override
    public void onClose(Status status, Metadata trailers) {
      if (status.isOk()) {
        headers.complete(new Metadata());
      } else {
        headers.completeExceptionally(status.asRuntimeException(trailers));
      }
      arrived.add(new Closed(status, trailers));
    }
  }
}
