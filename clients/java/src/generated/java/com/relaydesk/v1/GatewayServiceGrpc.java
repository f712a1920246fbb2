package com.relaydesk.v1;

import static io.grpc.MethodDescriptor.generateFullMethodName;

/**
 * <pre>
 * Connects channel adapters (SMS, WhatsApp, Messenger, LINE, custom gateways)
 * to relaydesk, service to service: inbound messages come in through
 * `DeliverInbound`, outbound ones leave through `StreamOutbound` and are
 * acknowledged with `AckOutbound`. Both ways, `customer_address` is the
 * customer's handle (phone, `whatsapp:+…`, PSID, …) and `contact_identity`
 * ours (the flow's). Admin and service credentials only; any other caller is
 * PERMISSION_DENIED.
 * </pre>
 */
@io.grpc.stub.annotations.GrpcGenerated
public final class GatewayServiceGrpc {

  private GatewayServiceGrpc() {}

  public static final java.lang.String SERVICE_NAME = "relaydesk.v1.GatewayService";

  // Static method descriptors that strictly reflect the proto.
  private static volatile io.grpc.MethodDescriptor<com.relaydesk.v1.DeliverInboundRequest,
      com.relaydesk.v1.DeliverInboundResponse> getDeliverInboundMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "DeliverInbound",
      requestType = com.relaydesk.v1.DeliverInboundRequest.class,
      responseType = com.relaydesk.v1.DeliverInboundResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<com.relaydesk.v1.DeliverInboundRequest,
      com.relaydesk.v1.DeliverInboundResponse> getDeliverInboundMethod() {
    io.grpc.MethodDescriptor<com.relaydesk.v1.DeliverInboundRequest, com.relaydesk.v1.DeliverInboundResponse> getDeliverInboundMethod;
    if ((getDeliverInboundMethod = GatewayServiceGrpc.getDeliverInboundMethod) == null) {
      synchronized (GatewayServiceGrpc.class) {
        if ((getDeliverInboundMethod = GatewayServiceGrpc.getDeliverInboundMethod) == null) {
          GatewayServiceGrpc.getDeliverInboundMethod = getDeliverInboundMethod =
              io.grpc.MethodDescriptor.<com.relaydesk.v1.DeliverInboundRequest, com.relaydesk.v1.DeliverInboundResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "DeliverInbound"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.relaydesk.v1.DeliverInboundRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.relaydesk.v1.DeliverInboundResponse.getDefaultInstance()))
              .setSchemaDescriptor(new GatewayServiceMethodDescriptorSupplier("DeliverInbound"))
              .build();
        }
      }
    }
    return getDeliverInboundMethod;
  }

  private static volatile io.grpc.MethodDescriptor<com.relaydesk.v1.StreamOutboundRequest,
      com.relaydesk.v1.StreamOutboundResponse> getStreamOutboundMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "StreamOutbound",
      requestType = com.relaydesk.v1.StreamOutboundRequest.class,
      responseType = com.relaydesk.v1.StreamOutboundResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.SERVER_STREAMING)
  public static io.grpc.MethodDescriptor<com.relaydesk.v1.StreamOutboundRequest,
      com.relaydesk.v1.StreamOutboundResponse> getStreamOutboundMethod() {
    io.grpc.MethodDescriptor<com.relaydesk.v1.StreamOutboundRequest, com.relaydesk.v1.StreamOutboundResponse> getStreamOutboundMethod;
    if ((getStreamOutboundMethod = GatewayServiceGrpc.getStreamOutboundMethod) == null) {
      synchronized (GatewayServiceGrpc.class) {
        if ((getStreamOutboundMethod = GatewayServiceGrpc.getStreamOutboundMethod) == null) {
          GatewayServiceGrpc.getStreamOutboundMethod = getStreamOutboundMethod =
              io.grpc.MethodDescriptor.<com.relaydesk.v1.StreamOutboundRequest, com.relaydesk.v1.StreamOutboundResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.SERVER_STREAMING)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "StreamOutbound"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.relaydesk.v1.StreamOutboundRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.relaydesk.v1.StreamOutboundResponse.getDefaultInstance()))
              .setSchemaDescriptor(new GatewayServiceMethodDescriptorSupplier("StreamOutbound"))
              .build();
        }
      }
    }
    return getStreamOutboundMethod;
  }

  private static volatile io.grpc.MethodDescriptor<com.relaydesk.v1.AckOutboundRequest,
      com.relaydesk.v1.AckOutboundResponse> getAckOutboundMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "AckOutbound",
      requestType = com.relaydesk.v1.AckOutboundRequest.class,
      responseType = com.relaydesk.v1.AckOutboundResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<com.relaydesk.v1.AckOutboundRequest,
      com.relaydesk.v1.AckOutboundResponse> getAckOutboundMethod() {
    io.grpc.MethodDescriptor<com.relaydesk.v1.AckOutboundRequest, com.relaydesk.v1.AckOutboundResponse> getAckOutboundMethod;
    if ((getAckOutboundMethod = GatewayServiceGrpc.getAckOutboundMethod) == null) {
      synchronized (GatewayServiceGrpc.class) {
        if ((getAckOutboundMethod = GatewayServiceGrpc.getAckOutboundMethod) == null) {
          GatewayServiceGrpc.getAckOutboundMethod = getAckOutboundMethod =
              io.grpc.MethodDescriptor.<com.relaydesk.v1.AckOutboundRequest, com.relaydesk.v1.AckOutboundResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "AckOutbound"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.relaydesk.v1.AckOutboundRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.relaydesk.v1.AckOutboundResponse.getDefaultInstance()))
              .setSchemaDescriptor(new GatewayServiceMethodDescriptorSupplier("AckOutbound"))
              .build();
        }
      }
    }
    return getAckOutboundMethod;
  }

  /**
   * Creates a new async stub that supports all call types for the service
   */
  public static GatewayServiceStub newStub(io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<GatewayServiceStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<GatewayServiceStub>() {
        @java.lang.Override
        public GatewayServiceStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new GatewayServiceStub(channel, callOptions);
        }
      };
    return GatewayServiceStub.newStub(factory, channel);
  }

  /**
   * Creates a new blocking-style stub that supports all types of calls on the service
   */
  public static GatewayServiceBlockingV2Stub newBlockingV2Stub(
      io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<GatewayServiceBlockingV2Stub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<GatewayServiceBlockingV2Stub>() {
        @java.lang.Override
        public GatewayServiceBlockingV2Stub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new GatewayServiceBlockingV2Stub(channel, callOptions);
        }
      };
    return GatewayServiceBlockingV2Stub.newStub(factory, channel);
  }

  /**
   * Creates a new blocking-style stub that supports unary and streaming output calls on the service
   */
  public static GatewayServiceBlockingStub newBlockingStub(
      io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<GatewayServiceBlockingStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<GatewayServiceBlockingStub>() {
        @java.lang.Override
        public GatewayServiceBlockingStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new GatewayServiceBlockingStub(channel, callOptions);
        }
      };
    return GatewayServiceBlockingStub.newStub(factory, channel);
  }

  /**
   * Creates a new ListenableFuture-style stub that supports unary calls on the service
   */
  public static GatewayServiceFutureStub newFutureStub(
      io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<GatewayServiceFutureStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<GatewayServiceFutureStub>() {
        @java.lang.Override
        public GatewayServiceFutureStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new GatewayServiceFutureStub(channel, callOptions);
        }
      };
    return GatewayServiceFutureStub.newStub(factory, channel);
  }

  /**
   * <pre>
   * Connects channel adapters (SMS, WhatsApp, Messenger, LINE, custom gateways)
   * to relaydesk, service to service: inbound messages come in through
   * `DeliverInbound`, outbound ones leave through `StreamOutbound` and are
   * acknowledged with `AckOutbound`. Both ways, `customer_address` is the
   * customer's handle (phone, `whatsapp:+…`, PSID, …) and `contact_identity`
   * ours (the flow's). Admin and service credentials only; any other caller is
   * PERMISSION_DENIED.
   * </pre>
   */
  public interface AsyncService {

    /**
     * <pre>
     * Delivers one message a customer sent, and runs the inbound orchestration:
     * the enabled flow for (`channel_type`, `contact_identity`) is found; the
     * message joins the channel of the customer's active session, or starts a
     * new conversation (channel, or the kept one of a long-lived flow; session;
     * customer member) and runs the flow's integration (task, bot or webhook).
     * The message is INBOUND, authored by the customer. Idempotent forever per
     * (`channel_type`, `external_id`): a repeat changes nothing and returns the
     * original message with `duplicate` set, whatever its other fields say.
     * Emits MESSAGE_ADDED, and for a new conversation CHANNEL_CREATED (or
     * CHANNEL_UPDATED), MEMBER_JOINED, SESSION_CREATED and TASK_CREATED or
     * EXECUTION_CREATED.
     * Errors: INVALID_ARGUMENT (a required field empty or UNSPECIFIED, neither
     * body nor media, a field over its limit, a malformed media URL), NOT_FOUND
     * (no flow has this channel type and contact identity), FAILED_PRECONDITION
     * (the matching flow is disabled), PERMISSION_DENIED (not an admin or
     * service), RESOURCE_EXHAUSTED (over the channel's write rate of 30
     * messages/s, bursts of 150; retry after the RetryInfo delay).
     * </pre>
     */
    default void deliverInbound(com.relaydesk.v1.DeliverInboundRequest request,
        io.grpc.stub.StreamObserver<com.relaydesk.v1.DeliverInboundResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getDeliverInboundMethod(), responseObserver);
    }

    /**
     * <pre>
     * Streams the OUTBOUND messages to send: every OUTBOUND message of a channel
     * with an active session, on the requested channel types, at least once.
     * Each delivery is leased to this stream (default 30 s); one not
     * acknowledged with `AckOutbound` before `lease_expire_time` is sent again,
     * to this or another connected adapter, with `attempt` counted up, and the
     * deliveries of a stream that ends go back the same way when their leases
     * end. Deliveries of one channel come in message order: the next one is held
     * until the previous one is acknowledged. Adapters deduplicate by `id`. The
     * stream stays open until the client cancels it or the server stops
     * (UNAVAILABLE: reconnect).
     * Errors: INVALID_ARGUMENT (an UNSPECIFIED channel type), PERMISSION_DENIED
     * (not an admin or service).
     * </pre>
     */
    default void streamOutbound(com.relaydesk.v1.StreamOutboundRequest request,
        io.grpc.stub.StreamObserver<com.relaydesk.v1.StreamOutboundResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getStreamOutboundMethod(), responseObserver);
    }

    /**
     * <pre>
     * Reports how far an outbound delivery has travelled: updates the message's
     * `delivery` and emits MESSAGE_UPDATED. Any acknowledgment ends the
     * delivery's lease; FAILED is not retried. Statuses move forward only (SENT,
     * DELIVERED, READ; FAILED is final): a late report of a status the message
     * has already passed changes nothing and returns the message as it is.
     * Errors: INVALID_ARGUMENT (empty id, a status other than SENT, DELIVERED,
     * READ or FAILED, a field over its limit), NOT_FOUND (no such delivery, or its
     * message was deleted), PERMISSION_DENIED (not an admin or service).
     * </pre>
     */
    default void ackOutbound(com.relaydesk.v1.AckOutboundRequest request,
        io.grpc.stub.StreamObserver<com.relaydesk.v1.AckOutboundResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getAckOutboundMethod(), responseObserver);
    }
  }

  /**
   * Base class for the server implementation of the service GatewayService.
   * <pre>
   * Connects channel adapters (SMS, WhatsApp, Messenger, LINE, custom gateways)
   * to relaydesk, service to service: inbound messages come in through
   * `DeliverInbound`, outbound ones leave through `StreamOutbound` and are
   * acknowledged with `AckOutbound`. Both ways, `customer_address` is the
   * customer's handle (phone, `whatsapp:+…`, PSID, …) and `contact_identity`
   * ours (the flow's). Admin and service credentials only; any other caller is
   * PERMISSION_DENIED.
   * </pre>
   */
  public static abstract class GatewayServiceImplBase
      implements io.grpc.BindableService, AsyncService {

    @java.lang.Override public final io.grpc.ServerServiceDefinition bindService() {
      return GatewayServiceGrpc.bindService(this);
    }
  }

  /**
   * A stub to allow clients to do asynchronous rpc calls to service GatewayService.
   * <pre>
   * Connects channel adapters (SMS, WhatsApp, Messenger, LINE, custom gateways)
   * to relaydesk, service to service: inbound messages come in through
   * `DeliverInbound`, outbound ones leave through `StreamOutbound` and are
   * acknowledged with `AckOutbound`. Both ways, `customer_address` is the
   * customer's handle (phone, `whatsapp:+…`, PSID, …) and `contact_identity`
   * ours (the flow's). Admin and service credentials only; any other caller is
   * PERMISSION_DENIED.
   * </pre>
   */
  public static final class GatewayServiceStub
      extends io.grpc.stub.AbstractAsyncStub<GatewayServiceStub> {
    private GatewayServiceStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected GatewayServiceStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new GatewayServiceStub(channel, callOptions);
    }

    /**
     * <pre>
     * Delivers one message a customer sent, and runs the inbound orchestration:
     * the enabled flow for (`channel_type`, `contact_identity`) is found; the
     * message joins the channel of the customer's active session, or starts a
     * new conversation (channel, or the kept one of a long-lived flow; session;
     * customer member) and runs the flow's integration (task, bot or webhook).
     * The message is INBOUND, authored by the customer. Idempotent forever per
     * (`channel_type`, `external_id`): a repeat changes nothing and returns the
     * original message with `duplicate` set, whatever its other fields say.
     * Emits MESSAGE_ADDED, and for a new conversation CHANNEL_CREATED (or
     * CHANNEL_UPDATED), MEMBER_JOINED, SESSION_CREATED and TASK_CREATED or
     * EXECUTION_CREATED.
     * Errors: INVALID_ARGUMENT (a required field empty or UNSPECIFIED, neither
     * body nor media, a field over its limit, a malformed media URL), NOT_FOUND
     * (no flow has this channel type and contact identity), FAILED_PRECONDITION
     * (the matching flow is disabled), PERMISSION_DENIED (not an admin or
     * service), RESOURCE_EXHAUSTED (over the channel's write rate of 30
     * messages/s, bursts of 150; retry after the RetryInfo delay).
     * </pre>
     */
    public void deliverInbound(com.relaydesk.v1.DeliverInboundRequest request,
        io.grpc.stub.StreamObserver<com.relaydesk.v1.DeliverInboundResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getDeliverInboundMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Streams the OUTBOUND messages to send: every OUTBOUND message of a channel
     * with an active session, on the requested channel types, at least once.
     * Each delivery is leased to this stream (default 30 s); one not
     * acknowledged with `AckOutbound` before `lease_expire_time` is sent again,
     * to this or another connected adapter, with `attempt` counted up, and the
     * deliveries of a stream that ends go back the same way when their leases
     * end. Deliveries of one channel come in message order: the next one is held
     * until the previous one is acknowledged. Adapters deduplicate by `id`. The
     * stream stays open until the client cancels it or the server stops
     * (UNAVAILABLE: reconnect).
     * Errors: INVALID_ARGUMENT (an UNSPECIFIED channel type), PERMISSION_DENIED
     * (not an admin or service).
     * </pre>
     */
    public void streamOutbound(com.relaydesk.v1.StreamOutboundRequest request,
        io.grpc.stub.StreamObserver<com.relaydesk.v1.StreamOutboundResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncServerStreamingCall(
          getChannel().newCall(getStreamOutboundMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Reports how far an outbound delivery has travelled: updates the message's
     * `delivery` and emits MESSAGE_UPDATED. Any acknowledgment ends the
     * delivery's lease; FAILED is not retried. Statuses move forward only (SENT,
     * DELIVERED, READ; FAILED is final): a late report of a status the message
     * has already passed changes nothing and returns the message as it is.
     * Errors: INVALID_ARGUMENT (empty id, a status other than SENT, DELIVERED,
     * READ or FAILED, a field over its limit), NOT_FOUND (no such delivery, or its
     * message was deleted), PERMISSION_DENIED (not an admin or service).
     * </pre>
     */
    public void ackOutbound(com.relaydesk.v1.AckOutboundRequest request,
        io.grpc.stub.StreamObserver<com.relaydesk.v1.AckOutboundResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getAckOutboundMethod(), getCallOptions()), request, responseObserver);
    }
  }

  /**
   * A stub to allow clients to do synchronous rpc calls to service GatewayService.
   * <pre>
   * Connects channel adapters (SMS, WhatsApp, Messenger, LINE, custom gateways)
   * to relaydesk, service to service: inbound messages come in through
   * `DeliverInbound`, outbound ones leave through `StreamOutbound` and are
   * acknowledged with `AckOutbound`. Both ways, `customer_address` is the
   * customer's handle (phone, `whatsapp:+…`, PSID, …) and `contact_identity`
   * ours (the flow's). Admin and service credentials only; any other caller is
   * PERMISSION_DENIED.
   * </pre>
   */
  public static final class GatewayServiceBlockingV2Stub
      extends io.grpc.stub.AbstractBlockingStub<GatewayServiceBlockingV2Stub> {
    private GatewayServiceBlockingV2Stub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected GatewayServiceBlockingV2Stub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new GatewayServiceBlockingV2Stub(channel, callOptions);
    }

    /**
     * <pre>
     * Delivers one message a customer sent, and runs the inbound orchestration:
     * the enabled flow for (`channel_type`, `contact_identity`) is found; the
     * message joins the channel of the customer's active session, or starts a
     * new conversation (channel, or the kept one of a long-lived flow; session;
     * customer member) and runs the flow's integration (task, bot or webhook).
     * The message is INBOUND, authored by the customer. Idempotent forever per
     * (`channel_type`, `external_id`): a repeat changes nothing and returns the
     * original message with `duplicate` set, whatever its other fields say.
     * Emits MESSAGE_ADDED, and for a new conversation CHANNEL_CREATED (or
     * CHANNEL_UPDATED), MEMBER_JOINED, SESSION_CREATED and TASK_CREATED or
     * EXECUTION_CREATED.
     * Errors: INVALID_ARGUMENT (a required field empty or UNSPECIFIED, neither
     * body nor media, a field over its limit, a malformed media URL), NOT_FOUND
     * (no flow has this channel type and contact identity), FAILED_PRECONDITION
     * (the matching flow is disabled), PERMISSION_DENIED (not an admin or
     * service), RESOURCE_EXHAUSTED (over the channel's write rate of 30
     * messages/s, bursts of 150; retry after the RetryInfo delay).
     * </pre>
     */
    public com.relaydesk.v1.DeliverInboundResponse deliverInbound(com.relaydesk.v1.DeliverInboundRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getDeliverInboundMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Streams the OUTBOUND messages to send: every OUTBOUND message of a channel
     * with an active session, on the requested channel types, at least once.
     * Each delivery is leased to this stream (default 30 s); one not
     * acknowledged with `AckOutbound` before `lease_expire_time` is sent again,
     * to this or another connected adapter, with `attempt` counted up, and the
     * deliveries of a stream that ends go back the same way when their leases
     * end. Deliveries of one channel come in message order: the next one is held
     * until the previous one is acknowledged. Adapters deduplicate by `id`. The
     * stream stays open until the client cancels it or the server stops
     * (UNAVAILABLE: reconnect).
     * Errors: INVALID_ARGUMENT (an UNSPECIFIED channel type), PERMISSION_DENIED
     * (not an admin or service).
     * </pre>
     */
    @io.grpc.ExperimentalApi("https://github.com/grpc/grpc-java/issues/10918")
    public io.grpc.stub.BlockingClientCall<?, com.relaydesk.v1.StreamOutboundResponse>
        streamOutbound(com.relaydesk.v1.StreamOutboundRequest request) {
      return io.grpc.stub.ClientCalls.blockingV2ServerStreamingCall(
          getChannel(), getStreamOutboundMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Reports how far an outbound delivery has travelled: updates the message's
     * `delivery` and emits MESSAGE_UPDATED. Any acknowledgment ends the
     * delivery's lease; FAILED is not retried. Statuses move forward only (SENT,
     * DELIVERED, READ; FAILED is final): a late report of a status the message
     * has already passed changes nothing and returns the message as it is.
     * Errors: INVALID_ARGUMENT (empty id, a status other than SENT, DELIVERED,
     * READ or FAILED, a field over its limit), NOT_FOUND (no such delivery, or its
     * message was deleted), PERMISSION_DENIED (not an admin or service).
     * </pre>
     */
    public com.relaydesk.v1.AckOutboundResponse ackOutbound(com.relaydesk.v1.AckOutboundRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getAckOutboundMethod(), getCallOptions(), request);
    }
  }

  /**
   * A stub to allow clients to do limited synchronous rpc calls to service GatewayService.
   * <pre>
   * Connects channel adapters (SMS, WhatsApp, Messenger, LINE, custom gateways)
   * to relaydesk, service to service: inbound messages come in through
   * `DeliverInbound`, outbound ones leave through `StreamOutbound` and are
   * acknowledged with `AckOutbound`. Both ways, `customer_address` is the
   * customer's handle (phone, `whatsapp:+…`, PSID, …) and `contact_identity`
   * ours (the flow's). Admin and service credentials only; any other caller is
   * PERMISSION_DENIED.
   * </pre>
   */
  public static final class GatewayServiceBlockingStub
      extends io.grpc.stub.AbstractBlockingStub<GatewayServiceBlockingStub> {
    private GatewayServiceBlockingStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected GatewayServiceBlockingStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new GatewayServiceBlockingStub(channel, callOptions);
    }

    /**
     * <pre>
     * Delivers one message a customer sent, and runs the inbound orchestration:
     * the enabled flow for (`channel_type`, `contact_identity`) is found; the
     * message joins the channel of the customer's active session, or starts a
     * new conversation (channel, or the kept one of a long-lived flow; session;
     * customer member) and runs the flow's integration (task, bot or webhook).
     * The message is INBOUND, authored by the customer. Idempotent forever per
     * (`channel_type`, `external_id`): a repeat changes nothing and returns the
     * original message with `duplicate` set, whatever its other fields say.
     * Emits MESSAGE_ADDED, and for a new conversation CHANNEL_CREATED (or
     * CHANNEL_UPDATED), MEMBER_JOINED, SESSION_CREATED and TASK_CREATED or
     * EXECUTION_CREATED.
     * Errors: INVALID_ARGUMENT (a required field empty or UNSPECIFIED, neither
     * body nor media, a field over its limit, a malformed media URL), NOT_FOUND
     * (no flow has this channel type and contact identity), FAILED_PRECONDITION
     * (the matching flow is disabled), PERMISSION_DENIED (not an admin or
     * service), RESOURCE_EXHAUSTED (over the channel's write rate of 30
     * messages/s, bursts of 150; retry after the RetryInfo delay).
     * </pre>
     */
    public com.relaydesk.v1.DeliverInboundResponse deliverInbound(com.relaydesk.v1.DeliverInboundRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getDeliverInboundMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Streams the OUTBOUND messages to send: every OUTBOUND message of a channel
     * with an active session, on the requested channel types, at least once.
     * Each delivery is leased to this stream (default 30 s); one not
     * acknowledged with `AckOutbound` before `lease_expire_time` is sent again,
     * to this or another connected adapter, with `attempt` counted up, and the
     * deliveries of a stream that ends go back the same way when their leases
     * end. Deliveries of one channel come in message order: the next one is held
     * until the previous one is acknowledged. Adapters deduplicate by `id`. The
     * stream stays open until the client cancels it or the server stops
     * (UNAVAILABLE: reconnect).
     * Errors: INVALID_ARGUMENT (an UNSPECIFIED channel type), PERMISSION_DENIED
     * (not an admin or service).
     * </pre>
     */
    public java.util.Iterator<com.relaydesk.v1.StreamOutboundResponse> streamOutbound(
        com.relaydesk.v1.StreamOutboundRequest request) {
      return io.grpc.stub.ClientCalls.blockingServerStreamingCall(
          getChannel(), getStreamOutboundMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Reports how far an outbound delivery has travelled: updates the message's
     * `delivery` and emits MESSAGE_UPDATED. Any acknowledgment ends the
     * delivery's lease; FAILED is not retried. Statuses move forward only (SENT,
     * DELIVERED, READ; FAILED is final): a late report of a status the message
     * has already passed changes nothing and returns the message as it is.
     * Errors: INVALID_ARGUMENT (empty id, a status other than SENT, DELIVERED,
     * READ or FAILED, a field over its limit), NOT_FOUND (no such delivery, or its
     * message was deleted), PERMISSION_DENIED (not an admin or service).
     * </pre>
     */
    public com.relaydesk.v1.AckOutboundResponse ackOutbound(com.relaydesk.v1.AckOutboundRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getAckOutboundMethod(), getCallOptions(), request);
    }
  }

  /**
   * A stub to allow clients to do ListenableFuture-style rpc calls to service GatewayService.
   * <pre>
   * Connects channel adapters (SMS, WhatsApp, Messenger, LINE, custom gateways)
   * to relaydesk, service to service: inbound messages come in through
   * `DeliverInbound`, outbound ones leave through `StreamOutbound` and are
   * acknowledged with `AckOutbound`. Both ways, `customer_address` is the
   * customer's handle (phone, `whatsapp:+…`, PSID, …) and `contact_identity`
   * ours (the flow's). Admin and service credentials only; any other caller is
   * PERMISSION_DENIED.
   * </pre>
   */
  public static final class GatewayServiceFutureStub
      extends io.grpc.stub.AbstractFutureStub<GatewayServiceFutureStub> {
    private GatewayServiceFutureStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected GatewayServiceFutureStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new GatewayServiceFutureStub(channel, callOptions);
    }

    /**
     * <pre>
     * Delivers one message a customer sent, and runs the inbound orchestration:
     * the enabled flow for (`channel_type`, `contact_identity`) is found; the
     * message joins the channel of the customer's active session, or starts a
     * new conversation (channel, or the kept one of a long-lived flow; session;
     * customer member) and runs the flow's integration (task, bot or webhook).
     * The message is INBOUND, authored by the customer. Idempotent forever per
     * (`channel_type`, `external_id`): a repeat changes nothing and returns the
     * original message with `duplicate` set, whatever its other fields say.
     * Emits MESSAGE_ADDED, and for a new conversation CHANNEL_CREATED (or
     * CHANNEL_UPDATED), MEMBER_JOINED, SESSION_CREATED and TASK_CREATED or
     * EXECUTION_CREATED.
     * Errors: INVALID_ARGUMENT (a required field empty or UNSPECIFIED, neither
     * body nor media, a field over its limit, a malformed media URL), NOT_FOUND
     * (no flow has this channel type and contact identity), FAILED_PRECONDITION
     * (the matching flow is disabled), PERMISSION_DENIED (not an admin or
     * service), RESOURCE_EXHAUSTED (over the channel's write rate of 30
     * messages/s, bursts of 150; retry after the RetryInfo delay).
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<com.relaydesk.v1.DeliverInboundResponse> deliverInbound(
        com.relaydesk.v1.DeliverInboundRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getDeliverInboundMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Reports how far an outbound delivery has travelled: updates the message's
     * `delivery` and emits MESSAGE_UPDATED. Any acknowledgment ends the
     * delivery's lease; FAILED is not retried. Statuses move forward only (SENT,
     * DELIVERED, READ; FAILED is final): a late report of a status the message
     * has already passed changes nothing and returns the message as it is.
     * Errors: INVALID_ARGUMENT (empty id, a status other than SENT, DELIVERED,
     * READ or FAILED, a field over its limit), NOT_FOUND (no such delivery, or its
     * message was deleted), PERMISSION_DENIED (not an admin or service).
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<com.relaydesk.v1.AckOutboundResponse> ackOutbound(
        com.relaydesk.v1.AckOutboundRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getAckOutboundMethod(), getCallOptions()), request);
    }
  }

  private static final int METHODID_DELIVER_INBOUND = 0;
  private static final int METHODID_STREAM_OUTBOUND = 1;
  private static final int METHODID_ACK_OUTBOUND = 2;

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
        case METHODID_DELIVER_INBOUND:
          serviceImpl.deliverInbound((com.relaydesk.v1.DeliverInboundRequest) request,
              (io.grpc.stub.StreamObserver<com.relaydesk.v1.DeliverInboundResponse>) responseObserver);
          break;
        case METHODID_STREAM_OUTBOUND:
          serviceImpl.streamOutbound((com.relaydesk.v1.StreamOutboundRequest) request,
              (io.grpc.stub.StreamObserver<com.relaydesk.v1.StreamOutboundResponse>) responseObserver);
          break;
        case METHODID_ACK_OUTBOUND:
          serviceImpl.ackOutbound((com.relaydesk.v1.AckOutboundRequest) request,
              (io.grpc.stub.StreamObserver<com.relaydesk.v1.AckOutboundResponse>) responseObserver);
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
          getDeliverInboundMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              com.relaydesk.v1.DeliverInboundRequest,
              com.relaydesk.v1.DeliverInboundResponse>(
                service, METHODID_DELIVER_INBOUND)))
        .addMethod(
          getStreamOutboundMethod(),
          io.grpc.stub.ServerCalls.asyncServerStreamingCall(
            new MethodHandlers<
              com.relaydesk.v1.StreamOutboundRequest,
              com.relaydesk.v1.StreamOutboundResponse>(
                service, METHODID_STREAM_OUTBOUND)))
        .addMethod(
          getAckOutboundMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              com.relaydesk.v1.AckOutboundRequest,
              com.relaydesk.v1.AckOutboundResponse>(
                service, METHODID_ACK_OUTBOUND)))
        .build();
  }

  private static abstract class GatewayServiceBaseDescriptorSupplier
      implements io.grpc.protobuf.ProtoFileDescriptorSupplier, io.grpc.protobuf.ProtoServiceDescriptorSupplier {
    GatewayServiceBaseDescriptorSupplier() {}

    @java.lang.Override
    public com.google.protobuf.Descriptors.FileDescriptor getFileDescriptor() {
      return com.relaydesk.v1.GatewayServiceProto.getDescriptor();
    }

    @java.lang.Override
    public com.google.protobuf.Descriptors.ServiceDescriptor getServiceDescriptor() {
      return getFileDescriptor().findServiceByName("GatewayService");
    }
  }

  private static final class GatewayServiceFileDescriptorSupplier
      extends GatewayServiceBaseDescriptorSupplier {
    GatewayServiceFileDescriptorSupplier() {}
  }

  private static final class GatewayServiceMethodDescriptorSupplier
      extends GatewayServiceBaseDescriptorSupplier
      implements io.grpc.protobuf.ProtoMethodDescriptorSupplier {
    private final java.lang.String methodName;

    GatewayServiceMethodDescriptorSupplier(java.lang.String methodName) {
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
      synchronized (GatewayServiceGrpc.class) {
        result = serviceDescriptor;
        if (result == null) {
          serviceDescriptor = result = io.grpc.ServiceDescriptor.newBuilder(SERVICE_NAME)
              .setSchemaDescriptor(new GatewayServiceFileDescriptorSupplier())
              .addMethod(getDeliverInboundMethod())
              .addMethod(getStreamOutboundMethod())
              .addMethod(getAckOutboundMethod())
              .build();
        }
      }
    }
    return result;
  }
}
