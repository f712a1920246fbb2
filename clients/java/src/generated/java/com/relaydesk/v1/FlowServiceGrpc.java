package com.relaydesk.v1;

import static io.grpc.MethodDescriptor.generateFullMethodName;

/**
 * <pre>
 * Manages flows: which contact identities reach the contact center, and what
 * happens to their new conversations.
 * </pre>
 */
@io.grpc.stub.annotations.GrpcGenerated
public final class FlowServiceGrpc {

  private FlowServiceGrpc() {}

  public static final java.lang.String SERVICE_NAME = "relaydesk.v1.FlowService";

  // Static method descriptors that strictly reflect the proto.
  private static volatile io.grpc.MethodDescriptor<com.relaydesk.v1.CreateFlowRequest,
      com.relaydesk.v1.CreateFlowResponse> getCreateFlowMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "CreateFlow",
      requestType = com.relaydesk.v1.CreateFlowRequest.class,
      responseType = com.relaydesk.v1.CreateFlowResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<com.relaydesk.v1.CreateFlowRequest,
      com.relaydesk.v1.CreateFlowResponse> getCreateFlowMethod() {
    io.grpc.MethodDescriptor<com.relaydesk.v1.CreateFlowRequest, com.relaydesk.v1.CreateFlowResponse> getCreateFlowMethod;
    if ((getCreateFlowMethod = FlowServiceGrpc.getCreateFlowMethod) == null) {
      synchronized (FlowServiceGrpc.class) {
        if ((getCreateFlowMethod = FlowServiceGrpc.getCreateFlowMethod) == null) {
          FlowServiceGrpc.getCreateFlowMethod = getCreateFlowMethod =
              io.grpc.MethodDescriptor.<com.relaydesk.v1.CreateFlowRequest, com.relaydesk.v1.CreateFlowResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "CreateFlow"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.relaydesk.v1.CreateFlowRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.relaydesk.v1.CreateFlowResponse.getDefaultInstance()))
              .setSchemaDescriptor(new FlowServiceMethodDescriptorSupplier("CreateFlow"))
              .build();
        }
      }
    }
    return getCreateFlowMethod;
  }

  private static volatile io.grpc.MethodDescriptor<com.relaydesk.v1.GetFlowRequest,
      com.relaydesk.v1.GetFlowResponse> getGetFlowMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "GetFlow",
      requestType = com.relaydesk.v1.GetFlowRequest.class,
      responseType = com.relaydesk.v1.GetFlowResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<com.relaydesk.v1.GetFlowRequest,
      com.relaydesk.v1.GetFlowResponse> getGetFlowMethod() {
    io.grpc.MethodDescriptor<com.relaydesk.v1.GetFlowRequest, com.relaydesk.v1.GetFlowResponse> getGetFlowMethod;
    if ((getGetFlowMethod = FlowServiceGrpc.getGetFlowMethod) == null) {
      synchronized (FlowServiceGrpc.class) {
        if ((getGetFlowMethod = FlowServiceGrpc.getGetFlowMethod) == null) {
          FlowServiceGrpc.getGetFlowMethod = getGetFlowMethod =
              io.grpc.MethodDescriptor.<com.relaydesk.v1.GetFlowRequest, com.relaydesk.v1.GetFlowResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "GetFlow"))
              .setSafe(true)
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.relaydesk.v1.GetFlowRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.relaydesk.v1.GetFlowResponse.getDefaultInstance()))
              .setSchemaDescriptor(new FlowServiceMethodDescriptorSupplier("GetFlow"))
              .build();
        }
      }
    }
    return getGetFlowMethod;
  }

  private static volatile io.grpc.MethodDescriptor<com.relaydesk.v1.ListFlowsRequest,
      com.relaydesk.v1.ListFlowsResponse> getListFlowsMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "ListFlows",
      requestType = com.relaydesk.v1.ListFlowsRequest.class,
      responseType = com.relaydesk.v1.ListFlowsResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<com.relaydesk.v1.ListFlowsRequest,
      com.relaydesk.v1.ListFlowsResponse> getListFlowsMethod() {
    io.grpc.MethodDescriptor<com.relaydesk.v1.ListFlowsRequest, com.relaydesk.v1.ListFlowsResponse> getListFlowsMethod;
    if ((getListFlowsMethod = FlowServiceGrpc.getListFlowsMethod) == null) {
      synchronized (FlowServiceGrpc.class) {
        if ((getListFlowsMethod = FlowServiceGrpc.getListFlowsMethod) == null) {
          FlowServiceGrpc.getListFlowsMethod = getListFlowsMethod =
              io.grpc.MethodDescriptor.<com.relaydesk.v1.ListFlowsRequest, com.relaydesk.v1.ListFlowsResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "ListFlows"))
              .setSafe(true)
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.relaydesk.v1.ListFlowsRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.relaydesk.v1.ListFlowsResponse.getDefaultInstance()))
              .setSchemaDescriptor(new FlowServiceMethodDescriptorSupplier("ListFlows"))
              .build();
        }
      }
    }
    return getListFlowsMethod;
  }

  private static volatile io.grpc.MethodDescriptor<com.relaydesk.v1.UpdateFlowRequest,
      com.relaydesk.v1.UpdateFlowResponse> getUpdateFlowMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "UpdateFlow",
      requestType = com.relaydesk.v1.UpdateFlowRequest.class,
      responseType = com.relaydesk.v1.UpdateFlowResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<com.relaydesk.v1.UpdateFlowRequest,
      com.relaydesk.v1.UpdateFlowResponse> getUpdateFlowMethod() {
    io.grpc.MethodDescriptor<com.relaydesk.v1.UpdateFlowRequest, com.relaydesk.v1.UpdateFlowResponse> getUpdateFlowMethod;
    if ((getUpdateFlowMethod = FlowServiceGrpc.getUpdateFlowMethod) == null) {
      synchronized (FlowServiceGrpc.class) {
        if ((getUpdateFlowMethod = FlowServiceGrpc.getUpdateFlowMethod) == null) {
          FlowServiceGrpc.getUpdateFlowMethod = getUpdateFlowMethod =
              io.grpc.MethodDescriptor.<com.relaydesk.v1.UpdateFlowRequest, com.relaydesk.v1.UpdateFlowResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "UpdateFlow"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.relaydesk.v1.UpdateFlowRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.relaydesk.v1.UpdateFlowResponse.getDefaultInstance()))
              .setSchemaDescriptor(new FlowServiceMethodDescriptorSupplier("UpdateFlow"))
              .build();
        }
      }
    }
    return getUpdateFlowMethod;
  }

  private static volatile io.grpc.MethodDescriptor<com.relaydesk.v1.DeleteFlowRequest,
      com.relaydesk.v1.DeleteFlowResponse> getDeleteFlowMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "DeleteFlow",
      requestType = com.relaydesk.v1.DeleteFlowRequest.class,
      responseType = com.relaydesk.v1.DeleteFlowResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<com.relaydesk.v1.DeleteFlowRequest,
      com.relaydesk.v1.DeleteFlowResponse> getDeleteFlowMethod() {
    io.grpc.MethodDescriptor<com.relaydesk.v1.DeleteFlowRequest, com.relaydesk.v1.DeleteFlowResponse> getDeleteFlowMethod;
    if ((getDeleteFlowMethod = FlowServiceGrpc.getDeleteFlowMethod) == null) {
      synchronized (FlowServiceGrpc.class) {
        if ((getDeleteFlowMethod = FlowServiceGrpc.getDeleteFlowMethod) == null) {
          FlowServiceGrpc.getDeleteFlowMethod = getDeleteFlowMethod =
              io.grpc.MethodDescriptor.<com.relaydesk.v1.DeleteFlowRequest, com.relaydesk.v1.DeleteFlowResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "DeleteFlow"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.relaydesk.v1.DeleteFlowRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.relaydesk.v1.DeleteFlowResponse.getDefaultInstance()))
              .setSchemaDescriptor(new FlowServiceMethodDescriptorSupplier("DeleteFlow"))
              .build();
        }
      }
    }
    return getDeleteFlowMethod;
  }

  private static volatile io.grpc.MethodDescriptor<com.relaydesk.v1.RotateWebhookSecretRequest,
      com.relaydesk.v1.RotateWebhookSecretResponse> getRotateWebhookSecretMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "RotateWebhookSecret",
      requestType = com.relaydesk.v1.RotateWebhookSecretRequest.class,
      responseType = com.relaydesk.v1.RotateWebhookSecretResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<com.relaydesk.v1.RotateWebhookSecretRequest,
      com.relaydesk.v1.RotateWebhookSecretResponse> getRotateWebhookSecretMethod() {
    io.grpc.MethodDescriptor<com.relaydesk.v1.RotateWebhookSecretRequest, com.relaydesk.v1.RotateWebhookSecretResponse> getRotateWebhookSecretMethod;
    if ((getRotateWebhookSecretMethod = FlowServiceGrpc.getRotateWebhookSecretMethod) == null) {
      synchronized (FlowServiceGrpc.class) {
        if ((getRotateWebhookSecretMethod = FlowServiceGrpc.getRotateWebhookSecretMethod) == null) {
          FlowServiceGrpc.getRotateWebhookSecretMethod = getRotateWebhookSecretMethod =
              io.grpc.MethodDescriptor.<com.relaydesk.v1.RotateWebhookSecretRequest, com.relaydesk.v1.RotateWebhookSecretResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "RotateWebhookSecret"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.relaydesk.v1.RotateWebhookSecretRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.relaydesk.v1.RotateWebhookSecretResponse.getDefaultInstance()))
              .setSchemaDescriptor(new FlowServiceMethodDescriptorSupplier("RotateWebhookSecret"))
              .build();
        }
      }
    }
    return getRotateWebhookSecretMethod;
  }

  /**
   * Creates a new async stub that supports all call types for the service
   */
  public static FlowServiceStub newStub(io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<FlowServiceStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<FlowServiceStub>() {
        @java.lang.Override
        public FlowServiceStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new FlowServiceStub(channel, callOptions);
        }
      };
    return FlowServiceStub.newStub(factory, channel);
  }

  /**
   * Creates a new blocking-style stub that supports all types of calls on the service
   */
  public static FlowServiceBlockingV2Stub newBlockingV2Stub(
      io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<FlowServiceBlockingV2Stub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<FlowServiceBlockingV2Stub>() {
        @java.lang.Override
        public FlowServiceBlockingV2Stub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new FlowServiceBlockingV2Stub(channel, callOptions);
        }
      };
    return FlowServiceBlockingV2Stub.newStub(factory, channel);
  }

  /**
   * Creates a new blocking-style stub that supports unary and streaming output calls on the service
   */
  public static FlowServiceBlockingStub newBlockingStub(
      io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<FlowServiceBlockingStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<FlowServiceBlockingStub>() {
        @java.lang.Override
        public FlowServiceBlockingStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new FlowServiceBlockingStub(channel, callOptions);
        }
      };
    return FlowServiceBlockingStub.newStub(factory, channel);
  }

  /**
   * Creates a new ListenableFuture-style stub that supports unary calls on the service
   */
  public static FlowServiceFutureStub newFutureStub(
      io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<FlowServiceFutureStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<FlowServiceFutureStub>() {
        @java.lang.Override
        public FlowServiceFutureStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new FlowServiceFutureStub(channel, callOptions);
        }
      };
    return FlowServiceFutureStub.newStub(factory, channel);
  }

  /**
   * <pre>
   * Manages flows: which contact identities reach the contact center, and what
   * happens to their new conversations.
   * </pre>
   */
  public interface AsyncService {

    /**
     * <pre>
     * Creates a flow. A WEBHOOK flow's signing secret is returned once, here.
     * Errors: INVALID_ARGUMENT (a field is malformed), ALREADY_EXISTS (another
     * enabled flow has this channel type and contact identity),
     * FAILED_PRECONDITION (a referenced workflow or bot does not exist).
     * </pre>
     */
    default void createFlow(com.relaydesk.v1.CreateFlowRequest request,
        io.grpc.stub.StreamObserver<com.relaydesk.v1.CreateFlowResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getCreateFlowMethod(), responseObserver);
    }

    /**
     * <pre>
     * Returns one flow.
     * Errors: INVALID_ARGUMENT (empty or malformed name), NOT_FOUND.
     * </pre>
     */
    default void getFlow(com.relaydesk.v1.GetFlowRequest request,
        io.grpc.stub.StreamObserver<com.relaydesk.v1.GetFlowResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getGetFlowMethod(), responseObserver);
    }

    /**
     * <pre>
     * Lists flows, oldest first.
     * Errors: INVALID_ARGUMENT (negative page size, bad page token).
     * </pre>
     */
    default void listFlows(com.relaydesk.v1.ListFlowsRequest request,
        io.grpc.stub.StreamObserver<com.relaydesk.v1.ListFlowsResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getListFlowsMethod(), responseObserver);
    }

    /**
     * <pre>
     * Updates the fields named in `update_mask` (all populated fields when unset).
     * Turning a flow into a WEBHOOK flow returns a new signing secret.
     * Errors: INVALID_ARGUMENT, NOT_FOUND, ALREADY_EXISTS (enabling would make a
     * second enabled flow for the identity), ABORTED (stale etag),
     * FAILED_PRECONDITION (a referenced workflow or bot does not exist).
     * </pre>
     */
    default void updateFlow(com.relaydesk.v1.UpdateFlowRequest request,
        io.grpc.stub.StreamObserver<com.relaydesk.v1.UpdateFlowResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getUpdateFlowMethod(), responseObserver);
    }

    /**
     * <pre>
     * Deletes a flow. A flow with active channels is deleted only with `force`,
     * which closes those channels as the janitor would (reason `flow deleted`).
     * Errors: INVALID_ARGUMENT, NOT_FOUND, FAILED_PRECONDITION (active channels
     * and no `force`).
     * </pre>
     */
    default void deleteFlow(com.relaydesk.v1.DeleteFlowRequest request,
        io.grpc.stub.StreamObserver<com.relaydesk.v1.DeleteFlowResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getDeleteFlowMethod(), responseObserver);
    }

    /**
     * <pre>
     * Replaces a WEBHOOK flow's signing secret and returns the new one.
     * Errors: INVALID_ARGUMENT, NOT_FOUND, FAILED_PRECONDITION (not a WEBHOOK flow).
     * </pre>
     */
    default void rotateWebhookSecret(com.relaydesk.v1.RotateWebhookSecretRequest request,
        io.grpc.stub.StreamObserver<com.relaydesk.v1.RotateWebhookSecretResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getRotateWebhookSecretMethod(), responseObserver);
    }
  }

  /**
   * Base class for the server implementation of the service FlowService.
   * <pre>
   * Manages flows: which contact identities reach the contact center, and what
   * happens to their new conversations.
   * </pre>
   */
  public static abstract class FlowServiceImplBase
      implements io.grpc.BindableService, AsyncService {

    @java.lang.Override public final io.grpc.ServerServiceDefinition bindService() {
      return FlowServiceGrpc.bindService(this);
    }
  }

  /**
   * A stub to allow clients to do asynchronous rpc calls to service FlowService.
   * <pre>
   * Manages flows: which contact identities reach the contact center, and what
   * happens to their new conversations.
   * </pre>
   */
  public static final class FlowServiceStub
      extends io.grpc.stub.AbstractAsyncStub<FlowServiceStub> {
    private FlowServiceStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected FlowServiceStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new FlowServiceStub(channel, callOptions);
    }

    /**
     * <pre>
     * Creates a flow. A WEBHOOK flow's signing secret is returned once, here.
     * Errors: INVALID_ARGUMENT (a field is malformed), ALREADY_EXISTS (another
     * enabled flow has this channel type and contact identity),
     * FAILED_PRECONDITION (a referenced workflow or bot does not exist).
     * </pre>
     */
    public void createFlow(com.relaydesk.v1.CreateFlowRequest request,
        io.grpc.stub.StreamObserver<com.relaydesk.v1.CreateFlowResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getCreateFlowMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Returns one flow.
     * Errors: INVALID_ARGUMENT (empty or malformed name), NOT_FOUND.
     * </pre>
     */
    public void getFlow(com.relaydesk.v1.GetFlowRequest request,
        io.grpc.stub.StreamObserver<com.relaydesk.v1.GetFlowResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getGetFlowMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Lists flows, oldest first.
     * Errors: INVALID_ARGUMENT (negative page size, bad page token).
     * </pre>
     */
    public void listFlows(com.relaydesk.v1.ListFlowsRequest request,
        io.grpc.stub.StreamObserver<com.relaydesk.v1.ListFlowsResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getListFlowsMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Updates the fields named in `update_mask` (all populated fields when unset).
     * Turning a flow into a WEBHOOK flow returns a new signing secret.
     * Errors: INVALID_ARGUMENT, NOT_FOUND, ALREADY_EXISTS (enabling would make a
     * second enabled flow for the identity), ABORTED (stale etag),
     * FAILED_PRECONDITION (a referenced workflow or bot does not exist).
     * </pre>
     */
    public void updateFlow(com.relaydesk.v1.UpdateFlowRequest request,
        io.grpc.stub.StreamObserver<com.relaydesk.v1.UpdateFlowResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getUpdateFlowMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Deletes a flow. A flow with active channels is deleted only with `force`,
     * which closes those channels as the janitor would (reason `flow deleted`).
     * Errors: INVALID_ARGUMENT, NOT_FOUND, FAILED_PRECONDITION (active channels
     * and no `force`).
     * </pre>
     */
    public void deleteFlow(com.relaydesk.v1.DeleteFlowRequest request,
        io.grpc.stub.StreamObserver<com.relaydesk.v1.DeleteFlowResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getDeleteFlowMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Replaces a WEBHOOK flow's signing secret and returns the new one.
     * Errors: INVALID_ARGUMENT, NOT_FOUND, FAILED_PRECONDITION (not a WEBHOOK flow).
     * </pre>
     */
    public void rotateWebhookSecret(com.relaydesk.v1.RotateWebhookSecretRequest request,
        io.grpc.stub.StreamObserver<com.relaydesk.v1.RotateWebhookSecretResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getRotateWebhookSecretMethod(), getCallOptions()), request, responseObserver);
    }
  }

  /**
   * A stub to allow clients to do synchronous rpc calls to service FlowService.
   * <pre>
   * Manages flows: which contact identities reach the contact center, and what
   * happens to their new conversations.
   * </pre>
   */
  public static final class FlowServiceBlockingV2Stub
      extends io.grpc.stub.AbstractBlockingStub<FlowServiceBlockingV2Stub> {
    private FlowServiceBlockingV2Stub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected FlowServiceBlockingV2Stub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new FlowServiceBlockingV2Stub(channel, callOptions);
    }

    /**
     * <pre>
     * Creates a flow. A WEBHOOK flow's signing secret is returned once, here.
     * Errors: INVALID_ARGUMENT (a field is malformed), ALREADY_EXISTS (another
     * enabled flow has this channel type and contact identity),
     * FAILED_PRECONDITION (a referenced workflow or bot does not exist).
     * </pre>
     */
    public com.relaydesk.v1.CreateFlowResponse createFlow(com.relaydesk.v1.CreateFlowRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getCreateFlowMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Returns one flow.
     * Errors: INVALID_ARGUMENT (empty or malformed name), NOT_FOUND.
     * </pre>
     */
    public com.relaydesk.v1.GetFlowResponse getFlow(com.relaydesk.v1.GetFlowRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getGetFlowMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Lists flows, oldest first.
     * Errors: INVALID_ARGUMENT (negative page size, bad page token).
     * </pre>
     */
    public com.relaydesk.v1.ListFlowsResponse listFlows(com.relaydesk.v1.ListFlowsRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getListFlowsMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Updates the fields named in `update_mask` (all populated fields when unset).
     * Turning a flow into a WEBHOOK flow returns a new signing secret.
     * Errors: INVALID_ARGUMENT, NOT_FOUND, ALREADY_EXISTS (enabling would make a
     * second enabled flow for the identity), ABORTED (stale etag),
     * FAILED_PRECONDITION (a referenced workflow or bot does not exist).
     * </pre>
     */
    public com.relaydesk.v1.UpdateFlowResponse updateFlow(com.relaydesk.v1.UpdateFlowRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getUpdateFlowMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Deletes a flow. A flow with active channels is deleted only with `force`,
     * which closes those channels as the janitor would (reason `flow deleted`).
     * Errors: INVALID_ARGUMENT, NOT_FOUND, FAILED_PRECONDITION (active channels
     * and no `force`).
     * </pre>
     */
    public com.relaydesk.v1.DeleteFlowResponse deleteFlow(com.relaydesk.v1.DeleteFlowRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getDeleteFlowMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Replaces a WEBHOOK flow's signing secret and returns the new one.
     * Errors: INVALID_ARGUMENT, NOT_FOUND, FAILED_PRECONDITION (not a WEBHOOK flow).
     * </pre>
     */
    public com.relaydesk.v1.RotateWebhookSecretResponse rotateWebhookSecret(com.relaydesk.v1.RotateWebhookSecretRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getRotateWebhookSecretMethod(), getCallOptions(), request);
    }
  }

  /**
   * A stub to allow clients to do limited synchronous rpc calls to service FlowService.
   * <pre>
   * Manages flows: which contact identities reach the contact center, and what
   * happens to their new conversations.
   * </pre>
   */
  public static final class FlowServiceBlockingStub
      extends io.grpc.stub.AbstractBlockingStub<FlowServiceBlockingStub> {
    private FlowServiceBlockingStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected FlowServiceBlockingStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new FlowServiceBlockingStub(channel, callOptions);
    }

    /**
     * <pre>
     * Creates a flow. A WEBHOOK flow's signing secret is returned once, here.
     * Errors: INVALID_ARGUMENT (a field is malformed), ALREADY_EXISTS (another
     * enabled flow has this channel type and contact identity),
     * FAILED_PRECONDITION (a referenced workflow or bot does not exist).
     * </pre>
     */
    public com.relaydesk.v1.CreateFlowResponse createFlow(com.relaydesk.v1.CreateFlowRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getCreateFlowMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Returns one flow.
     * Errors: INVALID_ARGUMENT (empty or malformed name), NOT_FOUND.
     * </pre>
     */
    public com.relaydesk.v1.GetFlowResponse getFlow(com.relaydesk.v1.GetFlowRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getGetFlowMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Lists flows, oldest first.
     * Errors: INVALID_ARGUMENT (negative page size, bad page token).
     * </pre>
     */
    public com.relaydesk.v1.ListFlowsResponse listFlows(com.relaydesk.v1.ListFlowsRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getListFlowsMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Updates the fields named in `update_mask` (all populated fields when unset).
     * Turning a flow into a WEBHOOK flow returns a new signing secret.
     * Errors: INVALID_ARGUMENT, NOT_FOUND, ALREADY_EXISTS (enabling would make a
     * second enabled flow for the identity), ABORTED (stale etag),
     * FAILED_PRECONDITION (a referenced workflow or bot does not exist).
     * </pre>
     */
    public com.relaydesk.v1.UpdateFlowResponse updateFlow(com.relaydesk.v1.UpdateFlowRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getUpdateFlowMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Deletes a flow. A flow with active channels is deleted only with `force`,
     * which closes those channels as the janitor would (reason `flow deleted`).
     * Errors: INVALID_ARGUMENT, NOT_FOUND, FAILED_PRECONDITION (active channels
     * and no `force`).
     * </pre>
     */
    public com.relaydesk.v1.DeleteFlowResponse deleteFlow(com.relaydesk.v1.DeleteFlowRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getDeleteFlowMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Replaces a WEBHOOK flow's signing secret and returns the new one.
     * Errors: INVALID_ARGUMENT, NOT_FOUND, FAILED_PRECONDITION (not a WEBHOOK flow).
     * </pre>
     */
    public com.relaydesk.v1.RotateWebhookSecretResponse rotateWebhookSecret(com.relaydesk.v1.RotateWebhookSecretRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getRotateWebhookSecretMethod(), getCallOptions(), request);
    }
  }

  /**
   * A stub to allow clients to do ListenableFuture-style rpc calls to service FlowService.
   * <pre>
   * Manages flows: which contact identities reach the contact center, and what
   * happens to their new conversations.
   * </pre>
   */
  public static final class FlowServiceFutureStub
      extends io.grpc.stub.AbstractFutureStub<FlowServiceFutureStub> {
    private FlowServiceFutureStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected FlowServiceFutureStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new FlowServiceFutureStub(channel, callOptions);
    }

    /**
     * <pre>
     * Creates a flow. A WEBHOOK flow's signing secret is returned once, here.
     * Errors: INVALID_ARGUMENT (a field is malformed), ALREADY_EXISTS (another
     * enabled flow has this channel type and contact identity),
     * FAILED_PRECONDITION (a referenced workflow or bot does not exist).
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<com.relaydesk.v1.CreateFlowResponse> createFlow(
        com.relaydesk.v1.CreateFlowRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getCreateFlowMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Returns one flow.
     * Errors: INVALID_ARGUMENT (empty or malformed name), NOT_FOUND.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<com.relaydesk.v1.GetFlowResponse> getFlow(
        com.relaydesk.v1.GetFlowRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getGetFlowMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Lists flows, oldest first.
     * Errors: INVALID_ARGUMENT (negative page size, bad page token).
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<com.relaydesk.v1.ListFlowsResponse> listFlows(
        com.relaydesk.v1.ListFlowsRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getListFlowsMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Updates the fields named in `update_mask` (all populated fields when unset).
     * Turning a flow into a WEBHOOK flow returns a new signing secret.
     * Errors: INVALID_ARGUMENT, NOT_FOUND, ALREADY_EXISTS (enabling would make a
     * second enabled flow for the identity), ABORTED (stale etag),
     * FAILED_PRECONDITION (a referenced workflow or bot does not exist).
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<com.relaydesk.v1.UpdateFlowResponse> updateFlow(
        com.relaydesk.v1.UpdateFlowRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getUpdateFlowMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Deletes a flow. A flow with active channels is deleted only with `force`,
     * which closes those channels as the janitor would (reason `flow deleted`).
     * Errors: INVALID_ARGUMENT, NOT_FOUND, FAILED_PRECONDITION (active channels
     * and no `force`).
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<com.relaydesk.v1.DeleteFlowResponse> deleteFlow(
        com.relaydesk.v1.DeleteFlowRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getDeleteFlowMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Replaces a WEBHOOK flow's signing secret and returns the new one.
     * Errors: INVALID_ARGUMENT, NOT_FOUND, FAILED_PRECONDITION (not a WEBHOOK flow).
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<com.relaydesk.v1.RotateWebhookSecretResponse> rotateWebhookSecret(
        com.relaydesk.v1.RotateWebhookSecretRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getRotateWebhookSecretMethod(), getCallOptions()), request);
    }
  }

  private static final int METHODID_CREATE_FLOW = 0;
  private static final int METHODID_GET_FLOW = 1;
  private static final int METHODID_LIST_FLOWS = 2;
  private static final int METHODID_UPDATE_FLOW = 3;
  private static final int METHODID_DELETE_FLOW = 4;
  private static final int METHODID_ROTATE_WEBHOOK_SECRET = 5;

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
        case METHODID_CREATE_FLOW:
          serviceImpl.createFlow((com.relaydesk.v1.CreateFlowRequest) request,
              (io.grpc.stub.StreamObserver<com.relaydesk.v1.CreateFlowResponse>) responseObserver);
          break;
        case METHODID_GET_FLOW:
          serviceImpl.getFlow((com.relaydesk.v1.GetFlowRequest) request,
              (io.grpc.stub.StreamObserver<com.relaydesk.v1.GetFlowResponse>) responseObserver);
          break;
        case METHODID_LIST_FLOWS:
          serviceImpl.listFlows((com.relaydesk.v1.ListFlowsRequest) request,
              (io.grpc.stub.StreamObserver<com.relaydesk.v1.ListFlowsResponse>) responseObserver);
          break;
        case METHODID_UPDATE_FLOW:
          serviceImpl.updateFlow((com.relaydesk.v1.UpdateFlowRequest) request,
              (io.grpc.stub.StreamObserver<com.relaydesk.v1.UpdateFlowResponse>) responseObserver);
          break;
        case METHODID_DELETE_FLOW:
          serviceImpl.deleteFlow((com.relaydesk.v1.DeleteFlowRequest) request,
              (io.grpc.stub.StreamObserver<com.relaydesk.v1.DeleteFlowResponse>) responseObserver);
          break;
        case METHODID_ROTATE_WEBHOOK_SECRET:
          serviceImpl.rotateWebhookSecret((com.relaydesk.v1.RotateWebhookSecretRequest) request,
              (io.grpc.stub.StreamObserver<com.relaydesk.v1.RotateWebhookSecretResponse>) responseObserver);
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
          getCreateFlowMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              com.relaydesk.v1.CreateFlowRequest,
              com.relaydesk.v1.CreateFlowResponse>(
                service, METHODID_CREATE_FLOW)))
        .addMethod(
          getGetFlowMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              com.relaydesk.v1.GetFlowRequest,
              com.relaydesk.v1.GetFlowResponse>(
                service, METHODID_GET_FLOW)))
        .addMethod(
          getListFlowsMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              com.relaydesk.v1.ListFlowsRequest,
              com.relaydesk.v1.ListFlowsResponse>(
                service, METHODID_LIST_FLOWS)))
        .addMethod(
          getUpdateFlowMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              com.relaydesk.v1.UpdateFlowRequest,
              com.relaydesk.v1.UpdateFlowResponse>(
                service, METHODID_UPDATE_FLOW)))
        .addMethod(
          getDeleteFlowMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              com.relaydesk.v1.DeleteFlowRequest,
              com.relaydesk.v1.DeleteFlowResponse>(
                service, METHODID_DELETE_FLOW)))
        .addMethod(
          getRotateWebhookSecretMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              com.relaydesk.v1.RotateWebhookSecretRequest,
              com.relaydesk.v1.RotateWebhookSecretResponse>(
                service, METHODID_ROTATE_WEBHOOK_SECRET)))
        .build();
  }

  private static abstract class FlowServiceBaseDescriptorSupplier
      implements io.grpc.protobuf.ProtoFileDescriptorSupplier, io.grpc.protobuf.ProtoServiceDescriptorSupplier {
    FlowServiceBaseDescriptorSupplier() {}

    @java.lang.Override
    public com.google.protobuf.Descriptors.FileDescriptor getFileDescriptor() {
      return com.relaydesk.v1.FlowServiceProto.getDescriptor();
    }

    @java.lang.Override
    public com.google.protobuf.Descriptors.ServiceDescriptor getServiceDescriptor() {
      return getFileDescriptor().findServiceByName("FlowService");
    }
  }

  private static final class FlowServiceFileDescriptorSupplier
      extends FlowServiceBaseDescriptorSupplier {
    FlowServiceFileDescriptorSupplier() {}
  }

  private static final class FlowServiceMethodDescriptorSupplier
      extends FlowServiceBaseDescriptorSupplier
      implements io.grpc.protobuf.ProtoMethodDescriptorSupplier {
    private final java.lang.String methodName;

    FlowServiceMethodDescriptorSupplier(java.lang.String methodName) {
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
      synchronized (FlowServiceGrpc.class) {
        result = serviceDescriptor;
        if (result == null) {
          serviceDescriptor = result = io.grpc.ServiceDescriptor.newBuilder(SERVICE_NAME)
              .setSchemaDescriptor(new FlowServiceFileDescriptorSupplier())
              .addMethod(getCreateFlowMethod())
              .addMethod(getGetFlowMethod())
              .addMethod(getListFlowsMethod())
              .addMethod(getUpdateFlowMethod())
              .addMethod(getDeleteFlowMethod())
              .addMethod(getRotateWebhookSecretMethod())
              .build();
        }
      }
    }
    return result;
  }
}
