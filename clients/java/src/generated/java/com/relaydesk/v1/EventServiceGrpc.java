package com.relaydesk.v1;

import static io.grpc.MethodDescriptor.generateFullMethodName;

/**
 * <pre>
 * The live feed of changes for agent desktops, supervisors and integrations.
 * </pre>
 */
@io.grpc.stub.annotations.GrpcGenerated
public final class EventServiceGrpc {

  private EventServiceGrpc() {}

  public static final java.lang.String SERVICE_NAME = "relaydesk.v1.EventService";

  // Static method descriptors that strictly reflect the proto.
  private static volatile io.grpc.MethodDescriptor<com.relaydesk.v1.SubscribeRequest,
      com.relaydesk.v1.SubscribeResponse> getSubscribeMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "Subscribe",
      requestType = com.relaydesk.v1.SubscribeRequest.class,
      responseType = com.relaydesk.v1.SubscribeResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.SERVER_STREAMING)
  public static io.grpc.MethodDescriptor<com.relaydesk.v1.SubscribeRequest,
      com.relaydesk.v1.SubscribeResponse> getSubscribeMethod() {
    io.grpc.MethodDescriptor<com.relaydesk.v1.SubscribeRequest, com.relaydesk.v1.SubscribeResponse> getSubscribeMethod;
    if ((getSubscribeMethod = EventServiceGrpc.getSubscribeMethod) == null) {
      synchronized (EventServiceGrpc.class) {
        if ((getSubscribeMethod = EventServiceGrpc.getSubscribeMethod) == null) {
          EventServiceGrpc.getSubscribeMethod = getSubscribeMethod =
              io.grpc.MethodDescriptor.<com.relaydesk.v1.SubscribeRequest, com.relaydesk.v1.SubscribeResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.SERVER_STREAMING)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "Subscribe"))
              .setSafe(true)
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.relaydesk.v1.SubscribeRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.relaydesk.v1.SubscribeResponse.getDefaultInstance()))
              .setSchemaDescriptor(new EventServiceMethodDescriptorSupplier("Subscribe"))
              .build();
        }
      }
    }
    return getSubscribeMethod;
  }

  /**
   * Creates a new async stub that supports all call types for the service
   */
  public static EventServiceStub newStub(io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<EventServiceStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<EventServiceStub>() {
        @java.lang.Override
        public EventServiceStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new EventServiceStub(channel, callOptions);
        }
      };
    return EventServiceStub.newStub(factory, channel);
  }

  /**
   * Creates a new blocking-style stub that supports all types of calls on the service
   */
  public static EventServiceBlockingV2Stub newBlockingV2Stub(
      io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<EventServiceBlockingV2Stub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<EventServiceBlockingV2Stub>() {
        @java.lang.Override
        public EventServiceBlockingV2Stub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new EventServiceBlockingV2Stub(channel, callOptions);
        }
      };
    return EventServiceBlockingV2Stub.newStub(factory, channel);
  }

  /**
   * Creates a new blocking-style stub that supports unary and streaming output calls on the service
   */
  public static EventServiceBlockingStub newBlockingStub(
      io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<EventServiceBlockingStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<EventServiceBlockingStub>() {
        @java.lang.Override
        public EventServiceBlockingStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new EventServiceBlockingStub(channel, callOptions);
        }
      };
    return EventServiceBlockingStub.newStub(factory, channel);
  }

  /**
   * Creates a new ListenableFuture-style stub that supports unary calls on the service
   */
  public static EventServiceFutureStub newFutureStub(
      io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<EventServiceFutureStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<EventServiceFutureStub>() {
        @java.lang.Override
        public EventServiceFutureStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new EventServiceFutureStub(channel, callOptions);
        }
      };
    return EventServiceFutureStub.newStub(factory, channel);
  }

  /**
   * <pre>
   * The live feed of changes for agent desktops, supervisors and integrations.
   * </pre>
   */
  public interface AsyncService {

    /**
     * <pre>
     * Streams events. With `after_sequence`, the stream first replays, from the
     * durable log, every event after it, then continues live: nothing missed,
     * duplicated or reordered. Without it, the stream starts live. A filtered
     * stream (`channels`, `types`) delivers, in sequence order, every event it
     * may see and skips the rest. Events are sent only after they are committed.
     * Any credential may subscribe; visibility follows the caller: admins and
     * services see everything; an agent sees the channels it is a member of
     * (with their sessions and bot executions), its own worker, its reservations
     * and tasks; a customer sees only its channel's messages (no INTERNAL ones),
     * members (without attributes) and channel events. HEARTBEAT events come
     * every 15 s by default, whatever the filters, with the current head as
     * their sequence. TYPING events come only with `include_typing`. A
     * subscriber that falls more than its buffer (default 10,000 events) behind
     * is cut with RESOURCE_EXHAUSTED, without slowing the others: it resumes
     * losslessly by subscribing again with the last sequence it received. The
     * retained log covers 7 days by default; a client whose cursor is older
     * re-reads state with the List RPCs and subscribes afresh.
     * Errors: INVALID_ARGUMENT (a negative `after_sequence` or one past the
     * current head, a malformed channel name, an UNSPECIFIED type), OUT_OF_RANGE
     * (`after_sequence` older than the retained log; 0 once the beginning has
     * been removed), RESOURCE_EXHAUSTED (the subscriber fell behind its buffer),
     * UNAUTHENTICATED (no credential).
     * </pre>
     */
    default void subscribe(com.relaydesk.v1.SubscribeRequest request,
        io.grpc.stub.StreamObserver<com.relaydesk.v1.SubscribeResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getSubscribeMethod(), responseObserver);
    }
  }

  /**
   * Base class for the server implementation of the service EventService.
   * <pre>
   * The live feed of changes for agent desktops, supervisors and integrations.
   * </pre>
   */
  public static abstract class EventServiceImplBase
      implements io.grpc.BindableService, AsyncService {

    @java.lang.Override public final io.grpc.ServerServiceDefinition bindService() {
      return EventServiceGrpc.bindService(this);
    }
  }

  /**
   * A stub to allow clients to do asynchronous rpc calls to service EventService.
   * <pre>
   * The live feed of changes for agent desktops, supervisors and integrations.
   * </pre>
   */
  public static final class EventServiceStub
      extends io.grpc.stub.AbstractAsyncStub<EventServiceStub> {
    private EventServiceStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected EventServiceStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new EventServiceStub(channel, callOptions);
    }

    /**
     * <pre>
     * Streams events. With `after_sequence`, the stream first replays, from the
     * durable log, every event after it, then continues live: nothing missed,
     * duplicated or reordered. Without it, the stream starts live. A filtered
     * stream (`channels`, `types`) delivers, in sequence order, every event it
     * may see and skips the rest. Events are sent only after they are committed.
     * Any credential may subscribe; visibility follows the caller: admins and
     * services see everything; an agent sees the channels it is a member of
     * (with their sessions and bot executions), its own worker, its reservations
     * and tasks; a customer sees only its channel's messages (no INTERNAL ones),
     * members (without attributes) and channel events. HEARTBEAT events come
     * every 15 s by default, whatever the filters, with the current head as
     * their sequence. TYPING events come only with `include_typing`. A
     * subscriber that falls more than its buffer (default 10,000 events) behind
     * is cut with RESOURCE_EXHAUSTED, without slowing the others: it resumes
     * losslessly by subscribing again with the last sequence it received. The
     * retained log covers 7 days by default; a client whose cursor is older
     * re-reads state with the List RPCs and subscribes afresh.
     * Errors: INVALID_ARGUMENT (a negative `after_sequence` or one past the
     * current head, a malformed channel name, an UNSPECIFIED type), OUT_OF_RANGE
     * (`after_sequence` older than the retained log; 0 once the beginning has
     * been removed), RESOURCE_EXHAUSTED (the subscriber fell behind its buffer),
     * UNAUTHENTICATED (no credential).
     * </pre>
     */
    public void subscribe(com.relaydesk.v1.SubscribeRequest request,
        io.grpc.stub.StreamObserver<com.relaydesk.v1.SubscribeResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncServerStreamingCall(
          getChannel().newCall(getSubscribeMethod(), getCallOptions()), request, responseObserver);
    }
  }

  /**
   * A stub to allow clients to do synchronous rpc calls to service EventService.
   * <pre>
   * The live feed of changes for agent desktops, supervisors and integrations.
   * </pre>
   */
  public static final class EventServiceBlockingV2Stub
      extends io.grpc.stub.AbstractBlockingStub<EventServiceBlockingV2Stub> {
    private EventServiceBlockingV2Stub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected EventServiceBlockingV2Stub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new EventServiceBlockingV2Stub(channel, callOptions);
    }

    /**
     * <pre>
     * Streams events. With `after_sequence`, the stream first replays, from the
     * durable log, every event after it, then continues live: nothing missed,
     * duplicated or reordered. Without it, the stream starts live. A filtered
     * stream (`channels`, `types`) delivers, in sequence order, every event it
     * may see and skips the rest. Events are sent only after they are committed.
     * Any credential may subscribe; visibility follows the caller: admins and
     * services see everything; an agent sees the channels it is a member of
     * (with their sessions and bot executions), its own worker, its reservations
     * and tasks; a customer sees only its channel's messages (no INTERNAL ones),
     * members (without attributes) and channel events. HEARTBEAT events come
     * every 15 s by default, whatever the filters, with the current head as
     * their sequence. TYPING events come only with `include_typing`. A
     * subscriber that falls more than its buffer (default 10,000 events) behind
     * is cut with RESOURCE_EXHAUSTED, without slowing the others: it resumes
     * losslessly by subscribing again with the last sequence it received. The
     * retained log covers 7 days by default; a client whose cursor is older
     * re-reads state with the List RPCs and subscribes afresh.
     * Errors: INVALID_ARGUMENT (a negative `after_sequence` or one past the
     * current head, a malformed channel name, an UNSPECIFIED type), OUT_OF_RANGE
     * (`after_sequence` older than the retained log; 0 once the beginning has
     * been removed), RESOURCE_EXHAUSTED (the subscriber fell behind its buffer),
     * UNAUTHENTICATED (no credential).
     * </pre>
     */
    @io.grpc.ExperimentalApi("https://github.com/grpc/grpc-java/issues/10918")
    public io.grpc.stub.BlockingClientCall<?, com.relaydesk.v1.SubscribeResponse>
        subscribe(com.relaydesk.v1.SubscribeRequest request) {
      return io.grpc.stub.ClientCalls.blockingV2ServerStreamingCall(
          getChannel(), getSubscribeMethod(), getCallOptions(), request);
    }
  }

  /**
   * A stub to allow clients to do limited synchronous rpc calls to service EventService.
   * <pre>
   * The live feed of changes for agent desktops, supervisors and integrations.
   * </pre>
   */
  public static final class EventServiceBlockingStub
      extends io.grpc.stub.AbstractBlockingStub<EventServiceBlockingStub> {
    private EventServiceBlockingStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected EventServiceBlockingStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new EventServiceBlockingStub(channel, callOptions);
    }

    /**
     * <pre>
     * Streams events. With `after_sequence`, the stream first replays, from the
     * durable log, every event after it, then continues live: nothing missed,
     * duplicated or reordered. Without it, the stream starts live. A filtered
     * stream (`channels`, `types`) delivers, in sequence order, every event it
     * may see and skips the rest. Events are sent only after they are committed.
     * Any credential may subscribe; visibility follows the caller: admins and
     * services see everything; an agent sees the channels it is a member of
     * (with their sessions and bot executions), its own worker, its reservations
     * and tasks; a customer sees only its channel's messages (no INTERNAL ones),
     * members (without attributes) and channel events. HEARTBEAT events come
     * every 15 s by default, whatever the filters, with the current head as
     * their sequence. TYPING events come only with `include_typing`. A
     * subscriber that falls more than its buffer (default 10,000 events) behind
     * is cut with RESOURCE_EXHAUSTED, without slowing the others: it resumes
     * losslessly by subscribing again with the last sequence it received. The
     * retained log covers 7 days by default; a client whose cursor is older
     * re-reads state with the List RPCs and subscribes afresh.
     * Errors: INVALID_ARGUMENT (a negative `after_sequence` or one past the
     * current head, a malformed channel name, an UNSPECIFIED type), OUT_OF_RANGE
     * (`after_sequence` older than the retained log; 0 once the beginning has
     * been removed), RESOURCE_EXHAUSTED (the subscriber fell behind its buffer),
     * UNAUTHENTICATED (no credential).
     * </pre>
     */
    public java.util.Iterator<com.relaydesk.v1.SubscribeResponse> subscribe(
        com.relaydesk.v1.SubscribeRequest request) {
      return io.grpc.stub.ClientCalls.blockingServerStreamingCall(
          getChannel(), getSubscribeMethod(), getCallOptions(), request);
    }
  }

  /**
   * A stub to allow clients to do ListenableFuture-style rpc calls to service EventService.
   * <pre>
   * The live feed of changes for agent desktops, supervisors and integrations.
   * </pre>
   */
  public static final class EventServiceFutureStub
      extends io.grpc.stub.AbstractFutureStub<EventServiceFutureStub> {
    private EventServiceFutureStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected EventServiceFutureStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new EventServiceFutureStub(channel, callOptions);
    }
  }

  private static final int METHODID_SUBSCRIBE = 0;

  private static final class MethodHandlers<Req, Resp> implements
      io.grpc.stub.ServerCalls.UnaryMethod<Req, Resp>,
      io.grpc.stub.ServerCalls.ServerStreamingMethod<Req, Resp>,
      io.grpc.stub.ServerCalls.ClientStreamingMethod<Req, Resp>,
      io.grpc.stub.ServerCalls.BidiStreamingMethod<Req, Resp> {
    private final AsyncService serviceImpl;
    private final int methodId;

    MethodHandlers(AsyncService serviceImpl, int methodId) {
      this.serviceImpl = serviceImpl;
      this.methodId = methodId;
    }

    @java.lang.Override
    @java.lang.SuppressWarnings("unchecked")
    public void invoke(Req request, io.grpc.stub.StreamObserver<Resp> responseObserver) {
      switch (methodId) {
        case METHODID_SUBSCRIBE:
          serviceImpl.subscribe((com.relaydesk.v1.SubscribeRequest) request,
              (io.grpc.stub.StreamObserver<com.relaydesk.v1.SubscribeResponse>) responseObserver);
          break;
        default:
          throw new AssertionError();
      }
    }

    @java.lang.Override
    @java.lang.SuppressWarnings("unchecked")
    public io.grpc.stub.StreamObserver<Req> invoke(
        io.grpc.stub.StreamObserver<Resp> responseObserver) {
      switch (methodId) {
        default:
          throw new AssertionError();
      }
    }
  }

  public static final io.grpc.ServerServiceDefinition bindService(AsyncService service) {
    return io.grpc.ServerServiceDefinition.builder(getServiceDescriptor())
        .addMethod(
          getSubscribeMethod(),
          io.grpc.stub.ServerCalls.asyncServerStreamingCall(
            new MethodHandlers<
              com.relaydesk.v1.SubscribeRequest,
              com.relaydesk.v1.SubscribeResponse>(
                service, METHODID_SUBSCRIBE)))
        .build();
  }

  private static abstract class EventServiceBaseDescriptorSupplier
      implements io.grpc.protobuf.ProtoFileDescriptorSupplier, io.grpc.protobuf.ProtoServiceDescriptorSupplier {
    EventServiceBaseDescriptorSupplier() {}

    @java.lang.Override
    public com.google.protobuf.Descriptors.FileDescriptor getFileDescriptor() {
      return com.relaydesk.v1.EventServiceProto.getDescriptor();
    }

    @java.lang.Override
    public com.google.protobuf.Descriptors.ServiceDescriptor getServiceDescriptor() {
      return getFileDescriptor().findServiceByName("EventService");
    }
  }

  private static final class EventServiceFileDescriptorSupplier
      extends EventServiceBaseDescriptorSupplier {
    EventServiceFileDescriptorSupplier() {}
  }

  private static final class EventServiceMethodDescriptorSupplier
      extends EventServiceBaseDescriptorSupplier
      implements io.grpc.protobuf.ProtoMethodDescriptorSupplier {
    private final java.lang.String methodName;

    EventServiceMethodDescriptorSupplier(java.lang.String methodName) {
      this.methodName = methodName;
    }

    @java.lang.Override
    public com.google.protobuf.Descriptors.MethodDescriptor getMethodDescriptor() {
      return getServiceDescriptor().findMethodByName(methodName);
    }
  }

  private static volatile io.grpc.ServiceDescriptor serviceDescriptor;

  public static io.grpc.ServiceDescriptor getServiceDescriptor() {
    io.grpc.ServiceDescriptor result = serviceDescriptor;
    if (result == null) {
      synchronized (EventServiceGrpc.class) {
        result = serviceDescriptor;
        if (result == null) {
          serviceDescriptor = result = io.grpc.ServiceDescriptor.newBuilder(SERVICE_NAME)
              .setSchemaDescriptor(new EventServiceFileDescriptorSupplier())
              .addMethod(getSubscribeMethod())
              .build();
        }
      }
    }
    return result;
  }
}
