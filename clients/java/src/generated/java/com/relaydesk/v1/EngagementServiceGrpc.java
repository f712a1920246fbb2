package com.relaydesk.v1;

import static io.grpc.MethodDescriptor.generateFullMethodName;

/**
 * <pre>
 * Starts conversations: a web chat for a site visitor, or an outbound
 * conversation an agent opens with a customer.
 * </pre>
 */
@io.grpc.stub.annotations.GrpcGenerated
public final class EngagementServiceGrpc {

  private EngagementServiceGrpc() {}

  public static final java.lang.String SERVICE_NAME = "relaydesk.v1.EngagementService";

  // Static method descriptors that strictly reflect the proto.
  private static volatile io.grpc.MethodDescriptor<com.relaydesk.v1.StartWebchatRequest,
      com.relaydesk.v1.StartWebchatResponse> getStartWebchatMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "StartWebchat",
      requestType = com.relaydesk.v1.StartWebchatRequest.class,
      responseType = com.relaydesk.v1.StartWebchatResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<com.relaydesk.v1.StartWebchatRequest,
      com.relaydesk.v1.StartWebchatResponse> getStartWebchatMethod() {
    io.grpc.MethodDescriptor<com.relaydesk.v1.StartWebchatRequest, com.relaydesk.v1.StartWebchatResponse> getStartWebchatMethod;
    if ((getStartWebchatMethod = EngagementServiceGrpc.getStartWebchatMethod) == null) {
      synchronized (EngagementServiceGrpc.class) {
        if ((getStartWebchatMethod = EngagementServiceGrpc.getStartWebchatMethod) == null) {
          EngagementServiceGrpc.getStartWebchatMethod = getStartWebchatMethod =
              io.grpc.MethodDescriptor.<com.relaydesk.v1.StartWebchatRequest, com.relaydesk.v1.StartWebchatResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "StartWebchat"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.relaydesk.v1.StartWebchatRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.relaydesk.v1.StartWebchatResponse.getDefaultInstance()))
              .setSchemaDescriptor(new EngagementServiceMethodDescriptorSupplier("StartWebchat"))
              .build();
        }
      }
    }
    return getStartWebchatMethod;
  }

  private static volatile io.grpc.MethodDescriptor<com.relaydesk.v1.StartOutboundRequest,
      com.relaydesk.v1.StartOutboundResponse> getStartOutboundMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "StartOutbound",
      requestType = com.relaydesk.v1.StartOutboundRequest.class,
      responseType = com.relaydesk.v1.StartOutboundResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<com.relaydesk.v1.StartOutboundRequest,
      com.relaydesk.v1.StartOutboundResponse> getStartOutboundMethod() {
    io.grpc.MethodDescriptor<com.relaydesk.v1.StartOutboundRequest, com.relaydesk.v1.StartOutboundResponse> getStartOutboundMethod;
    if ((getStartOutboundMethod = EngagementServiceGrpc.getStartOutboundMethod) == null) {
      synchronized (EngagementServiceGrpc.class) {
        if ((getStartOutboundMethod = EngagementServiceGrpc.getStartOutboundMethod) == null) {
          EngagementServiceGrpc.getStartOutboundMethod = getStartOutboundMethod =
              io.grpc.MethodDescriptor.<com.relaydesk.v1.StartOutboundRequest, com.relaydesk.v1.StartOutboundResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "StartOutbound"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.relaydesk.v1.StartOutboundRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.relaydesk.v1.StartOutboundResponse.getDefaultInstance()))
              .setSchemaDescriptor(new EngagementServiceMethodDescriptorSupplier("StartOutbound"))
              .build();
        }
      }
    }
    return getStartOutboundMethod;
  }

  /**
   * Creates a new async stub that supports all call types for the service
   */
  public static EngagementServiceStub newStub(io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<EngagementServiceStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<EngagementServiceStub>() {
        @java.lang.Override
        public EngagementServiceStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new EngagementServiceStub(channel, callOptions);
        }
      };
    return EngagementServiceStub.newStub(factory, channel);
  }

  /**
   * Creates a new blocking-style stub that supports all types of calls on the service
   */
  public static EngagementServiceBlockingV2Stub newBlockingV2Stub(
      io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<EngagementServiceBlockingV2Stub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<EngagementServiceBlockingV2Stub>() {
        @java.lang.Override
        public EngagementServiceBlockingV2Stub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new EngagementServiceBlockingV2Stub(channel, callOptions);
        }
      };
    return EngagementServiceBlockingV2Stub.newStub(factory, channel);
  }

  /**
   * Creates a new blocking-style stub that supports unary and streaming output calls on the service
   */
  public static EngagementServiceBlockingStub newBlockingStub(
      io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<EngagementServiceBlockingStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<EngagementServiceBlockingStub>() {
        @java.lang.Override
        public EngagementServiceBlockingStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new EngagementServiceBlockingStub(channel, callOptions);
        }
      };
    return EngagementServiceBlockingStub.newStub(factory, channel);
  }

  /**
   * Creates a new ListenableFuture-style stub that supports unary calls on the service
   */
  public static EngagementServiceFutureStub newFutureStub(
      io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<EngagementServiceFutureStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<EngagementServiceFutureStub>() {
        @java.lang.Override
        public EngagementServiceFutureStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new EngagementServiceFutureStub(channel, callOptions);
        }
      };
    return EngagementServiceFutureStub.newStub(factory, channel);
  }

  /**
   * <pre>
   * Starts conversations: a web chat for a site visitor, or an outbound
   * conversation an agent opens with a customer.
   * </pre>
   */
  public interface AsyncService {

    /**
     * <pre>
     * Starts a web chat on a WEB flow: creates a PRIVATE channel with the visitor
     * as its CUSTOMER member, and a customer access token scoped to it (valid
     * 1 h). When the identity already has an ACTIVE channel on this flow, that
     * channel is returned with a new token. The flow's integration runs on the
     * customer's first message; its task carries `channel`, `channel_type`
     * (`CHANNEL_TYPE_WEB`), `customer_address` (the visitor's identity),
     * `display_name` and `pre_engagement`. Admins and services (the site's
     * backend) may call it, and so may a visitor without a credential (a public
     * web page) on an enabled WEB flow, within a rate of starts per client
     * address; such a visitor cannot choose `identity`. A call from a browser page
     * (an `Origin` header) must come from one of the flow's `allowed_origins`,
     * when it has any. Emits CHANNEL_CREATED and MEMBER_JOINED for a new channel.
     * Errors: INVALID_ARGUMENT (empty or malformed flow, `system` as identity, a
     * field over its limit), NOT_FOUND (the flow), FAILED_PRECONDITION (not a WEB
     * flow, or the flow is disabled), UNAUTHENTICATED (no credential, and the
     * request does not name an enabled WEB flow), PERMISSION_DENIED (neither an
     * admin nor a service nor a visitor; a page origin the flow does not allow;
     * a visitor naming an identity), RESOURCE_EXHAUSTED (a visitor's address over
     * its rate of starts).
     * </pre>
     */
    default void startWebchat(com.relaydesk.v1.StartWebchatRequest request,
        io.grpc.stub.StreamObserver<com.relaydesk.v1.StartWebchatResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getStartWebchatMethod(), responseObserver);
    }

    /**
     * <pre>
     * Starts an outbound conversation with the customer at `to`: creates a
     * channel (a long-lived one reuses the customer's kept channel on this flow),
     * a session (customer address `to`, proxy identifier the flow's contact
     * identity) and the agent as AGENT member, then sends `body` as the first
     * OUTBOUND message. An agent caller acts for itself; an admin or service
     * acts for `agent_identity`. Works on disabled flows too. With IMMEDIATE, a
     * task is created and assigned to the agent at once (its reservation
     * accepted); with ON_CUSTOMER_REPLY, the task is created on the customer's
     * first reply, offered first to the agent (when it is a worker, for the
     * workflow's reservation timeout), then routed through the flow's workflow.
     * When the customer already has an active session with the flow's contact
     * identity, `reuse_existing` continues that conversation instead: the agent
     * joins its channel if not a member, `body` is sent into it, no task is
     * created, and its channel, session and current task are returned. Emits
     * the events of every change it makes (CHANNEL_CREATED, SESSION_CREATED,
     * MEMBER_JOINED, MESSAGE_ADDED, TASK_CREATED, …).
     * Errors: INVALID_ARGUMENT (empty or malformed flow, empty `to`, an admin or
     * service caller without `agent_identity`, a field over its limit),
     * NOT_FOUND (the flow), FAILED_PRECONDITION (a WEB flow, a flow without a
     * task integration, IMMEDIATE and the agent is not a worker),
     * ALREADY_EXISTS (the customer has an active session with this contact
     * identity, named in the error, and `reuse_existing` is not set),
     * PERMISSION_DENIED (a customer caller, an agent naming another identity),
     * RESOURCE_EXHAUSTED (a reused channel over its write rate).
     * </pre>
     */
    default void startOutbound(com.relaydesk.v1.StartOutboundRequest request,
        io.grpc.stub.StreamObserver<com.relaydesk.v1.StartOutboundResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getStartOutboundMethod(), responseObserver);
    }
  }

  /**
   * Base class for the server implementation of the service EngagementService.
   * <pre>
   * Starts conversations: a web chat for a site visitor, or an outbound
   * conversation an agent opens with a customer.
   * </pre>
   */
  public static abstract class EngagementServiceImplBase
      implements io.grpc.BindableService, AsyncService {

    @java.lang.Override public final io.grpc.ServerServiceDefinition bindService() {
      return EngagementServiceGrpc.bindService(this);
    }
  }

  /**
   * A stub to allow clients to do asynchronous rpc calls to service EngagementService.
   * <pre>
   * Starts conversations: a web chat for a site visitor, or an outbound
   * conversation an agent opens with a customer.
   * </pre>
   */
  public static final class EngagementServiceStub
      extends io.grpc.stub.AbstractAsyncStub<EngagementServiceStub> {
    private EngagementServiceStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected EngagementServiceStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new EngagementServiceStub(channel, callOptions);
    }

    /**
     * <pre>
     * Starts a web chat on a WEB flow: creates a PRIVATE channel with the visitor
     * as its CUSTOMER member, and a customer access token scoped to it (valid
     * 1 h). When the identity already has an ACTIVE channel on this flow, that
     * channel is returned with a new token. The flow's integration runs on the
     * customer's first message; its task carries `channel`, `channel_type`
     * (`CHANNEL_TYPE_WEB`), `customer_address` (the visitor's identity),
     * `display_name` and `pre_engagement`. Admins and services (the site's
     * backend) may call it, and so may a visitor without a credential (a public
     * web page) on an enabled WEB flow, within a rate of starts per client
     * address; such a visitor cannot choose `identity`. A call from a browser page
     * (an `Origin` header) must come from one of the flow's `allowed_origins`,
     * when it has any. Emits CHANNEL_CREATED and MEMBER_JOINED for a new channel.
     * Errors: INVALID_ARGUMENT (empty or malformed flow, `system` as identity, a
     * field over its limit), NOT_FOUND (the flow), FAILED_PRECONDITION (not a WEB
     * flow, or the flow is disabled), UNAUTHENTICATED (no credential, and the
     * request does not name an enabled WEB flow), PERMISSION_DENIED (neither an
     * admin nor a service nor a visitor; a page origin the flow does not allow;
     * a visitor naming an identity), RESOURCE_EXHAUSTED (a visitor's address over
     * its rate of starts).
     * </pre>
     */
    public void startWebchat(com.relaydesk.v1.StartWebchatRequest request,
        io.grpc.stub.StreamObserver<com.relaydesk.v1.StartWebchatResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getStartWebchatMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Starts an outbound conversation with the customer at `to`: creates a
     * channel (a long-lived one reuses the customer's kept channel on this flow),
     * a session (customer address `to`, proxy identifier the flow's contact
     * identity) and the agent as AGENT member, then sends `body` as the first
     * OUTBOUND message. An agent caller acts for itself; an admin or service
     * acts for `agent_identity`. Works on disabled flows too. With IMMEDIATE, a
     * task is created and assigned to the agent at once (its reservation
     * accepted); with ON_CUSTOMER_REPLY, the task is created on the customer's
     * first reply, offered first to the agent (when it is a worker, for the
     * workflow's reservation timeout), then routed through the flow's workflow.
     * When the customer already has an active session with the flow's contact
     * identity, `reuse_existing` continues that conversation instead: the agent
     * joins its channel if not a member, `body` is sent into it, no task is
     * created, and its channel, session and current task are returned. Emits
     * the events of every change it makes (CHANNEL_CREATED, SESSION_CREATED,
     * MEMBER_JOINED, MESSAGE_ADDED, TASK_CREATED, …).
     * Errors: INVALID_ARGUMENT (empty or malformed flow, empty `to`, an admin or
     * service caller without `agent_identity`, a field over its limit),
     * NOT_FOUND (the flow), FAILED_PRECONDITION (a WEB flow, a flow without a
     * task integration, IMMEDIATE and the agent is not a worker),
     * ALREADY_EXISTS (the customer has an active session with this contact
     * identity, named in the error, and `reuse_existing` is not set),
     * PERMISSION_DENIED (a customer caller, an agent naming another identity),
     * RESOURCE_EXHAUSTED (a reused channel over its write rate).
     * </pre>
     */
    public void startOutbound(com.relaydesk.v1.StartOutboundRequest request,
        io.grpc.stub.StreamObserver<com.relaydesk.v1.StartOutboundResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getStartOutboundMethod(), getCallOptions()), request, responseObserver);
    }
  }

  /**
   * A stub to allow clients to do synchronous rpc calls to service EngagementService.
   * <pre>
   * Starts conversations: a web chat for a site visitor, or an outbound
   * conversation an agent opens with a customer.
   * </pre>
   */
  public static final class EngagementServiceBlockingV2Stub
      extends io.grpc.stub.AbstractBlockingStub<EngagementServiceBlockingV2Stub> {
    private EngagementServiceBlockingV2Stub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected EngagementServiceBlockingV2Stub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new EngagementServiceBlockingV2Stub(channel, callOptions);
    }

    /**
     * <pre>
     * Starts a web chat on a WEB flow: creates a PRIVATE channel with the visitor
     * as its CUSTOMER member, and a customer access token scoped to it (valid
     * 1 h). When the identity already has an ACTIVE channel on this flow, that
     * channel is returned with a new token. The flow's integration runs on the
     * customer's first message; its task carries `channel`, `channel_type`
     * (`CHANNEL_TYPE_WEB`), `customer_address` (the visitor's identity),
     * `display_name` and `pre_engagement`. Admins and services (the site's
     * backend) may call it, and so may a visitor without a credential (a public
     * web page) on an enabled WEB flow, within a rate of starts per client
     * address; such a visitor cannot choose `identity`. A call from a browser page
     * (an `Origin` header) must come from one of the flow's `allowed_origins`,
     * when it has any. Emits CHANNEL_CREATED and MEMBER_JOINED for a new channel.
     * Errors: INVALID_ARGUMENT (empty or malformed flow, `system` as identity, a
     * field over its limit), NOT_FOUND (the flow), FAILED_PRECONDITION (not a WEB
     * flow, or the flow is disabled), UNAUTHENTICATED (no credential, and the
     * request does not name an enabled WEB flow), PERMISSION_DENIED (neither an
     * admin nor a service nor a visitor; a page origin the flow does not allow;
     * a visitor naming an identity), RESOURCE_EXHAUSTED (a visitor's address over
     * its rate of starts).
     * </pre>
     */
    public com.relaydesk.v1.StartWebchatResponse startWebchat(com.relaydesk.v1.StartWebchatRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getStartWebchatMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Starts an outbound conversation with the customer at `to`: creates a
     * channel (a long-lived one reuses the customer's kept channel on this flow),
     * a session (customer address `to`, proxy identifier the flow's contact
     * identity) and the agent as AGENT member, then sends `body` as the first
     * OUTBOUND message. An agent caller acts for itself; an admin or service
     * acts for `agent_identity`. Works on disabled flows too. With IMMEDIATE, a
     * task is created and assigned to the agent at once (its reservation
     * accepted); with ON_CUSTOMER_REPLY, the task is created on the customer's
     * first reply, offered first to the agent (when it is a worker, for the
     * workflow's reservation timeout), then routed through the flow's workflow.
     * When the customer already has an active session with the flow's contact
     * identity, `reuse_existing` continues that conversation instead: the agent
     * joins its channel if not a member, `body` is sent into it, no task is
     * created, and its channel, session and current task are returned. Emits
     * the events of every change it makes (CHANNEL_CREATED, SESSION_CREATED,
     * MEMBER_JOINED, MESSAGE_ADDED, TASK_CREATED, …).
     * Errors: INVALID_ARGUMENT (empty or malformed flow, empty `to`, an admin or
     * service caller without `agent_identity`, a field over its limit),
     * NOT_FOUND (the flow), FAILED_PRECONDITION (a WEB flow, a flow without a
     * task integration, IMMEDIATE and the agent is not a worker),
     * ALREADY_EXISTS (the customer has an active session with this contact
     * identity, named in the error, and `reuse_existing` is not set),
     * PERMISSION_DENIED (a customer caller, an agent naming another identity),
     * RESOURCE_EXHAUSTED (a reused channel over its write rate).
     * </pre>
     */
    public com.relaydesk.v1.StartOutboundResponse startOutbound(com.relaydesk.v1.StartOutboundRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getStartOutboundMethod(), getCallOptions(), request);
    }
  }

  /**
   * A stub to allow clients to do limited synchronous rpc calls to service EngagementService.
   * <pre>
   * Starts conversations: a web chat for a site visitor, or an outbound
   * conversation an agent opens with a customer.
   * </pre>
   */
  public static final class EngagementServiceBlockingStub
      extends io.grpc.stub.AbstractBlockingStub<EngagementServiceBlockingStub> {
    private EngagementServiceBlockingStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected EngagementServiceBlockingStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new EngagementServiceBlockingStub(channel, callOptions);
    }

    /**
     * <pre>
     * Starts a web chat on a WEB flow: creates a PRIVATE channel with the visitor
     * as its CUSTOMER member, and a customer access token scoped to it (valid
     * 1 h). When the identity already has an ACTIVE channel on this flow, that
     * channel is returned with a new token. The flow's integration runs on the
     * customer's first message; its task carries `channel`, `channel_type`
     * (`CHANNEL_TYPE_WEB`), `customer_address` (the visitor's identity),
     * `display_name` and `pre_engagement`. Admins and services (the site's
     * backend) may call it, and so may a visitor without a credential (a public
     * web page) on an enabled WEB flow, within a rate of starts per client
     * address; such a visitor cannot choose `identity`. A call from a browser page
     * (an `Origin` header) must come from one of the flow's `allowed_origins`,
     * when it has any. Emits CHANNEL_CREATED and MEMBER_JOINED for a new channel.
     * Errors: INVALID_ARGUMENT (empty or malformed flow, `system` as identity, a
     * field over its limit), NOT_FOUND (the flow), FAILED_PRECONDITION (not a WEB
     * flow, or the flow is disabled), UNAUTHENTICATED (no credential, and the
     * request does not name an enabled WEB flow), PERMISSION_DENIED (neither an
     * admin nor a service nor a visitor; a page origin the flow does not allow;
     * a visitor naming an identity), RESOURCE_EXHAUSTED (a visitor's address over
     * its rate of starts).
     * </pre>
     */
    public com.relaydesk.v1.StartWebchatResponse startWebchat(com.relaydesk.v1.StartWebchatRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getStartWebchatMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Starts an outbound conversation with the customer at `to`: creates a
     * channel (a long-lived one reuses the customer's kept channel on this flow),
     * a session (customer address `to`, proxy identifier the flow's contact
     * identity) and the agent as AGENT member, then sends `body` as the first
     * OUTBOUND message. An agent caller acts for itself; an admin or service
     * acts for `agent_identity`. Works on disabled flows too. With IMMEDIATE, a
     * task is created and assigned to the agent at once (its reservation
     * accepted); with ON_CUSTOMER_REPLY, the task is created on the customer's
     * first reply, offered first to the agent (when it is a worker, for the
     * workflow's reservation timeout), then routed through the flow's workflow.
     * When the customer already has an active session with the flow's contact
     * identity, `reuse_existing` continues that conversation instead: the agent
     * joins its channel if not a member, `body` is sent into it, no task is
     * created, and its channel, session and current task are returned. Emits
     * the events of every change it makes (CHANNEL_CREATED, SESSION_CREATED,
     * MEMBER_JOINED, MESSAGE_ADDED, TASK_CREATED, …).
     * Errors: INVALID_ARGUMENT (empty or malformed flow, empty `to`, an admin or
     * service caller without `agent_identity`, a field over its limit),
     * NOT_FOUND (the flow), FAILED_PRECONDITION (a WEB flow, a flow without a
     * task integration, IMMEDIATE and the agent is not a worker),
     * ALREADY_EXISTS (the customer has an active session with this contact
     * identity, named in the error, and `reuse_existing` is not set),
     * PERMISSION_DENIED (a customer caller, an agent naming another identity),
     * RESOURCE_EXHAUSTED (a reused channel over its write rate).
     * </pre>
     */
    public com.relaydesk.v1.StartOutboundResponse startOutbound(com.relaydesk.v1.StartOutboundRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getStartOutboundMethod(), getCallOptions(), request);
    }
  }

  /**
   * A stub to allow clients to do ListenableFuture-style rpc calls to service EngagementService.
   * <pre>
   * Starts conversations: a web chat for a site visitor, or an outbound
   * conversation an agent opens with a customer.
   * </pre>
   */
  public static final class EngagementServiceFutureStub
      extends io.grpc.stub.AbstractFutureStub<EngagementServiceFutureStub> {
    private EngagementServiceFutureStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected EngagementServiceFutureStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new EngagementServiceFutureStub(channel, callOptions);
    }

    /**
     * <pre>
     * Starts a web chat on a WEB flow: creates a PRIVATE channel with the visitor
     * as its CUSTOMER member, and a customer access token scoped to it (valid
     * 1 h). When the identity already has an ACTIVE channel on this flow, that
     * channel is returned with a new token. The flow's integration runs on the
     * customer's first message; its task carries `channel`, `channel_type`
     * (`CHANNEL_TYPE_WEB`), `customer_address` (the visitor's identity),
     * `display_name` and `pre_engagement`. Admins and services (the site's
     * backend) may call it, and so may a visitor without a credential (a public
     * web page) on an enabled WEB flow, within a rate of starts per client
     * address; such a visitor cannot choose `identity`. A call from a browser page
     * (an `Origin` header) must come from one of the flow's `allowed_origins`,
     * when it has any. Emits CHANNEL_CREATED and MEMBER_JOINED for a new channel.
     * Errors: INVALID_ARGUMENT (empty or malformed flow, `system` as identity, a
     * field over its limit), NOT_FOUND (the flow), FAILED_PRECONDITION (not a WEB
     * flow, or the flow is disabled), UNAUTHENTICATED (no credential, and the
     * request does not name an enabled WEB flow), PERMISSION_DENIED (neither an
     * admin nor a service nor a visitor; a page origin the flow does not allow;
     * a visitor naming an identity), RESOURCE_EXHAUSTED (a visitor's address over
     * its rate of starts).
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<com.relaydesk.v1.StartWebchatResponse> startWebchat(
        com.relaydesk.v1.StartWebchatRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getStartWebchatMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Starts an outbound conversation with the customer at `to`: creates a
     * channel (a long-lived one reuses the customer's kept channel on this flow),
     * a session (customer address `to`, proxy identifier the flow's contact
     * identity) and the agent as AGENT member, then sends `body` as the first
     * OUTBOUND message. An agent caller acts for itself; an admin or service
     * acts for `agent_identity`. Works on disabled flows too. With IMMEDIATE, a
     * task is created and assigned to the agent at once (its reservation
     * accepted); with ON_CUSTOMER_REPLY, the task is created on the customer's
     * first reply, offered first to the agent (when it is a worker, for the
     * workflow's reservation timeout), then routed through the flow's workflow.
     * When the customer already has an active session with the flow's contact
     * identity, `reuse_existing` continues that conversation instead: the agent
     * joins its channel if not a member, `body` is sent into it, no task is
     * created, and its channel, session and current task are returned. Emits
     * the events of every change it makes (CHANNEL_CREATED, SESSION_CREATED,
     * MEMBER_JOINED, MESSAGE_ADDED, TASK_CREATED, …).
     * Errors: INVALID_ARGUMENT (empty or malformed flow, empty `to`, an admin or
     * service caller without `agent_identity`, a field over its limit),
     * NOT_FOUND (the flow), FAILED_PRECONDITION (a WEB flow, a flow without a
     * task integration, IMMEDIATE and the agent is not a worker),
     * ALREADY_EXISTS (the customer has an active session with this contact
     * identity, named in the error, and `reuse_existing` is not set),
     * PERMISSION_DENIED (a customer caller, an agent naming another identity),
     * RESOURCE_EXHAUSTED (a reused channel over its write rate).
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<com.relaydesk.v1.StartOutboundResponse> startOutbound(
        com.relaydesk.v1.StartOutboundRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getStartOutboundMethod(), getCallOptions()), request);
    }
  }

  private static final int METHODID_START_WEBCHAT = 0;
  private static final int METHODID_START_OUTBOUND = 1;

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
        case METHODID_START_WEBCHAT:
          serviceImpl.startWebchat((com.relaydesk.v1.StartWebchatRequest) request,
              (io.grpc.stub.StreamObserver<com.relaydesk.v1.StartWebchatResponse>) responseObserver);
          break;
        case METHODID_START_OUTBOUND:
          serviceImpl.startOutbound((com.relaydesk.v1.StartOutboundRequest) request,
              (io.grpc.stub.StreamObserver<com.relaydesk.v1.StartOutboundResponse>) responseObserver);
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
          getStartWebchatMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              com.relaydesk.v1.StartWebchatRequest,
              com.relaydesk.v1.StartWebchatResponse>(
                service, METHODID_START_WEBCHAT)))
        .addMethod(
          getStartOutboundMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              com.relaydesk.v1.StartOutboundRequest,
              com.relaydesk.v1.StartOutboundResponse>(
                service, METHODID_START_OUTBOUND)))
        .build();
  }

  private static abstract class EngagementServiceBaseDescriptorSupplier
      implements io.grpc.protobuf.ProtoFileDescriptorSupplier, io.grpc.protobuf.ProtoServiceDescriptorSupplier {
    EngagementServiceBaseDescriptorSupplier() {}

    @java.lang.Override
    public com.google.protobuf.Descriptors.FileDescriptor getFileDescriptor() {
      return com.relaydesk.v1.EngagementServiceProto.getDescriptor();
    }

    @java.lang.Override
    public com.google.protobuf.Descriptors.ServiceDescriptor getServiceDescriptor() {
      return getFileDescriptor().findServiceByName("EngagementService");
    }
  }

  private static final class EngagementServiceFileDescriptorSupplier
      extends EngagementServiceBaseDescriptorSupplier {
    EngagementServiceFileDescriptorSupplier() {}
  }

  private static final class EngagementServiceMethodDescriptorSupplier
      extends EngagementServiceBaseDescriptorSupplier
      implements io.grpc.protobuf.ProtoMethodDescriptorSupplier {
    private final java.lang.String methodName;

    EngagementServiceMethodDescriptorSupplier(java.lang.String methodName) {
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
      synchronized (EngagementServiceGrpc.class) {
        result = serviceDescriptor;
        if (result == null) {
          serviceDescriptor = result = io.grpc.ServiceDescriptor.newBuilder(SERVICE_NAME)
              .setSchemaDescriptor(new EngagementServiceFileDescriptorSupplier())
              .addMethod(getStartWebchatMethod())
              .addMethod(getStartOutboundMethod())
              .build();
        }
      }
    }
    return result;
  }
}
