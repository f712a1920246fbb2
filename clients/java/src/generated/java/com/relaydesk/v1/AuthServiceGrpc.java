package com.relaydesk.v1;

import static io.grpc.MethodDescriptor.generateFullMethodName;

/**
 * <pre>
 * Manages credentials: API keys for administrators and backend services, and
 * short-lived access tokens for agents and customers. Every RPC but health and
 * reflection needs `authorization: Bearer &lt;credential&gt;`; without one it is
 * UNAUTHENTICATED.
 * </pre>
 */
@io.grpc.stub.annotations.GrpcGenerated
public final class AuthServiceGrpc {

  private AuthServiceGrpc() {}

  public static final java.lang.String SERVICE_NAME = "relaydesk.v1.AuthService";

  // Static method descriptors that strictly reflect the proto.
  private static volatile io.grpc.MethodDescriptor<com.relaydesk.v1.CreateApiKeyRequest,
      com.relaydesk.v1.CreateApiKeyResponse> getCreateApiKeyMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "CreateApiKey",
      requestType = com.relaydesk.v1.CreateApiKeyRequest.class,
      responseType = com.relaydesk.v1.CreateApiKeyResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<com.relaydesk.v1.CreateApiKeyRequest,
      com.relaydesk.v1.CreateApiKeyResponse> getCreateApiKeyMethod() {
    io.grpc.MethodDescriptor<com.relaydesk.v1.CreateApiKeyRequest, com.relaydesk.v1.CreateApiKeyResponse> getCreateApiKeyMethod;
    if ((getCreateApiKeyMethod = AuthServiceGrpc.getCreateApiKeyMethod) == null) {
      synchronized (AuthServiceGrpc.class) {
        if ((getCreateApiKeyMethod = AuthServiceGrpc.getCreateApiKeyMethod) == null) {
          AuthServiceGrpc.getCreateApiKeyMethod = getCreateApiKeyMethod =
              io.grpc.MethodDescriptor.<com.relaydesk.v1.CreateApiKeyRequest, com.relaydesk.v1.CreateApiKeyResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "CreateApiKey"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.relaydesk.v1.CreateApiKeyRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.relaydesk.v1.CreateApiKeyResponse.getDefaultInstance()))
              .setSchemaDescriptor(new AuthServiceMethodDescriptorSupplier("CreateApiKey"))
              .build();
        }
      }
    }
    return getCreateApiKeyMethod;
  }

  private static volatile io.grpc.MethodDescriptor<com.relaydesk.v1.ListApiKeysRequest,
      com.relaydesk.v1.ListApiKeysResponse> getListApiKeysMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "ListApiKeys",
      requestType = com.relaydesk.v1.ListApiKeysRequest.class,
      responseType = com.relaydesk.v1.ListApiKeysResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<com.relaydesk.v1.ListApiKeysRequest,
      com.relaydesk.v1.ListApiKeysResponse> getListApiKeysMethod() {
    io.grpc.MethodDescriptor<com.relaydesk.v1.ListApiKeysRequest, com.relaydesk.v1.ListApiKeysResponse> getListApiKeysMethod;
    if ((getListApiKeysMethod = AuthServiceGrpc.getListApiKeysMethod) == null) {
      synchronized (AuthServiceGrpc.class) {
        if ((getListApiKeysMethod = AuthServiceGrpc.getListApiKeysMethod) == null) {
          AuthServiceGrpc.getListApiKeysMethod = getListApiKeysMethod =
              io.grpc.MethodDescriptor.<com.relaydesk.v1.ListApiKeysRequest, com.relaydesk.v1.ListApiKeysResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "ListApiKeys"))
              .setSafe(true)
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.relaydesk.v1.ListApiKeysRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.relaydesk.v1.ListApiKeysResponse.getDefaultInstance()))
              .setSchemaDescriptor(new AuthServiceMethodDescriptorSupplier("ListApiKeys"))
              .build();
        }
      }
    }
    return getListApiKeysMethod;
  }

  private static volatile io.grpc.MethodDescriptor<com.relaydesk.v1.DeleteApiKeyRequest,
      com.relaydesk.v1.DeleteApiKeyResponse> getDeleteApiKeyMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "DeleteApiKey",
      requestType = com.relaydesk.v1.DeleteApiKeyRequest.class,
      responseType = com.relaydesk.v1.DeleteApiKeyResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<com.relaydesk.v1.DeleteApiKeyRequest,
      com.relaydesk.v1.DeleteApiKeyResponse> getDeleteApiKeyMethod() {
    io.grpc.MethodDescriptor<com.relaydesk.v1.DeleteApiKeyRequest, com.relaydesk.v1.DeleteApiKeyResponse> getDeleteApiKeyMethod;
    if ((getDeleteApiKeyMethod = AuthServiceGrpc.getDeleteApiKeyMethod) == null) {
      synchronized (AuthServiceGrpc.class) {
        if ((getDeleteApiKeyMethod = AuthServiceGrpc.getDeleteApiKeyMethod) == null) {
          AuthServiceGrpc.getDeleteApiKeyMethod = getDeleteApiKeyMethod =
              io.grpc.MethodDescriptor.<com.relaydesk.v1.DeleteApiKeyRequest, com.relaydesk.v1.DeleteApiKeyResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "DeleteApiKey"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.relaydesk.v1.DeleteApiKeyRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.relaydesk.v1.DeleteApiKeyResponse.getDefaultInstance()))
              .setSchemaDescriptor(new AuthServiceMethodDescriptorSupplier("DeleteApiKey"))
              .build();
        }
      }
    }
    return getDeleteApiKeyMethod;
  }

  private static volatile io.grpc.MethodDescriptor<com.relaydesk.v1.CreateAccessTokenRequest,
      com.relaydesk.v1.CreateAccessTokenResponse> getCreateAccessTokenMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "CreateAccessToken",
      requestType = com.relaydesk.v1.CreateAccessTokenRequest.class,
      responseType = com.relaydesk.v1.CreateAccessTokenResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<com.relaydesk.v1.CreateAccessTokenRequest,
      com.relaydesk.v1.CreateAccessTokenResponse> getCreateAccessTokenMethod() {
    io.grpc.MethodDescriptor<com.relaydesk.v1.CreateAccessTokenRequest, com.relaydesk.v1.CreateAccessTokenResponse> getCreateAccessTokenMethod;
    if ((getCreateAccessTokenMethod = AuthServiceGrpc.getCreateAccessTokenMethod) == null) {
      synchronized (AuthServiceGrpc.class) {
        if ((getCreateAccessTokenMethod = AuthServiceGrpc.getCreateAccessTokenMethod) == null) {
          AuthServiceGrpc.getCreateAccessTokenMethod = getCreateAccessTokenMethod =
              io.grpc.MethodDescriptor.<com.relaydesk.v1.CreateAccessTokenRequest, com.relaydesk.v1.CreateAccessTokenResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "CreateAccessToken"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.relaydesk.v1.CreateAccessTokenRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.relaydesk.v1.CreateAccessTokenResponse.getDefaultInstance()))
              .setSchemaDescriptor(new AuthServiceMethodDescriptorSupplier("CreateAccessToken"))
              .build();
        }
      }
    }
    return getCreateAccessTokenMethod;
  }

  private static volatile io.grpc.MethodDescriptor<com.relaydesk.v1.RotateSigningKeyRequest,
      com.relaydesk.v1.RotateSigningKeyResponse> getRotateSigningKeyMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "RotateSigningKey",
      requestType = com.relaydesk.v1.RotateSigningKeyRequest.class,
      responseType = com.relaydesk.v1.RotateSigningKeyResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<com.relaydesk.v1.RotateSigningKeyRequest,
      com.relaydesk.v1.RotateSigningKeyResponse> getRotateSigningKeyMethod() {
    io.grpc.MethodDescriptor<com.relaydesk.v1.RotateSigningKeyRequest, com.relaydesk.v1.RotateSigningKeyResponse> getRotateSigningKeyMethod;
    if ((getRotateSigningKeyMethod = AuthServiceGrpc.getRotateSigningKeyMethod) == null) {
      synchronized (AuthServiceGrpc.class) {
        if ((getRotateSigningKeyMethod = AuthServiceGrpc.getRotateSigningKeyMethod) == null) {
          AuthServiceGrpc.getRotateSigningKeyMethod = getRotateSigningKeyMethod =
              io.grpc.MethodDescriptor.<com.relaydesk.v1.RotateSigningKeyRequest, com.relaydesk.v1.RotateSigningKeyResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "RotateSigningKey"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.relaydesk.v1.RotateSigningKeyRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.relaydesk.v1.RotateSigningKeyResponse.getDefaultInstance()))
              .setSchemaDescriptor(new AuthServiceMethodDescriptorSupplier("RotateSigningKey"))
              .build();
        }
      }
    }
    return getRotateSigningKeyMethod;
  }

  /**
   * Creates a new async stub that supports all call types for the service
   */
  public static AuthServiceStub newStub(io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<AuthServiceStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<AuthServiceStub>() {
        @java.lang.Override
        public AuthServiceStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new AuthServiceStub(channel, callOptions);
        }
      };
    return AuthServiceStub.newStub(factory, channel);
  }

  /**
   * Creates a new blocking-style stub that supports all types of calls on the service
   */
  public static AuthServiceBlockingV2Stub newBlockingV2Stub(
      io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<AuthServiceBlockingV2Stub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<AuthServiceBlockingV2Stub>() {
        @java.lang.Override
        public AuthServiceBlockingV2Stub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new AuthServiceBlockingV2Stub(channel, callOptions);
        }
      };
    return AuthServiceBlockingV2Stub.newStub(factory, channel);
  }

  /**
   * Creates a new blocking-style stub that supports unary and streaming output calls on the service
   */
  public static AuthServiceBlockingStub newBlockingStub(
      io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<AuthServiceBlockingStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<AuthServiceBlockingStub>() {
        @java.lang.Override
        public AuthServiceBlockingStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new AuthServiceBlockingStub(channel, callOptions);
        }
      };
    return AuthServiceBlockingStub.newStub(factory, channel);
  }

  /**
   * Creates a new ListenableFuture-style stub that supports unary calls on the service
   */
  public static AuthServiceFutureStub newFutureStub(
      io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<AuthServiceFutureStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<AuthServiceFutureStub>() {
        @java.lang.Override
        public AuthServiceFutureStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new AuthServiceFutureStub(channel, callOptions);
        }
      };
    return AuthServiceFutureStub.newStub(factory, channel);
  }

  /**
   * <pre>
   * Manages credentials: API keys for administrators and backend services, and
   * short-lived access tokens for agents and customers. Every RPC but health and
   * reflection needs `authorization: Bearer &lt;credential&gt;`; without one it is
   * UNAUTHENTICATED.
   * </pre>
   */
  public interface AsyncService {

    /**
     * <pre>
     * Creates an API key and returns its secret, shown only here. Admins only.
     * Errors: INVALID_ARGUMENT (missing key, a role other than ADMIN or SERVICE,
     * a display name over 256 characters), PERMISSION_DENIED (not an admin).
     * </pre>
     */
    default void createApiKey(com.relaydesk.v1.CreateApiKeyRequest request,
        io.grpc.stub.StreamObserver<com.relaydesk.v1.CreateApiKeyResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getCreateApiKeyMethod(), responseObserver);
    }

    /**
     * <pre>
     * Lists API keys, oldest first, without their secrets. Admins only.
     * Errors: INVALID_ARGUMENT (negative page size, bad page token),
     * PERMISSION_DENIED (not an admin).
     * </pre>
     */
    default void listApiKeys(com.relaydesk.v1.ListApiKeysRequest request,
        io.grpc.stub.StreamObserver<com.relaydesk.v1.ListApiKeysResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getListApiKeysMethod(), responseObserver);
    }

    /**
     * <pre>
     * Deletes an API key: its secret stops working at once, even when it is the
     * key making the call. Access tokens minted with it stay valid until they
     * expire. Admins only.
     * Errors: INVALID_ARGUMENT (empty or malformed name), NOT_FOUND,
     * PERMISSION_DENIED (not an admin), FAILED_PRECONDITION (the last ADMIN key).
     * </pre>
     */
    default void deleteApiKey(com.relaydesk.v1.DeleteApiKeyRequest request,
        io.grpc.stub.StreamObserver<com.relaydesk.v1.DeleteApiKeyResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getDeleteApiKeyMethod(), responseObserver);
    }

    /**
     * <pre>
     * Mints a signed, expiring access token for an agent or a customer. An agent
     * token acts as its identity everywhere; a customer token is scoped to one
     * channel. Nothing is stored. Admins and services only.
     * Errors: INVALID_ARGUMENT (empty identity, `system` as identity, an identity
     * over 256 characters, a role other than AGENT or CUSTOMER, a CUSTOMER token
     * without `channel` or an AGENT token with one, a malformed channel name, a
     * ttl outside 1 s to 24 h), FAILED_PRECONDITION (the channel does not exist),
     * PERMISSION_DENIED (not an admin or service).
     * </pre>
     */
    default void createAccessToken(com.relaydesk.v1.CreateAccessTokenRequest request,
        io.grpc.stub.StreamObserver<com.relaydesk.v1.CreateAccessTokenResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getCreateAccessTokenMethod(), responseObserver);
    }

    /**
     * <pre>
     * Replaces the key access tokens are signed with. New tokens are signed with
     * the new key at once; tokens signed with the previous keys stay valid until
     * they expire (at most 24 h), so rotating needs no downtime. Admins only.
     * Errors: PERMISSION_DENIED (not an admin).
     * </pre>
     */
    default void rotateSigningKey(com.relaydesk.v1.RotateSigningKeyRequest request,
        io.grpc.stub.StreamObserver<com.relaydesk.v1.RotateSigningKeyResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getRotateSigningKeyMethod(), responseObserver);
    }
  }

  /**
   * Base class for the server implementation of the service AuthService.
   * <pre>
   * Manages credentials: API keys for administrators and backend services, and
   * short-lived access tokens for agents and customers. Every RPC but health and
   * reflection needs `authorization: Bearer &lt;credential&gt;`; without one it is
   * UNAUTHENTICATED.
   * </pre>
   */
  public static abstract class AuthServiceImplBase
      implements io.grpc.BindableService, AsyncService {

    @java.lang.Override public final io.grpc.ServerServiceDefinition bindService() {
      return AuthServiceGrpc.bindService(this);
    }
  }

  /**
   * A stub to allow clients to do asynchronous rpc calls to service AuthService.
   * <pre>
   * Manages credentials: API keys for administrators and backend services, and
   * short-lived access tokens for agents and customers. Every RPC but health and
   * reflection needs `authorization: Bearer &lt;credential&gt;`; without one it is
   * UNAUTHENTICATED.
   * </pre>
   */
  public static final class AuthServiceStub
      extends io.grpc.stub.AbstractAsyncStub<AuthServiceStub> {
    private AuthServiceStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected AuthServiceStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new AuthServiceStub(channel, callOptions);
    }

    /**
     * <pre>
     * Creates an API key and returns its secret, shown only here. Admins only.
     * Errors: INVALID_ARGUMENT (missing key, a role other than ADMIN or SERVICE,
     * a display name over 256 characters), PERMISSION_DENIED (not an admin).
     * </pre>
     */
    public void createApiKey(com.relaydesk.v1.CreateApiKeyRequest request,
        io.grpc.stub.StreamObserver<com.relaydesk.v1.CreateApiKeyResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getCreateApiKeyMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Lists API keys, oldest first, without their secrets. Admins only.
     * Errors: INVALID_ARGUMENT (negative page size, bad page token),
     * PERMISSION_DENIED (not an admin).
     * </pre>
     */
    public void listApiKeys(com.relaydesk.v1.ListApiKeysRequest request,
        io.grpc.stub.StreamObserver<com.relaydesk.v1.ListApiKeysResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getListApiKeysMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Deletes an API key: its secret stops working at once, even when it is the
     * key making the call. Access tokens minted with it stay valid until they
     * expire. Admins only.
     * Errors: INVALID_ARGUMENT (empty or malformed name), NOT_FOUND,
     * PERMISSION_DENIED (not an admin), FAILED_PRECONDITION (the last ADMIN key).
     * </pre>
     */
    public void deleteApiKey(com.relaydesk.v1.DeleteApiKeyRequest request,
        io.grpc.stub.StreamObserver<com.relaydesk.v1.DeleteApiKeyResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getDeleteApiKeyMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Mints a signed, expiring access token for an agent or a customer. An agent
     * token acts as its identity everywhere; a customer token is scoped to one
     * channel. Nothing is stored. Admins and services only.
     * Errors: INVALID_ARGUMENT (empty identity, `system` as identity, an identity
     * over 256 characters, a role other than AGENT or CUSTOMER, a CUSTOMER token
     * without `channel` or an AGENT token with one, a malformed channel name, a
     * ttl outside 1 s to 24 h), FAILED_PRECONDITION (the channel does not exist),
     * PERMISSION_DENIED (not an admin or service).
     * </pre>
     */
    public void createAccessToken(com.relaydesk.v1.CreateAccessTokenRequest request,
        io.grpc.stub.StreamObserver<com.relaydesk.v1.CreateAccessTokenResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getCreateAccessTokenMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Replaces the key access tokens are signed with. New tokens are signed with
     * the new key at once; tokens signed with the previous keys stay valid until
     * they expire (at most 24 h), so rotating needs no downtime. Admins only.
     * Errors: PERMISSION_DENIED (not an admin).
     * </pre>
     */
    public void rotateSigningKey(com.relaydesk.v1.RotateSigningKeyRequest request,
        io.grpc.stub.StreamObserver<com.relaydesk.v1.RotateSigningKeyResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getRotateSigningKeyMethod(), getCallOptions()), request, responseObserver);
    }
  }

  /**
   * A stub to allow clients to do synchronous rpc calls to service AuthService.
   * <pre>
   * Manages credentials: API keys for administrators and backend services, and
   * short-lived access tokens for agents and customers. Every RPC but health and
   * reflection needs `authorization: Bearer &lt;credential&gt;`; without one it is
   * UNAUTHENTICATED.
   * </pre>
   */
  public static final class AuthServiceBlockingV2Stub
      extends io.grpc.stub.AbstractBlockingStub<AuthServiceBlockingV2Stub> {
    private AuthServiceBlockingV2Stub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected AuthServiceBlockingV2Stub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new AuthServiceBlockingV2Stub(channel, callOptions);
    }

    /**
     * <pre>
     * Creates an API key and returns its secret, shown only here. Admins only.
     * Errors: INVALID_ARGUMENT (missing key, a role other than ADMIN or SERVICE,
     * a display name over 256 characters), PERMISSION_DENIED (not an admin).
     * </pre>
     */
    public com.relaydesk.v1.CreateApiKeyResponse createApiKey(com.relaydesk.v1.CreateApiKeyRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getCreateApiKeyMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Lists API keys, oldest first, without their secrets. Admins only.
     * Errors: INVALID_ARGUMENT (negative page size, bad page token),
     * PERMISSION_DENIED (not an admin).
     * </pre>
     */
    public com.relaydesk.v1.ListApiKeysResponse listApiKeys(com.relaydesk.v1.ListApiKeysRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getListApiKeysMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Deletes an API key: its secret stops working at once, even when it is the
     * key making the call. Access tokens minted with it stay valid until they
     * expire. Admins only.
     * Errors: INVALID_ARGUMENT (empty or malformed name), NOT_FOUND,
     * PERMISSION_DENIED (not an admin), FAILED_PRECONDITION (the last ADMIN key).
     * </pre>
     */
    public com.relaydesk.v1.DeleteApiKeyResponse deleteApiKey(com.relaydesk.v1.DeleteApiKeyRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getDeleteApiKeyMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Mints a signed, expiring access token for an agent or a customer. An agent
     * token acts as its identity everywhere; a customer token is scoped to one
     * channel. Nothing is stored. Admins and services only.
     * Errors: INVALID_ARGUMENT (empty identity, `system` as identity, an identity
     * over 256 characters, a role other than AGENT or CUSTOMER, a CUSTOMER token
     * without `channel` or an AGENT token with one, a malformed channel name, a
     * ttl outside 1 s to 24 h), FAILED_PRECONDITION (the channel does not exist),
     * PERMISSION_DENIED (not an admin or service).
     * </pre>
     */
    public com.relaydesk.v1.CreateAccessTokenResponse createAccessToken(com.relaydesk.v1.CreateAccessTokenRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getCreateAccessTokenMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Replaces the key access tokens are signed with. New tokens are signed with
     * the new key at once; tokens signed with the previous keys stay valid until
     * they expire (at most 24 h), so rotating needs no downtime. Admins only.
     * Errors: PERMISSION_DENIED (not an admin).
     * </pre>
     */
    public com.relaydesk.v1.RotateSigningKeyResponse rotateSigningKey(com.relaydesk.v1.RotateSigningKeyRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getRotateSigningKeyMethod(), getCallOptions(), request);
    }
  }

  /**
   * A stub to allow clients to do limited synchronous rpc calls to service AuthService.
   * <pre>
   * Manages credentials: API keys for administrators and backend services, and
   * short-lived access tokens for agents and customers. Every RPC but health and
   * reflection needs `authorization: Bearer &lt;credential&gt;`; without one it is
   * UNAUTHENTICATED.
   * </pre>
   */
  public static final class AuthServiceBlockingStub
      extends io.grpc.stub.AbstractBlockingStub<AuthServiceBlockingStub> {
    private AuthServiceBlockingStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected AuthServiceBlockingStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new AuthServiceBlockingStub(channel, callOptions);
    }

    /**
     * <pre>
     * Creates an API key and returns its secret, shown only here. Admins only.
     * Errors: INVALID_ARGUMENT (missing key, a role other than ADMIN or SERVICE,
     * a display name over 256 characters), PERMISSION_DENIED (not an admin).
     * </pre>
     */
    public com.relaydesk.v1.CreateApiKeyResponse createApiKey(com.relaydesk.v1.CreateApiKeyRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getCreateApiKeyMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Lists API keys, oldest first, without their secrets. Admins only.
     * Errors: INVALID_ARGUMENT (negative page size, bad page token),
     * PERMISSION_DENIED (not an admin).
     * </pre>
     */
    public com.relaydesk.v1.ListApiKeysResponse listApiKeys(com.relaydesk.v1.ListApiKeysRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getListApiKeysMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Deletes an API key: its secret stops working at once, even when it is the
     * key making the call. Access tokens minted with it stay valid until they
     * expire. Admins only.
     * Errors: INVALID_ARGUMENT (empty or malformed name), NOT_FOUND,
     * PERMISSION_DENIED (not an admin), FAILED_PRECONDITION (the last ADMIN key).
     * </pre>
     */
    public com.relaydesk.v1.DeleteApiKeyResponse deleteApiKey(com.relaydesk.v1.DeleteApiKeyRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getDeleteApiKeyMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Mints a signed, expiring access token for an agent or a customer. An agent
     * token acts as its identity everywhere; a customer token is scoped to one
     * channel. Nothing is stored. Admins and services only.
     * Errors: INVALID_ARGUMENT (empty identity, `system` as identity, an identity
     * over 256 characters, a role other than AGENT or CUSTOMER, a CUSTOMER token
     * without `channel` or an AGENT token with one, a malformed channel name, a
     * ttl outside 1 s to 24 h), FAILED_PRECONDITION (the channel does not exist),
     * PERMISSION_DENIED (not an admin or service).
     * </pre>
     */
    public com.relaydesk.v1.CreateAccessTokenResponse createAccessToken(com.relaydesk.v1.CreateAccessTokenRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getCreateAccessTokenMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Replaces the key access tokens are signed with. New tokens are signed with
     * the new key at once; tokens signed with the previous keys stay valid until
     * they expire (at most 24 h), so rotating needs no downtime. Admins only.
     * Errors: PERMISSION_DENIED (not an admin).
     * </pre>
     */
    public com.relaydesk.v1.RotateSigningKeyResponse rotateSigningKey(com.relaydesk.v1.RotateSigningKeyRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getRotateSigningKeyMethod(), getCallOptions(), request);
    }
  }

  /**
   * A stub to allow clients to do ListenableFuture-style rpc calls to service AuthService.
   * <pre>
   * Manages credentials: API keys for administrators and backend services, and
   * short-lived access tokens for agents and customers. Every RPC but health and
   * reflection needs `authorization: Bearer &lt;credential&gt;`; without one it is
   * UNAUTHENTICATED.
   * </pre>
   */
  public static final class AuthServiceFutureStub
      extends io.grpc.stub.AbstractFutureStub<AuthServiceFutureStub> {
    private AuthServiceFutureStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected AuthServiceFutureStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new AuthServiceFutureStub(channel, callOptions);
    }

    /**
     * <pre>
     * Creates an API key and returns its secret, shown only here. Admins only.
     * Errors: INVALID_ARGUMENT (missing key, a role other than ADMIN or SERVICE,
     * a display name over 256 characters), PERMISSION_DENIED (not an admin).
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<com.relaydesk.v1.CreateApiKeyResponse> createApiKey(
        com.relaydesk.v1.CreateApiKeyRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getCreateApiKeyMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Lists API keys, oldest first, without their secrets. Admins only.
     * Errors: INVALID_ARGUMENT (negative page size, bad page token),
     * PERMISSION_DENIED (not an admin).
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<com.relaydesk.v1.ListApiKeysResponse> listApiKeys(
        com.relaydesk.v1.ListApiKeysRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getListApiKeysMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Deletes an API key: its secret stops working at once, even when it is the
     * key making the call. Access tokens minted with it stay valid until they
     * expire. Admins only.
     * Errors: INVALID_ARGUMENT (empty or malformed name), NOT_FOUND,
     * PERMISSION_DENIED (not an admin), FAILED_PRECONDITION (the last ADMIN key).
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<com.relaydesk.v1.DeleteApiKeyResponse> deleteApiKey(
        com.relaydesk.v1.DeleteApiKeyRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getDeleteApiKeyMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Mints a signed, expiring access token for an agent or a customer. An agent
     * token acts as its identity everywhere; a customer token is scoped to one
     * channel. Nothing is stored. Admins and services only.
     * Errors: INVALID_ARGUMENT (empty identity, `system` as identity, an identity
     * over 256 characters, a role other than AGENT or CUSTOMER, a CUSTOMER token
     * without `channel` or an AGENT token with one, a malformed channel name, a
     * ttl outside 1 s to 24 h), FAILED_PRECONDITION (the channel does not exist),
     * PERMISSION_DENIED (not an admin or service).
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<com.relaydesk.v1.CreateAccessTokenResponse> createAccessToken(
        com.relaydesk.v1.CreateAccessTokenRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getCreateAccessTokenMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Replaces the key access tokens are signed with. New tokens are signed with
     * the new key at once; tokens signed with the previous keys stay valid until
     * they expire (at most 24 h), so rotating needs no downtime. Admins only.
     * Errors: PERMISSION_DENIED (not an admin).
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<com.relaydesk.v1.RotateSigningKeyResponse> rotateSigningKey(
        com.relaydesk.v1.RotateSigningKeyRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getRotateSigningKeyMethod(), getCallOptions()), request);
    }
  }

  private static final int METHODID_CREATE_API_KEY = 0;
  private static final int METHODID_LIST_API_KEYS = 1;
  private static final int METHODID_DELETE_API_KEY = 2;
  private static final int METHODID_CREATE_ACCESS_TOKEN = 3;
  private static final int METHODID_ROTATE_SIGNING_KEY = 4;

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
        case METHODID_CREATE_API_KEY:
          serviceImpl.createApiKey((com.relaydesk.v1.CreateApiKeyRequest) request,
              (io.grpc.stub.StreamObserver<com.relaydesk.v1.CreateApiKeyResponse>) responseObserver);
          break;
        case METHODID_LIST_API_KEYS:
          serviceImpl.listApiKeys((com.relaydesk.v1.ListApiKeysRequest) request,
              (io.grpc.stub.StreamObserver<com.relaydesk.v1.ListApiKeysResponse>) responseObserver);
          break;
        case METHODID_DELETE_API_KEY:
          serviceImpl.deleteApiKey((com.relaydesk.v1.DeleteApiKeyRequest) request,
              (io.grpc.stub.StreamObserver<com.relaydesk.v1.DeleteApiKeyResponse>) responseObserver);
          break;
        case METHODID_CREATE_ACCESS_TOKEN:
          serviceImpl.createAccessToken((com.relaydesk.v1.CreateAccessTokenRequest) request,
              (io.grpc.stub.StreamObserver<com.relaydesk.v1.CreateAccessTokenResponse>) responseObserver);
          break;
        case METHODID_ROTATE_SIGNING_KEY:
          serviceImpl.rotateSigningKey((com.relaydesk.v1.RotateSigningKeyRequest) request,
              (io.grpc.stub.StreamObserver<com.relaydesk.v1.RotateSigningKeyResponse>) responseObserver);
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
          getCreateApiKeyMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              com.relaydesk.v1.CreateApiKeyRequest,
              com.relaydesk.v1.CreateApiKeyResponse>(
                service, METHODID_CREATE_API_KEY)))
        .addMethod(
          getListApiKeysMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              com.relaydesk.v1.ListApiKeysRequest,
              com.relaydesk.v1.ListApiKeysResponse>(
                service, METHODID_LIST_API_KEYS)))
        .addMethod(
          getDeleteApiKeyMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              com.relaydesk.v1.DeleteApiKeyRequest,
              com.relaydesk.v1.DeleteApiKeyResponse>(
                service, METHODID_DELETE_API_KEY)))
        .addMethod(
          getCreateAccessTokenMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              com.relaydesk.v1.CreateAccessTokenRequest,
              com.relaydesk.v1.CreateAccessTokenResponse>(
                service, METHODID_CREATE_ACCESS_TOKEN)))
        .addMethod(
          getRotateSigningKeyMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              com.relaydesk.v1.RotateSigningKeyRequest,
              com.relaydesk.v1.RotateSigningKeyResponse>(
                service, METHODID_ROTATE_SIGNING_KEY)))
        .build();
  }

  private static abstract class AuthServiceBaseDescriptorSupplier
      implements io.grpc.protobuf.ProtoFileDescriptorSupplier, io.grpc.protobuf.ProtoServiceDescriptorSupplier {
    AuthServiceBaseDescriptorSupplier() {}

    @java.lang.Override
    public com.google.protobuf.Descriptors.FileDescriptor getFileDescriptor() {
      return com.relaydesk.v1.AuthServiceProto.getDescriptor();
    }

    @java.lang.Override
    public com.google.protobuf.Descriptors.ServiceDescriptor getServiceDescriptor() {
      return getFileDescriptor().findServiceByName("AuthService");
    }
  }

  private static final class AuthServiceFileDescriptorSupplier
      extends AuthServiceBaseDescriptorSupplier {
    AuthServiceFileDescriptorSupplier() {}
  }

  private static final class AuthServiceMethodDescriptorSupplier
      extends AuthServiceBaseDescriptorSupplier
      implements io.grpc.protobuf.ProtoMethodDescriptorSupplier {
    private final java.lang.String methodName;

    AuthServiceMethodDescriptorSupplier(java.lang.String methodName) {
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
      synchronized (AuthServiceGrpc.class) {
        result = serviceDescriptor;
        if (result == null) {
          serviceDescriptor = result = io.grpc.ServiceDescriptor.newBuilder(SERVICE_NAME)
              .setSchemaDescriptor(new AuthServiceFileDescriptorSupplier())
              .addMethod(getCreateApiKeyMethod())
              .addMethod(getListApiKeysMethod())
              .addMethod(getDeleteApiKeyMethod())
              .addMethod(getCreateAccessTokenMethod())
              .addMethod(getRotateSigningKeyMethod())
              .build();
        }
      }
    }
    return result;
  }
}
