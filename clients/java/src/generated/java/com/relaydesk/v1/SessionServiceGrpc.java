package com.relaydesk.v1;

import static io.grpc.MethodDescriptor.generateFullMethodName;

/**
 * <pre>
 * Manages proxy sessions: which channel a customer's address leads to, and
 * where agents' replies go. Admins and services manage sessions; an agent
 * reads the sessions of the channels it is a member of. Anything else is
 * PERMISSION_DENIED, with no hint whether it exists.
 * </pre>
 */
@io.grpc.stub.annotations.GrpcGenerated
public final class SessionServiceGrpc {

  private SessionServiceGrpc() {}

  public static final java.lang.String SERVICE_NAME = "relaydesk.v1.SessionService";

  // Static method descriptors that strictly reflect the proto.
  private static volatile io.grpc.MethodDescriptor<com.relaydesk.v1.CreateSessionRequest,
      com.relaydesk.v1.CreateSessionResponse> getCreateSessionMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "CreateSession",
      requestType = com.relaydesk.v1.CreateSessionRequest.class,
      responseType = com.relaydesk.v1.CreateSessionResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<com.relaydesk.v1.CreateSessionRequest,
      com.relaydesk.v1.CreateSessionResponse> getCreateSessionMethod() {
    io.grpc.MethodDescriptor<com.relaydesk.v1.CreateSessionRequest, com.relaydesk.v1.CreateSessionResponse> getCreateSessionMethod;
    if ((getCreateSessionMethod = SessionServiceGrpc.getCreateSessionMethod) == null) {
      synchronized (SessionServiceGrpc.class) {
        if ((getCreateSessionMethod = SessionServiceGrpc.getCreateSessionMethod) == null) {
          SessionServiceGrpc.getCreateSessionMethod = getCreateSessionMethod =
              io.grpc.MethodDescriptor.<com.relaydesk.v1.CreateSessionRequest, com.relaydesk.v1.CreateSessionResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "CreateSession"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.relaydesk.v1.CreateSessionRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.relaydesk.v1.CreateSessionResponse.getDefaultInstance()))
              .setSchemaDescriptor(new SessionServiceMethodDescriptorSupplier("CreateSession"))
              .build();
        }
      }
    }
    return getCreateSessionMethod;
  }

  private static volatile io.grpc.MethodDescriptor<com.relaydesk.v1.GetSessionRequest,
      com.relaydesk.v1.GetSessionResponse> getGetSessionMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "GetSession",
      requestType = com.relaydesk.v1.GetSessionRequest.class,
      responseType = com.relaydesk.v1.GetSessionResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<com.relaydesk.v1.GetSessionRequest,
      com.relaydesk.v1.GetSessionResponse> getGetSessionMethod() {
    io.grpc.MethodDescriptor<com.relaydesk.v1.GetSessionRequest, com.relaydesk.v1.GetSessionResponse> getGetSessionMethod;
    if ((getGetSessionMethod = SessionServiceGrpc.getGetSessionMethod) == null) {
      synchronized (SessionServiceGrpc.class) {
        if ((getGetSessionMethod = SessionServiceGrpc.getGetSessionMethod) == null) {
          SessionServiceGrpc.getGetSessionMethod = getGetSessionMethod =
              io.grpc.MethodDescriptor.<com.relaydesk.v1.GetSessionRequest, com.relaydesk.v1.GetSessionResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "GetSession"))
              .setSafe(true)
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.relaydesk.v1.GetSessionRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.relaydesk.v1.GetSessionResponse.getDefaultInstance()))
              .setSchemaDescriptor(new SessionServiceMethodDescriptorSupplier("GetSession"))
              .build();
        }
      }
    }
    return getGetSessionMethod;
  }

  private static volatile io.grpc.MethodDescriptor<com.relaydesk.v1.ListSessionsRequest,
      com.relaydesk.v1.ListSessionsResponse> getListSessionsMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "ListSessions",
      requestType = com.relaydesk.v1.ListSessionsRequest.class,
      responseType = com.relaydesk.v1.ListSessionsResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<com.relaydesk.v1.ListSessionsRequest,
      com.relaydesk.v1.ListSessionsResponse> getListSessionsMethod() {
    io.grpc.MethodDescriptor<com.relaydesk.v1.ListSessionsRequest, com.relaydesk.v1.ListSessionsResponse> getListSessionsMethod;
    if ((getListSessionsMethod = SessionServiceGrpc.getListSessionsMethod) == null) {
      synchronized (SessionServiceGrpc.class) {
        if ((getListSessionsMethod = SessionServiceGrpc.getListSessionsMethod) == null) {
          SessionServiceGrpc.getListSessionsMethod = getListSessionsMethod =
              io.grpc.MethodDescriptor.<com.relaydesk.v1.ListSessionsRequest, com.relaydesk.v1.ListSessionsResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "ListSessions"))
              .setSafe(true)
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.relaydesk.v1.ListSessionsRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.relaydesk.v1.ListSessionsResponse.getDefaultInstance()))
              .setSchemaDescriptor(new SessionServiceMethodDescriptorSupplier("ListSessions"))
              .build();
        }
      }
    }
    return getListSessionsMethod;
  }

  private static volatile io.grpc.MethodDescriptor<com.relaydesk.v1.UpdateSessionRequest,
      com.relaydesk.v1.UpdateSessionResponse> getUpdateSessionMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "UpdateSession",
      requestType = com.relaydesk.v1.UpdateSessionRequest.class,
      responseType = com.relaydesk.v1.UpdateSessionResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<com.relaydesk.v1.UpdateSessionRequest,
      com.relaydesk.v1.UpdateSessionResponse> getUpdateSessionMethod() {
    io.grpc.MethodDescriptor<com.relaydesk.v1.UpdateSessionRequest, com.relaydesk.v1.UpdateSessionResponse> getUpdateSessionMethod;
    if ((getUpdateSessionMethod = SessionServiceGrpc.getUpdateSessionMethod) == null) {
      synchronized (SessionServiceGrpc.class) {
        if ((getUpdateSessionMethod = SessionServiceGrpc.getUpdateSessionMethod) == null) {
          SessionServiceGrpc.getUpdateSessionMethod = getUpdateSessionMethod =
              io.grpc.MethodDescriptor.<com.relaydesk.v1.UpdateSessionRequest, com.relaydesk.v1.UpdateSessionResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "UpdateSession"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.relaydesk.v1.UpdateSessionRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.relaydesk.v1.UpdateSessionResponse.getDefaultInstance()))
              .setSchemaDescriptor(new SessionServiceMethodDescriptorSupplier("UpdateSession"))
              .build();
        }
      }
    }
    return getUpdateSessionMethod;
  }

  private static volatile io.grpc.MethodDescriptor<com.relaydesk.v1.CloseSessionRequest,
      com.relaydesk.v1.CloseSessionResponse> getCloseSessionMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "CloseSession",
      requestType = com.relaydesk.v1.CloseSessionRequest.class,
      responseType = com.relaydesk.v1.CloseSessionResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<com.relaydesk.v1.CloseSessionRequest,
      com.relaydesk.v1.CloseSessionResponse> getCloseSessionMethod() {
    io.grpc.MethodDescriptor<com.relaydesk.v1.CloseSessionRequest, com.relaydesk.v1.CloseSessionResponse> getCloseSessionMethod;
    if ((getCloseSessionMethod = SessionServiceGrpc.getCloseSessionMethod) == null) {
      synchronized (SessionServiceGrpc.class) {
        if ((getCloseSessionMethod = SessionServiceGrpc.getCloseSessionMethod) == null) {
          SessionServiceGrpc.getCloseSessionMethod = getCloseSessionMethod =
              io.grpc.MethodDescriptor.<com.relaydesk.v1.CloseSessionRequest, com.relaydesk.v1.CloseSessionResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "CloseSession"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.relaydesk.v1.CloseSessionRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.relaydesk.v1.CloseSessionResponse.getDefaultInstance()))
              .setSchemaDescriptor(new SessionServiceMethodDescriptorSupplier("CloseSession"))
              .build();
        }
      }
    }
    return getCloseSessionMethod;
  }

  private static volatile io.grpc.MethodDescriptor<com.relaydesk.v1.ListParticipantsRequest,
      com.relaydesk.v1.ListParticipantsResponse> getListParticipantsMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "ListParticipants",
      requestType = com.relaydesk.v1.ListParticipantsRequest.class,
      responseType = com.relaydesk.v1.ListParticipantsResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<com.relaydesk.v1.ListParticipantsRequest,
      com.relaydesk.v1.ListParticipantsResponse> getListParticipantsMethod() {
    io.grpc.MethodDescriptor<com.relaydesk.v1.ListParticipantsRequest, com.relaydesk.v1.ListParticipantsResponse> getListParticipantsMethod;
    if ((getListParticipantsMethod = SessionServiceGrpc.getListParticipantsMethod) == null) {
      synchronized (SessionServiceGrpc.class) {
        if ((getListParticipantsMethod = SessionServiceGrpc.getListParticipantsMethod) == null) {
          SessionServiceGrpc.getListParticipantsMethod = getListParticipantsMethod =
              io.grpc.MethodDescriptor.<com.relaydesk.v1.ListParticipantsRequest, com.relaydesk.v1.ListParticipantsResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "ListParticipants"))
              .setSafe(true)
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.relaydesk.v1.ListParticipantsRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.relaydesk.v1.ListParticipantsResponse.getDefaultInstance()))
              .setSchemaDescriptor(new SessionServiceMethodDescriptorSupplier("ListParticipants"))
              .build();
        }
      }
    }
    return getListParticipantsMethod;
  }

  private static volatile io.grpc.MethodDescriptor<com.relaydesk.v1.ListInteractionsRequest,
      com.relaydesk.v1.ListInteractionsResponse> getListInteractionsMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "ListInteractions",
      requestType = com.relaydesk.v1.ListInteractionsRequest.class,
      responseType = com.relaydesk.v1.ListInteractionsResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<com.relaydesk.v1.ListInteractionsRequest,
      com.relaydesk.v1.ListInteractionsResponse> getListInteractionsMethod() {
    io.grpc.MethodDescriptor<com.relaydesk.v1.ListInteractionsRequest, com.relaydesk.v1.ListInteractionsResponse> getListInteractionsMethod;
    if ((getListInteractionsMethod = SessionServiceGrpc.getListInteractionsMethod) == null) {
      synchronized (SessionServiceGrpc.class) {
        if ((getListInteractionsMethod = SessionServiceGrpc.getListInteractionsMethod) == null) {
          SessionServiceGrpc.getListInteractionsMethod = getListInteractionsMethod =
              io.grpc.MethodDescriptor.<com.relaydesk.v1.ListInteractionsRequest, com.relaydesk.v1.ListInteractionsResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "ListInteractions"))
              .setSafe(true)
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.relaydesk.v1.ListInteractionsRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.relaydesk.v1.ListInteractionsResponse.getDefaultInstance()))
              .setSchemaDescriptor(new SessionServiceMethodDescriptorSupplier("ListInteractions"))
              .build();
        }
      }
    }
    return getListInteractionsMethod;
  }

  /**
   * Creates a new async stub that supports all call types for the service
   */
  public static SessionServiceStub newStub(io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<SessionServiceStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<SessionServiceStub>() {
        @java.lang.Override
        public SessionServiceStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new SessionServiceStub(channel, callOptions);
        }
      };
    return SessionServiceStub.newStub(factory, channel);
  }

  /**
   * Creates a new blocking-style stub that supports all types of calls on the service
   */
  public static SessionServiceBlockingV2Stub newBlockingV2Stub(
      io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<SessionServiceBlockingV2Stub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<SessionServiceBlockingV2Stub>() {
        @java.lang.Override
        public SessionServiceBlockingV2Stub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new SessionServiceBlockingV2Stub(channel, callOptions);
        }
      };
    return SessionServiceBlockingV2Stub.newStub(factory, channel);
  }

  /**
   * Creates a new blocking-style stub that supports unary and streaming output calls on the service
   */
  public static SessionServiceBlockingStub newBlockingStub(
      io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<SessionServiceBlockingStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<SessionServiceBlockingStub>() {
        @java.lang.Override
        public SessionServiceBlockingStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new SessionServiceBlockingStub(channel, callOptions);
        }
      };
    return SessionServiceBlockingStub.newStub(factory, channel);
  }

  /**
   * Creates a new ListenableFuture-style stub that supports unary calls on the service
   */
  public static SessionServiceFutureStub newFutureStub(
      io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<SessionServiceFutureStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<SessionServiceFutureStub>() {
        @java.lang.Override
        public SessionServiceFutureStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new SessionServiceFutureStub(channel, callOptions);
        }
      };
    return SessionServiceFutureStub.newStub(factory, channel);
  }

  /**
   * <pre>
   * Manages proxy sessions: which channel a customer's address leads to, and
   * where agents' replies go. Admins and services manage sessions; an agent
   * reads the sessions of the channels it is a member of. Anything else is
   * PERMISSION_DENIED, with no hint whether it exists.
   * </pre>
   */
  public interface AsyncService {

    /**
     * <pre>
     * Creates an OPEN session for a channel. Its customer participant is the
     * channel's `customer_address`, with the flow's contact identity as proxy
     * identifier; its channel participant is the channel. The channel's
     * `session` then names it. Emits SESSION_CREATED.
     * Errors: INVALID_ARGUMENT (empty channel, a field malformed or out of
     * range), ALREADY_EXISTS (an OPEN or IN_PROGRESS session already exists for
     * this customer address and contact identity, or for the channel: the
     * details name it; or the unique name is taken), FAILED_PRECONDITION (the
     * channel does not exist, is INACTIVE or has no customer address; there is
     * no flow, or it does not exist), PERMISSION_DENIED.
     * </pre>
     */
    default void createSession(com.relaydesk.v1.CreateSessionRequest request,
        io.grpc.stub.StreamObserver<com.relaydesk.v1.CreateSessionResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getCreateSessionMethod(), responseObserver);
    }

    /**
     * <pre>
     * Returns one session, by `sessions/{id}` or `sessions/{unique_name}`.
     * Errors: INVALID_ARGUMENT (empty or malformed name), NOT_FOUND,
     * PERMISSION_DENIED.
     * </pre>
     */
    default void getSession(com.relaydesk.v1.GetSessionRequest request,
        io.grpc.stub.StreamObserver<com.relaydesk.v1.GetSessionResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getGetSessionMethod(), responseObserver);
    }

    /**
     * <pre>
     * Lists the sessions the caller may see, oldest first.
     * Errors: INVALID_ARGUMENT (negative page size, bad page token),
     * PERMISSION_DENIED (a customer caller).
     * </pre>
     */
    default void listSessions(com.relaydesk.v1.ListSessionsRequest request,
        io.grpc.stub.StreamObserver<com.relaydesk.v1.ListSessionsResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getListSessionsMethod(), responseObserver);
    }

    /**
     * <pre>
     * Updates the fields named in `update_mask` (all populated fields when
     * unset): `ttl` and `expire_time`. A new `ttl` counts from the last
     * interaction. Emits SESSION_UPDATED.
     * Errors: INVALID_ARGUMENT (empty name, `ttl` out of range, `expire_time` in
     * the past, a mask naming another field), NOT_FOUND, PERMISSION_DENIED,
     * FAILED_PRECONDITION (the session is CLOSED or FAILED), ABORTED (stale
     * etag).
     * </pre>
     */
    default void updateSession(com.relaydesk.v1.UpdateSessionRequest request,
        io.grpc.stub.StreamObserver<com.relaydesk.v1.UpdateSessionResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getUpdateSessionMethod(), responseObserver);
    }

    /**
     * <pre>
     * Closes an OPEN or IN_PROGRESS session with `reason` as its `close_reason`.
     * Its channel stays as it is but no longer sends OUTBOUND messages to a
     * gateway; a later inbound message from the customer opens a new session.
     * Emits SESSION_UPDATED.
     * Errors: INVALID_ARGUMENT (empty or malformed name), NOT_FOUND,
     * PERMISSION_DENIED, FAILED_PRECONDITION (the session is already CLOSED or
     * FAILED).
     * </pre>
     */
    default void closeSession(com.relaydesk.v1.CloseSessionRequest request,
        io.grpc.stub.StreamObserver<com.relaydesk.v1.CloseSessionResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getCloseSessionMethod(), responseObserver);
    }

    /**
     * <pre>
     * Lists a session's two participants: the customer, then the channel.
     * Errors: INVALID_ARGUMENT (empty parent, negative page size, bad page
     * token), NOT_FOUND, PERMISSION_DENIED.
     * </pre>
     */
    default void listParticipants(com.relaydesk.v1.ListParticipantsRequest request,
        io.grpc.stub.StreamObserver<com.relaydesk.v1.ListParticipantsResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getListParticipantsMethod(), responseObserver);
    }

    /**
     * <pre>
     * Lists the messages that crossed a session, oldest first.
     * Errors: INVALID_ARGUMENT (empty parent, negative page size, bad page
     * token), NOT_FOUND, PERMISSION_DENIED.
     * </pre>
     */
    default void listInteractions(com.relaydesk.v1.ListInteractionsRequest request,
        io.grpc.stub.StreamObserver<com.relaydesk.v1.ListInteractionsResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getListInteractionsMethod(), responseObserver);
    }
  }

  /**
   * Base class for the server implementation of the service SessionService.
   * <pre>
   * Manages proxy sessions: which channel a customer's address leads to, and
   * where agents' replies go. Admins and services manage sessions; an agent
   * reads the sessions of the channels it is a member of. Anything else is
   * PERMISSION_DENIED, with no hint whether it exists.
   * </pre>
   */
  public static abstract class SessionServiceImplBase
      implements io.grpc.BindableService, AsyncService {

    @java.lang.Override public final io.grpc.ServerServiceDefinition bindService() {
      return SessionServiceGrpc.bindService(this);
    }
  }

  /**
   * A stub to allow clients to do asynchronous rpc calls to service SessionService.
   * <pre>
   * Manages proxy sessions: which channel a customer's address leads to, and
   * where agents' replies go. Admins and services manage sessions; an agent
   * reads the sessions of the channels it is a member of. Anything else is
   * PERMISSION_DENIED, with no hint whether it exists.
   * </pre>
   */
  public static final class SessionServiceStub
      extends io.grpc.stub.AbstractAsyncStub<SessionServiceStub> {
    private SessionServiceStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected SessionServiceStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new SessionServiceStub(channel, callOptions);
    }

    /**
     * <pre>
     * Creates an OPEN session for a channel. Its customer participant is the
     * channel's `customer_address`, with the flow's contact identity as proxy
     * identifier; its channel participant is the channel. The channel's
     * `session` then names it. Emits SESSION_CREATED.
     * Errors: INVALID_ARGUMENT (empty channel, a field malformed or out of
     * range), ALREADY_EXISTS (an OPEN or IN_PROGRESS session already exists for
     * this customer address and contact identity, or for the channel: the
     * details name it; or the unique name is taken), FAILED_PRECONDITION (the
     * channel does not exist, is INACTIVE or has no customer address; there is
     * no flow, or it does not exist), PERMISSION_DENIED.
     * </pre>
     */
    public void createSession(com.relaydesk.v1.CreateSessionRequest request,
        io.grpc.stub.StreamObserver<com.relaydesk.v1.CreateSessionResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getCreateSessionMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Returns one session, by `sessions/{id}` or `sessions/{unique_name}`.
     * Errors: INVALID_ARGUMENT (empty or malformed name), NOT_FOUND,
     * PERMISSION_DENIED.
     * </pre>
     */
    public void getSession(com.relaydesk.v1.GetSessionRequest request,
        io.grpc.stub.StreamObserver<com.relaydesk.v1.GetSessionResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getGetSessionMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Lists the sessions the caller may see, oldest first.
     * Errors: INVALID_ARGUMENT (negative page size, bad page token),
     * PERMISSION_DENIED (a customer caller).
     * </pre>
     */
    public void listSessions(com.relaydesk.v1.ListSessionsRequest request,
        io.grpc.stub.StreamObserver<com.relaydesk.v1.ListSessionsResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getListSessionsMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Updates the fields named in `update_mask` (all populated fields when
     * unset): `ttl` and `expire_time`. A new `ttl` counts from the last
     * interaction. Emits SESSION_UPDATED.
     * Errors: INVALID_ARGUMENT (empty name, `ttl` out of range, `expire_time` in
     * the past, a mask naming another field), NOT_FOUND, PERMISSION_DENIED,
     * FAILED_PRECONDITION (the session is CLOSED or FAILED), ABORTED (stale
     * etag).
     * </pre>
     */
    public void updateSession(com.relaydesk.v1.UpdateSessionRequest request,
        io.grpc.stub.StreamObserver<com.relaydesk.v1.UpdateSessionResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getUpdateSessionMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Closes an OPEN or IN_PROGRESS session with `reason` as its `close_reason`.
     * Its channel stays as it is but no longer sends OUTBOUND messages to a
     * gateway; a later inbound message from the customer opens a new session.
     * Emits SESSION_UPDATED.
     * Errors: INVALID_ARGUMENT (empty or malformed name), NOT_FOUND,
     * PERMISSION_DENIED, FAILED_PRECONDITION (the session is already CLOSED or
     * FAILED).
     * </pre>
     */
    public void closeSession(com.relaydesk.v1.CloseSessionRequest request,
        io.grpc.stub.StreamObserver<com.relaydesk.v1.CloseSessionResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getCloseSessionMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Lists a session's two participants: the customer, then the channel.
     * Errors: INVALID_ARGUMENT (empty parent, negative page size, bad page
     * token), NOT_FOUND, PERMISSION_DENIED.
     * </pre>
     */
    public void listParticipants(com.relaydesk.v1.ListParticipantsRequest request,
        io.grpc.stub.StreamObserver<com.relaydesk.v1.ListParticipantsResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getListParticipantsMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Lists the messages that crossed a session, oldest first.
     * Errors: INVALID_ARGUMENT (empty parent, negative page size, bad page
     * token), NOT_FOUND, PERMISSION_DENIED.
     * </pre>
     */
    public void listInteractions(com.relaydesk.v1.ListInteractionsRequest request,
        io.grpc.stub.StreamObserver<com.relaydesk.v1.ListInteractionsResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getListInteractionsMethod(), getCallOptions()), request, responseObserver);
    }
  }

  /**
   * A stub to allow clients to do synchronous rpc calls to service SessionService.
   * <pre>
   * Manages proxy sessions: which channel a customer's address leads to, and
   * where agents' replies go. Admins and services manage sessions; an agent
   * reads the sessions of the channels it is a member of. Anything else is
   * PERMISSION_DENIED, with no hint whether it exists.
   * </pre>
   */
  public static final class SessionServiceBlockingV2Stub
      extends io.grpc.stub.AbstractBlockingStub<SessionServiceBlockingV2Stub> {
    private SessionServiceBlockingV2Stub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected SessionServiceBlockingV2Stub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new SessionServiceBlockingV2Stub(channel, callOptions);
    }

    /**
     * <pre>
     * Creates an OPEN session for a channel. Its customer participant is the
     * channel's `customer_address`, with the flow's contact identity as proxy
     * identifier; its channel participant is the channel. The channel's
     * `session` then names it. Emits SESSION_CREATED.
     * Errors: INVALID_ARGUMENT (empty channel, a field malformed or out of
     * range), ALREADY_EXISTS (an OPEN or IN_PROGRESS session already exists for
     * this customer address and contact identity, or for the channel: the
     * details name it; or the unique name is taken), FAILED_PRECONDITION (the
     * channel does not exist, is INACTIVE or has no customer address; there is
     * no flow, or it does not exist), PERMISSION_DENIED.
     * </pre>
     */
    public com.relaydesk.v1.CreateSessionResponse createSession(com.relaydesk.v1.CreateSessionRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getCreateSessionMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Returns one session, by `sessions/{id}` or `sessions/{unique_name}`.
     * Errors: INVALID_ARGUMENT (empty or malformed name), NOT_FOUND,
     * PERMISSION_DENIED.
     * </pre>
     */
    public com.relaydesk.v1.GetSessionResponse getSession(com.relaydesk.v1.GetSessionRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getGetSessionMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Lists the sessions the caller may see, oldest first.
     * Errors: INVALID_ARGUMENT (negative page size, bad page token),
     * PERMISSION_DENIED (a customer caller).
     * </pre>
     */
    public com.relaydesk.v1.ListSessionsResponse listSessions(com.relaydesk.v1.ListSessionsRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getListSessionsMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Updates the fields named in `update_mask` (all populated fields when
     * unset): `ttl` and `expire_time`. A new `ttl` counts from the last
     * interaction. Emits SESSION_UPDATED.
     * Errors: INVALID_ARGUMENT (empty name, `ttl` out of range, `expire_time` in
     * the past, a mask naming another field), NOT_FOUND, PERMISSION_DENIED,
     * FAILED_PRECONDITION (the session is CLOSED or FAILED), ABORTED (stale
     * etag).
     * </pre>
     */
    public com.relaydesk.v1.UpdateSessionResponse updateSession(com.relaydesk.v1.UpdateSessionRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getUpdateSessionMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Closes an OPEN or IN_PROGRESS session with `reason` as its `close_reason`.
     * Its channel stays as it is but no longer sends OUTBOUND messages to a
     * gateway; a later inbound message from the customer opens a new session.
     * Emits SESSION_UPDATED.
     * Errors: INVALID_ARGUMENT (empty or malformed name), NOT_FOUND,
     * PERMISSION_DENIED, FAILED_PRECONDITION (the session is already CLOSED or
     * FAILED).
     * </pre>
     */
    public com.relaydesk.v1.CloseSessionResponse closeSession(com.relaydesk.v1.CloseSessionRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getCloseSessionMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Lists a session's two participants: the customer, then the channel.
     * Errors: INVALID_ARGUMENT (empty parent, negative page size, bad page
     * token), NOT_FOUND, PERMISSION_DENIED.
     * </pre>
     */
    public com.relaydesk.v1.ListParticipantsResponse listParticipants(com.relaydesk.v1.ListParticipantsRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getListParticipantsMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Lists the messages that crossed a session, oldest first.
     * Errors: INVALID_ARGUMENT (empty parent, negative page size, bad page
     * token), NOT_FOUND, PERMISSION_DENIED.
     * </pre>
     */
    public com.relaydesk.v1.ListInteractionsResponse listInteractions(com.relaydesk.v1.ListInteractionsRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getListInteractionsMethod(), getCallOptions(), request);
    }
  }

  /**
   * A stub to allow clients to do limited synchronous rpc calls to service SessionService.
   * <pre>
   * Manages proxy sessions: which channel a customer's address leads to, and
   * where agents' replies go. Admins and services manage sessions; an agent
   * reads the sessions of the channels it is a member of. Anything else is
   * PERMISSION_DENIED, with no hint whether it exists.
   * </pre>
   */
  public static final class SessionServiceBlockingStub
      extends io.grpc.stub.AbstractBlockingStub<SessionServiceBlockingStub> {
    private SessionServiceBlockingStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected SessionServiceBlockingStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new SessionServiceBlockingStub(channel, callOptions);
    }

    /**
     * <pre>
     * Creates an OPEN session for a channel. Its customer participant is the
     * channel's `customer_address`, with the flow's contact identity as proxy
     * identifier; its channel participant is the channel. The channel's
     * `session` then names it. Emits SESSION_CREATED.
     * Errors: INVALID_ARGUMENT (empty channel, a field malformed or out of
     * range), ALREADY_EXISTS (an OPEN or IN_PROGRESS session already exists for
     * this customer address and contact identity, or for the channel: the
     * details name it; or the unique name is taken), FAILED_PRECONDITION (the
     * channel does not exist, is INACTIVE or has no customer address; there is
     * no flow, or it does not exist), PERMISSION_DENIED.
     * </pre>
     */
    public com.relaydesk.v1.CreateSessionResponse createSession(com.relaydesk.v1.CreateSessionRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getCreateSessionMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Returns one session, by `sessions/{id}` or `sessions/{unique_name}`.
     * Errors: INVALID_ARGUMENT (empty or malformed name), NOT_FOUND,
     * PERMISSION_DENIED.
     * </pre>
     */
    public com.relaydesk.v1.GetSessionResponse getSession(com.relaydesk.v1.GetSessionRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getGetSessionMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Lists the sessions the caller may see, oldest first.
     * Errors: INVALID_ARGUMENT (negative page size, bad page token),
     * PERMISSION_DENIED (a customer caller).
     * </pre>
     */
    public com.relaydesk.v1.ListSessionsResponse listSessions(com.relaydesk.v1.ListSessionsRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getListSessionsMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Updates the fields named in `update_mask` (all populated fields when
     * unset): `ttl` and `expire_time`. A new `ttl` counts from the last
     * interaction. Emits SESSION_UPDATED.
     * Errors: INVALID_ARGUMENT (empty name, `ttl` out of range, `expire_time` in
     * the past, a mask naming another field), NOT_FOUND, PERMISSION_DENIED,
     * FAILED_PRECONDITION (the session is CLOSED or FAILED), ABORTED (stale
     * etag).
     * </pre>
     */
    public com.relaydesk.v1.UpdateSessionResponse updateSession(com.relaydesk.v1.UpdateSessionRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getUpdateSessionMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Closes an OPEN or IN_PROGRESS session with `reason` as its `close_reason`.
     * Its channel stays as it is but no longer sends OUTBOUND messages to a
     * gateway; a later inbound message from the customer opens a new session.
     * Emits SESSION_UPDATED.
     * Errors: INVALID_ARGUMENT (empty or malformed name), NOT_FOUND,
     * PERMISSION_DENIED, FAILED_PRECONDITION (the session is already CLOSED or
     * FAILED).
     * </pre>
     */
    public com.relaydesk.v1.CloseSessionResponse closeSession(com.relaydesk.v1.CloseSessionRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getCloseSessionMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Lists a session's two participants: the customer, then the channel.
     * Errors: INVALID_ARGUMENT (empty parent, negative page size, bad page
     * token), NOT_FOUND, PERMISSION_DENIED.
     * </pre>
     */
    public com.relaydesk.v1.ListParticipantsResponse listParticipants(com.relaydesk.v1.ListParticipantsRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getListParticipantsMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Lists the messages that crossed a session, oldest first.
     * Errors: INVALID_ARGUMENT (empty parent, negative page size, bad page
     * token), NOT_FOUND, PERMISSION_DENIED.
     * </pre>
     */
    public com.relaydesk.v1.ListInteractionsResponse listInteractions(com.relaydesk.v1.ListInteractionsRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getListInteractionsMethod(), getCallOptions(), request);
    }
  }

  /**
   * A stub to allow clients to do ListenableFuture-style rpc calls to service SessionService.
   * <pre>
   * Manages proxy sessions: which channel a customer's address leads to, and
   * where agents' replies go. Admins and services manage sessions; an agent
   * reads the sessions of the channels it is a member of. Anything else is
   * PERMISSION_DENIED, with no hint whether it exists.
   * </pre>
   */
  public static final class SessionServiceFutureStub
      extends io.grpc.stub.AbstractFutureStub<SessionServiceFutureStub> {
    private SessionServiceFutureStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected SessionServiceFutureStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new SessionServiceFutureStub(channel, callOptions);
    }

    /**
     * <pre>
     * Creates an OPEN session for a channel. Its customer participant is the
     * channel's `customer_address`, with the flow's contact identity as proxy
     * identifier; its channel participant is the channel. The channel's
     * `session` then names it. Emits SESSION_CREATED.
     * Errors: INVALID_ARGUMENT (empty channel, a field malformed or out of
     * range), ALREADY_EXISTS (an OPEN or IN_PROGRESS session already exists for
     * this customer address and contact identity, or for the channel: the
     * details name it; or the unique name is taken), FAILED_PRECONDITION (the
     * channel does not exist, is INACTIVE or has no customer address; there is
     * no flow, or it does not exist), PERMISSION_DENIED.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<com.relaydesk.v1.CreateSessionResponse> createSession(
        com.relaydesk.v1.CreateSessionRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getCreateSessionMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Returns one session, by `sessions/{id}` or `sessions/{unique_name}`.
     * Errors: INVALID_ARGUMENT (empty or malformed name), NOT_FOUND,
     * PERMISSION_DENIED.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<com.relaydesk.v1.GetSessionResponse> getSession(
        com.relaydesk.v1.GetSessionRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getGetSessionMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Lists the sessions the caller may see, oldest first.
     * Errors: INVALID_ARGUMENT (negative page size, bad page token),
     * PERMISSION_DENIED (a customer caller).
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<com.relaydesk.v1.ListSessionsResponse> listSessions(
        com.relaydesk.v1.ListSessionsRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getListSessionsMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Updates the fields named in `update_mask` (all populated fields when
     * unset): `ttl` and `expire_time`. A new `ttl` counts from the last
     * interaction. Emits SESSION_UPDATED.
     * Errors: INVALID_ARGUMENT (empty name, `ttl` out of range, `expire_time` in
     * the past, a mask naming another field), NOT_FOUND, PERMISSION_DENIED,
     * FAILED_PRECONDITION (the session is CLOSED or FAILED), ABORTED (stale
     * etag).
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<com.relaydesk.v1.UpdateSessionResponse> updateSession(
        com.relaydesk.v1.UpdateSessionRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getUpdateSessionMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Closes an OPEN or IN_PROGRESS session with `reason` as its `close_reason`.
     * Its channel stays as it is but no longer sends OUTBOUND messages to a
     * gateway; a later inbound message from the customer opens a new session.
     * Emits SESSION_UPDATED.
     * Errors: INVALID_ARGUMENT (empty or malformed name), NOT_FOUND,
     * PERMISSION_DENIED, FAILED_PRECONDITION (the session is already CLOSED or
     * FAILED).
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<com.relaydesk.v1.CloseSessionResponse> closeSession(
        com.relaydesk.v1.CloseSessionRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getCloseSessionMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Lists a session's two participants: the customer, then the channel.
     * Errors: INVALID_ARGUMENT (empty parent, negative page size, bad page
     * token), NOT_FOUND, PERMISSION_DENIED.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<com.relaydesk.v1.ListParticipantsResponse> listParticipants(
        com.relaydesk.v1.ListParticipantsRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getListParticipantsMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Lists the messages that crossed a session, oldest first.
     * Errors: INVALID_ARGUMENT (empty parent, negative page size, bad page
     * token), NOT_FOUND, PERMISSION_DENIED.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<com.relaydesk.v1.ListInteractionsResponse> listInteractions(
        com.relaydesk.v1.ListInteractionsRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getListInteractionsMethod(), getCallOptions()), request);
    }
  }

  private static final int METHODID_CREATE_SESSION = 0;
  private static final int METHODID_GET_SESSION = 1;
  private static final int METHODID_LIST_SESSIONS = 2;
  private static final int METHODID_UPDATE_SESSION = 3;
  private static final int METHODID_CLOSE_SESSION = 4;
  private static final int METHODID_LIST_PARTICIPANTS = 5;
  private static final int METHODID_LIST_INTERACTIONS = 6;

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
        case METHODID_CREATE_SESSION:
          serviceImpl.createSession((com.relaydesk.v1.CreateSessionRequest) request,
              (io.grpc.stub.StreamObserver<com.relaydesk.v1.CreateSessionResponse>) responseObserver);
          break;
        case METHODID_GET_SESSION:
          serviceImpl.getSession((com.relaydesk.v1.GetSessionRequest) request,
              (io.grpc.stub.StreamObserver<com.relaydesk.v1.GetSessionResponse>) responseObserver);
          break;
        case METHODID_LIST_SESSIONS:
          serviceImpl.listSessions((com.relaydesk.v1.ListSessionsRequest) request,
              (io.grpc.stub.StreamObserver<com.relaydesk.v1.ListSessionsResponse>) responseObserver);
          break;
        case METHODID_UPDATE_SESSION:
          serviceImpl.updateSession((com.relaydesk.v1.UpdateSessionRequest) request,
              (io.grpc.stub.StreamObserver<com.relaydesk.v1.UpdateSessionResponse>) responseObserver);
          break;
        case METHODID_CLOSE_SESSION:
          serviceImpl.closeSession((com.relaydesk.v1.CloseSessionRequest) request,
              (io.grpc.stub.StreamObserver<com.relaydesk.v1.CloseSessionResponse>) responseObserver);
          break;
        case METHODID_LIST_PARTICIPANTS:
          serviceImpl.listParticipants((com.relaydesk.v1.ListParticipantsRequest) request,
              (io.grpc.stub.StreamObserver<com.relaydesk.v1.ListParticipantsResponse>) responseObserver);
          break;
        case METHODID_LIST_INTERACTIONS:
          serviceImpl.listInteractions((com.relaydesk.v1.ListInteractionsRequest) request,
              (io.grpc.stub.StreamObserver<com.relaydesk.v1.ListInteractionsResponse>) responseObserver);
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
          getCreateSessionMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              com.relaydesk.v1.CreateSessionRequest,
              com.relaydesk.v1.CreateSessionResponse>(
                service, METHODID_CREATE_SESSION)))
        .addMethod(
          getGetSessionMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              com.relaydesk.v1.GetSessionRequest,
              com.relaydesk.v1.GetSessionResponse>(
                service, METHODID_GET_SESSION)))
        .addMethod(
          getListSessionsMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              com.relaydesk.v1.ListSessionsRequest,
              com.relaydesk.v1.ListSessionsResponse>(
                service, METHODID_LIST_SESSIONS)))
        .addMethod(
          getUpdateSessionMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              com.relaydesk.v1.UpdateSessionRequest,
              com.relaydesk.v1.UpdateSessionResponse>(
                service, METHODID_UPDATE_SESSION)))
        .addMethod(
          getCloseSessionMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              com.relaydesk.v1.CloseSessionRequest,
              com.relaydesk.v1.CloseSessionResponse>(
                service, METHODID_CLOSE_SESSION)))
        .addMethod(
          getListParticipantsMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              com.relaydesk.v1.ListParticipantsRequest,
              com.relaydesk.v1.ListParticipantsResponse>(
                service, METHODID_LIST_PARTICIPANTS)))
        .addMethod(
          getListInteractionsMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              com.relaydesk.v1.ListInteractionsRequest,
              com.relaydesk.v1.ListInteractionsResponse>(
                service, METHODID_LIST_INTERACTIONS)))
        .build();
  }

  private static abstract class SessionServiceBaseDescriptorSupplier
      implements io.grpc.protobuf.ProtoFileDescriptorSupplier, io.grpc.protobuf.ProtoServiceDescriptorSupplier {
    SessionServiceBaseDescriptorSupplier() {}

    @java.lang.Override
    public com.google.protobuf.Descriptors.FileDescriptor getFileDescriptor() {
      return com.relaydesk.v1.SessionServiceProto.getDescriptor();
    }

    @java.lang.Override
    public com.google.protobuf.Descriptors.ServiceDescriptor getServiceDescriptor() {
      return getFileDescriptor().findServiceByName("SessionService");
    }
  }

  private static final class SessionServiceFileDescriptorSupplier
      extends SessionServiceBaseDescriptorSupplier {
    SessionServiceFileDescriptorSupplier() {}
  }

  private static final class SessionServiceMethodDescriptorSupplier
      extends SessionServiceBaseDescriptorSupplier
      implements io.grpc.protobuf.ProtoMethodDescriptorSupplier {
    private final java.lang.String methodName;

    SessionServiceMethodDescriptorSupplier(java.lang.String methodName) {
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
      synchronized (SessionServiceGrpc.class) {
        result = serviceDescriptor;
        if (result == null) {
          serviceDescriptor = result = io.grpc.ServiceDescriptor.newBuilder(SERVICE_NAME)
              .setSchemaDescriptor(new SessionServiceFileDescriptorSupplier())
              .addMethod(getCreateSessionMethod())
              .addMethod(getGetSessionMethod())
              .addMethod(getListSessionsMethod())
              .addMethod(getUpdateSessionMethod())
              .addMethod(getCloseSessionMethod())
              .addMethod(getListParticipantsMethod())
              .addMethod(getListInteractionsMethod())
              .build();
        }
      }
    }
    return result;
  }
}
