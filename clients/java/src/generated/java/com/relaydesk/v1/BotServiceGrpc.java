package com.relaydesk.v1;

import static io.grpc.MethodDescriptor.generateFullMethodName;

/**
 * <pre>
 * Manages bots, the chatbots that talk with customers before an agent does,
 * and their executions.
 * </pre>
 */
@io.grpc.stub.annotations.GrpcGenerated
public final class BotServiceGrpc {

  private BotServiceGrpc() {}

  public static final java.lang.String SERVICE_NAME = "relaydesk.v1.BotService";

  // Static method descriptors that strictly reflect the proto.
  private static volatile io.grpc.MethodDescriptor<com.relaydesk.v1.CreateBotRequest,
      com.relaydesk.v1.CreateBotResponse> getCreateBotMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "CreateBot",
      requestType = com.relaydesk.v1.CreateBotRequest.class,
      responseType = com.relaydesk.v1.CreateBotResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<com.relaydesk.v1.CreateBotRequest,
      com.relaydesk.v1.CreateBotResponse> getCreateBotMethod() {
    io.grpc.MethodDescriptor<com.relaydesk.v1.CreateBotRequest, com.relaydesk.v1.CreateBotResponse> getCreateBotMethod;
    if ((getCreateBotMethod = BotServiceGrpc.getCreateBotMethod) == null) {
      synchronized (BotServiceGrpc.class) {
        if ((getCreateBotMethod = BotServiceGrpc.getCreateBotMethod) == null) {
          BotServiceGrpc.getCreateBotMethod = getCreateBotMethod =
              io.grpc.MethodDescriptor.<com.relaydesk.v1.CreateBotRequest, com.relaydesk.v1.CreateBotResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "CreateBot"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.relaydesk.v1.CreateBotRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.relaydesk.v1.CreateBotResponse.getDefaultInstance()))
              .setSchemaDescriptor(new BotServiceMethodDescriptorSupplier("CreateBot"))
              .build();
        }
      }
    }
    return getCreateBotMethod;
  }

  private static volatile io.grpc.MethodDescriptor<com.relaydesk.v1.GetBotRequest,
      com.relaydesk.v1.GetBotResponse> getGetBotMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "GetBot",
      requestType = com.relaydesk.v1.GetBotRequest.class,
      responseType = com.relaydesk.v1.GetBotResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<com.relaydesk.v1.GetBotRequest,
      com.relaydesk.v1.GetBotResponse> getGetBotMethod() {
    io.grpc.MethodDescriptor<com.relaydesk.v1.GetBotRequest, com.relaydesk.v1.GetBotResponse> getGetBotMethod;
    if ((getGetBotMethod = BotServiceGrpc.getGetBotMethod) == null) {
      synchronized (BotServiceGrpc.class) {
        if ((getGetBotMethod = BotServiceGrpc.getGetBotMethod) == null) {
          BotServiceGrpc.getGetBotMethod = getGetBotMethod =
              io.grpc.MethodDescriptor.<com.relaydesk.v1.GetBotRequest, com.relaydesk.v1.GetBotResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "GetBot"))
              .setSafe(true)
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.relaydesk.v1.GetBotRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.relaydesk.v1.GetBotResponse.getDefaultInstance()))
              .setSchemaDescriptor(new BotServiceMethodDescriptorSupplier("GetBot"))
              .build();
        }
      }
    }
    return getGetBotMethod;
  }

  private static volatile io.grpc.MethodDescriptor<com.relaydesk.v1.ListBotsRequest,
      com.relaydesk.v1.ListBotsResponse> getListBotsMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "ListBots",
      requestType = com.relaydesk.v1.ListBotsRequest.class,
      responseType = com.relaydesk.v1.ListBotsResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<com.relaydesk.v1.ListBotsRequest,
      com.relaydesk.v1.ListBotsResponse> getListBotsMethod() {
    io.grpc.MethodDescriptor<com.relaydesk.v1.ListBotsRequest, com.relaydesk.v1.ListBotsResponse> getListBotsMethod;
    if ((getListBotsMethod = BotServiceGrpc.getListBotsMethod) == null) {
      synchronized (BotServiceGrpc.class) {
        if ((getListBotsMethod = BotServiceGrpc.getListBotsMethod) == null) {
          BotServiceGrpc.getListBotsMethod = getListBotsMethod =
              io.grpc.MethodDescriptor.<com.relaydesk.v1.ListBotsRequest, com.relaydesk.v1.ListBotsResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "ListBots"))
              .setSafe(true)
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.relaydesk.v1.ListBotsRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.relaydesk.v1.ListBotsResponse.getDefaultInstance()))
              .setSchemaDescriptor(new BotServiceMethodDescriptorSupplier("ListBots"))
              .build();
        }
      }
    }
    return getListBotsMethod;
  }

  private static volatile io.grpc.MethodDescriptor<com.relaydesk.v1.UpdateBotRequest,
      com.relaydesk.v1.UpdateBotResponse> getUpdateBotMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "UpdateBot",
      requestType = com.relaydesk.v1.UpdateBotRequest.class,
      responseType = com.relaydesk.v1.UpdateBotResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<com.relaydesk.v1.UpdateBotRequest,
      com.relaydesk.v1.UpdateBotResponse> getUpdateBotMethod() {
    io.grpc.MethodDescriptor<com.relaydesk.v1.UpdateBotRequest, com.relaydesk.v1.UpdateBotResponse> getUpdateBotMethod;
    if ((getUpdateBotMethod = BotServiceGrpc.getUpdateBotMethod) == null) {
      synchronized (BotServiceGrpc.class) {
        if ((getUpdateBotMethod = BotServiceGrpc.getUpdateBotMethod) == null) {
          BotServiceGrpc.getUpdateBotMethod = getUpdateBotMethod =
              io.grpc.MethodDescriptor.<com.relaydesk.v1.UpdateBotRequest, com.relaydesk.v1.UpdateBotResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "UpdateBot"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.relaydesk.v1.UpdateBotRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.relaydesk.v1.UpdateBotResponse.getDefaultInstance()))
              .setSchemaDescriptor(new BotServiceMethodDescriptorSupplier("UpdateBot"))
              .build();
        }
      }
    }
    return getUpdateBotMethod;
  }

  private static volatile io.grpc.MethodDescriptor<com.relaydesk.v1.DeleteBotRequest,
      com.relaydesk.v1.DeleteBotResponse> getDeleteBotMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "DeleteBot",
      requestType = com.relaydesk.v1.DeleteBotRequest.class,
      responseType = com.relaydesk.v1.DeleteBotResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<com.relaydesk.v1.DeleteBotRequest,
      com.relaydesk.v1.DeleteBotResponse> getDeleteBotMethod() {
    io.grpc.MethodDescriptor<com.relaydesk.v1.DeleteBotRequest, com.relaydesk.v1.DeleteBotResponse> getDeleteBotMethod;
    if ((getDeleteBotMethod = BotServiceGrpc.getDeleteBotMethod) == null) {
      synchronized (BotServiceGrpc.class) {
        if ((getDeleteBotMethod = BotServiceGrpc.getDeleteBotMethod) == null) {
          BotServiceGrpc.getDeleteBotMethod = getDeleteBotMethod =
              io.grpc.MethodDescriptor.<com.relaydesk.v1.DeleteBotRequest, com.relaydesk.v1.DeleteBotResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "DeleteBot"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.relaydesk.v1.DeleteBotRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.relaydesk.v1.DeleteBotResponse.getDefaultInstance()))
              .setSchemaDescriptor(new BotServiceMethodDescriptorSupplier("DeleteBot"))
              .build();
        }
      }
    }
    return getDeleteBotMethod;
  }

  private static volatile io.grpc.MethodDescriptor<com.relaydesk.v1.GetExecutionRequest,
      com.relaydesk.v1.GetExecutionResponse> getGetExecutionMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "GetExecution",
      requestType = com.relaydesk.v1.GetExecutionRequest.class,
      responseType = com.relaydesk.v1.GetExecutionResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<com.relaydesk.v1.GetExecutionRequest,
      com.relaydesk.v1.GetExecutionResponse> getGetExecutionMethod() {
    io.grpc.MethodDescriptor<com.relaydesk.v1.GetExecutionRequest, com.relaydesk.v1.GetExecutionResponse> getGetExecutionMethod;
    if ((getGetExecutionMethod = BotServiceGrpc.getGetExecutionMethod) == null) {
      synchronized (BotServiceGrpc.class) {
        if ((getGetExecutionMethod = BotServiceGrpc.getGetExecutionMethod) == null) {
          BotServiceGrpc.getGetExecutionMethod = getGetExecutionMethod =
              io.grpc.MethodDescriptor.<com.relaydesk.v1.GetExecutionRequest, com.relaydesk.v1.GetExecutionResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "GetExecution"))
              .setSafe(true)
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.relaydesk.v1.GetExecutionRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.relaydesk.v1.GetExecutionResponse.getDefaultInstance()))
              .setSchemaDescriptor(new BotServiceMethodDescriptorSupplier("GetExecution"))
              .build();
        }
      }
    }
    return getGetExecutionMethod;
  }

  private static volatile io.grpc.MethodDescriptor<com.relaydesk.v1.ListExecutionsRequest,
      com.relaydesk.v1.ListExecutionsResponse> getListExecutionsMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "ListExecutions",
      requestType = com.relaydesk.v1.ListExecutionsRequest.class,
      responseType = com.relaydesk.v1.ListExecutionsResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<com.relaydesk.v1.ListExecutionsRequest,
      com.relaydesk.v1.ListExecutionsResponse> getListExecutionsMethod() {
    io.grpc.MethodDescriptor<com.relaydesk.v1.ListExecutionsRequest, com.relaydesk.v1.ListExecutionsResponse> getListExecutionsMethod;
    if ((getListExecutionsMethod = BotServiceGrpc.getListExecutionsMethod) == null) {
      synchronized (BotServiceGrpc.class) {
        if ((getListExecutionsMethod = BotServiceGrpc.getListExecutionsMethod) == null) {
          BotServiceGrpc.getListExecutionsMethod = getListExecutionsMethod =
              io.grpc.MethodDescriptor.<com.relaydesk.v1.ListExecutionsRequest, com.relaydesk.v1.ListExecutionsResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "ListExecutions"))
              .setSafe(true)
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.relaydesk.v1.ListExecutionsRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.relaydesk.v1.ListExecutionsResponse.getDefaultInstance()))
              .setSchemaDescriptor(new BotServiceMethodDescriptorSupplier("ListExecutions"))
              .build();
        }
      }
    }
    return getListExecutionsMethod;
  }

  private static volatile io.grpc.MethodDescriptor<com.relaydesk.v1.EndExecutionRequest,
      com.relaydesk.v1.EndExecutionResponse> getEndExecutionMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "EndExecution",
      requestType = com.relaydesk.v1.EndExecutionRequest.class,
      responseType = com.relaydesk.v1.EndExecutionResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<com.relaydesk.v1.EndExecutionRequest,
      com.relaydesk.v1.EndExecutionResponse> getEndExecutionMethod() {
    io.grpc.MethodDescriptor<com.relaydesk.v1.EndExecutionRequest, com.relaydesk.v1.EndExecutionResponse> getEndExecutionMethod;
    if ((getEndExecutionMethod = BotServiceGrpc.getEndExecutionMethod) == null) {
      synchronized (BotServiceGrpc.class) {
        if ((getEndExecutionMethod = BotServiceGrpc.getEndExecutionMethod) == null) {
          BotServiceGrpc.getEndExecutionMethod = getEndExecutionMethod =
              io.grpc.MethodDescriptor.<com.relaydesk.v1.EndExecutionRequest, com.relaydesk.v1.EndExecutionResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "EndExecution"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.relaydesk.v1.EndExecutionRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.relaydesk.v1.EndExecutionResponse.getDefaultInstance()))
              .setSchemaDescriptor(new BotServiceMethodDescriptorSupplier("EndExecution"))
              .build();
        }
      }
    }
    return getEndExecutionMethod;
  }

  /**
   * Creates a new async stub that supports all call types for the service
   */
  public static BotServiceStub newStub(io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<BotServiceStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<BotServiceStub>() {
        @java.lang.Override
        public BotServiceStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new BotServiceStub(channel, callOptions);
        }
      };
    return BotServiceStub.newStub(factory, channel);
  }

  /**
   * Creates a new blocking-style stub that supports all types of calls on the service
   */
  public static BotServiceBlockingV2Stub newBlockingV2Stub(
      io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<BotServiceBlockingV2Stub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<BotServiceBlockingV2Stub>() {
        @java.lang.Override
        public BotServiceBlockingV2Stub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new BotServiceBlockingV2Stub(channel, callOptions);
        }
      };
    return BotServiceBlockingV2Stub.newStub(factory, channel);
  }

  /**
   * Creates a new blocking-style stub that supports unary and streaming output calls on the service
   */
  public static BotServiceBlockingStub newBlockingStub(
      io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<BotServiceBlockingStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<BotServiceBlockingStub>() {
        @java.lang.Override
        public BotServiceBlockingStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new BotServiceBlockingStub(channel, callOptions);
        }
      };
    return BotServiceBlockingStub.newStub(factory, channel);
  }

  /**
   * Creates a new ListenableFuture-style stub that supports unary calls on the service
   */
  public static BotServiceFutureStub newFutureStub(
      io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<BotServiceFutureStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<BotServiceFutureStub>() {
        @java.lang.Override
        public BotServiceFutureStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new BotServiceFutureStub(channel, callOptions);
        }
      };
    return BotServiceFutureStub.newStub(factory, channel);
  }

  /**
   * <pre>
   * Manages bots, the chatbots that talk with customers before an agent does,
   * and their executions.
   * </pre>
   */
  public interface AsyncService {

    /**
     * <pre>
     * Creates a bot. Its definition is checked and its expressions compiled here.
     * Errors: INVALID_ARGUMENT (a field is malformed, with the path of the
     * offender, e.g. `bot.definition.states[2].send_message.next`: a `next` that
     * names no state, an expression that does not compile (with the compiler's
     * message), a missing initial state, a duplicate state name, a timeout out of
     * range, a definition over 64 KiB), FAILED_PRECONDITION (a send-to-agent
     * step's workflow does not exist).
     * </pre>
     */
    default void createBot(com.relaydesk.v1.CreateBotRequest request,
        io.grpc.stub.StreamObserver<com.relaydesk.v1.CreateBotResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getCreateBotMethod(), responseObserver);
    }

    /**
     * <pre>
     * Returns one bot.
     * Errors: INVALID_ARGUMENT (empty or malformed name), NOT_FOUND.
     * </pre>
     */
    default void getBot(com.relaydesk.v1.GetBotRequest request,
        io.grpc.stub.StreamObserver<com.relaydesk.v1.GetBotResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getGetBotMethod(), responseObserver);
    }

    /**
     * <pre>
     * Lists bots, oldest first.
     * Errors: INVALID_ARGUMENT (negative page size, bad page token).
     * </pre>
     */
    default void listBots(com.relaydesk.v1.ListBotsRequest request,
        io.grpc.stub.StreamObserver<com.relaydesk.v1.ListBotsResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getListBotsMethod(), responseObserver);
    }

    /**
     * <pre>
     * Updates the fields named in `update_mask` (all populated fields when unset).
     * New executions use the new definition; ACTIVE ones finish on the one they
     * started with.
     * Errors: INVALID_ARGUMENT (as for `CreateBot`), NOT_FOUND, ABORTED (stale
     * etag), FAILED_PRECONDITION (a send-to-agent step's workflow does not
     * exist).
     * </pre>
     */
    default void updateBot(com.relaydesk.v1.UpdateBotRequest request,
        io.grpc.stub.StreamObserver<com.relaydesk.v1.UpdateBotResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getUpdateBotMethod(), responseObserver);
    }

    /**
     * <pre>
     * Deletes a bot and its executions.
     * Errors: INVALID_ARGUMENT, NOT_FOUND, FAILED_PRECONDITION (a flow refers to
     * it, or one of its executions is ACTIVE).
     * </pre>
     */
    default void deleteBot(com.relaydesk.v1.DeleteBotRequest request,
        io.grpc.stub.StreamObserver<com.relaydesk.v1.DeleteBotResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getDeleteBotMethod(), responseObserver);
    }

    /**
     * <pre>
     * Returns one execution.
     * Errors: INVALID_ARGUMENT (empty or malformed name), NOT_FOUND.
     * </pre>
     */
    default void getExecution(com.relaydesk.v1.GetExecutionRequest request,
        io.grpc.stub.StreamObserver<com.relaydesk.v1.GetExecutionResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getGetExecutionMethod(), responseObserver);
    }

    /**
     * <pre>
     * Lists executions, oldest first, of one bot or of every bot.
     * Errors: INVALID_ARGUMENT (negative page size, bad page token, a malformed
     * parent or filter), NOT_FOUND (the parent bot).
     * </pre>
     */
    default void listExecutions(com.relaydesk.v1.ListExecutionsRequest request,
        io.grpc.stub.StreamObserver<com.relaydesk.v1.ListExecutionsResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getListExecutionsMethod(), responseObserver);
    }

    /**
     * <pre>
     * Ends an ACTIVE execution with an optional reason: it becomes ENDED and the
     * bot leaves the conversation; the channel stays open.
     * Errors: INVALID_ARGUMENT, NOT_FOUND, FAILED_PRECONDITION (the execution is
     * ENDED or FAILED; names the current state).
     * </pre>
     */
    default void endExecution(com.relaydesk.v1.EndExecutionRequest request,
        io.grpc.stub.StreamObserver<com.relaydesk.v1.EndExecutionResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getEndExecutionMethod(), responseObserver);
    }
  }

  /**
   * Base class for the server implementation of the service BotService.
   * <pre>
   * Manages bots, the chatbots that talk with customers before an agent does,
   * and their executions.
   * </pre>
   */
  public static abstract class BotServiceImplBase
      implements io.grpc.BindableService, AsyncService {

    @java.lang.Override public final io.grpc.ServerServiceDefinition bindService() {
      return BotServiceGrpc.bindService(this);
    }
  }

  /**
   * A stub to allow clients to do asynchronous rpc calls to service BotService.
   * <pre>
   * Manages bots, the chatbots that talk with customers before an agent does,
   * and their executions.
   * </pre>
   */
  public static final class BotServiceStub
      extends io.grpc.stub.AbstractAsyncStub<BotServiceStub> {
    private BotServiceStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected BotServiceStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new BotServiceStub(channel, callOptions);
    }

    /**
     * <pre>
     * Creates a bot. Its definition is checked and its expressions compiled here.
     * Errors: INVALID_ARGUMENT (a field is malformed, with the path of the
     * offender, e.g. `bot.definition.states[2].send_message.next`: a `next` that
     * names no state, an expression that does not compile (with the compiler's
     * message), a missing initial state, a duplicate state name, a timeout out of
     * range, a definition over 64 KiB), FAILED_PRECONDITION (a send-to-agent
     * step's workflow does not exist).
     * </pre>
     */
    public void createBot(com.relaydesk.v1.CreateBotRequest request,
        io.grpc.stub.StreamObserver<com.relaydesk.v1.CreateBotResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getCreateBotMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Returns one bot.
     * Errors: INVALID_ARGUMENT (empty or malformed name), NOT_FOUND.
     * </pre>
     */
    public void getBot(com.relaydesk.v1.GetBotRequest request,
        io.grpc.stub.StreamObserver<com.relaydesk.v1.GetBotResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getGetBotMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Lists bots, oldest first.
     * Errors: INVALID_ARGUMENT (negative page size, bad page token).
     * </pre>
     */
    public void listBots(com.relaydesk.v1.ListBotsRequest request,
        io.grpc.stub.StreamObserver<com.relaydesk.v1.ListBotsResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getListBotsMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Updates the fields named in `update_mask` (all populated fields when unset).
     * New executions use the new definition; ACTIVE ones finish on the one they
     * started with.
     * Errors: INVALID_ARGUMENT (as for `CreateBot`), NOT_FOUND, ABORTED (stale
     * etag), FAILED_PRECONDITION (a send-to-agent step's workflow does not
     * exist).
     * </pre>
     */
    public void updateBot(com.relaydesk.v1.UpdateBotRequest request,
        io.grpc.stub.StreamObserver<com.relaydesk.v1.UpdateBotResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getUpdateBotMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Deletes a bot and its executions.
     * Errors: INVALID_ARGUMENT, NOT_FOUND, FAILED_PRECONDITION (a flow refers to
     * it, or one of its executions is ACTIVE).
     * </pre>
     */
    public void deleteBot(com.relaydesk.v1.DeleteBotRequest request,
        io.grpc.stub.StreamObserver<com.relaydesk.v1.DeleteBotResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getDeleteBotMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Returns one execution.
     * Errors: INVALID_ARGUMENT (empty or malformed name), NOT_FOUND.
     * </pre>
     */
    public void getExecution(com.relaydesk.v1.GetExecutionRequest request,
        io.grpc.stub.StreamObserver<com.relaydesk.v1.GetExecutionResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getGetExecutionMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Lists executions, oldest first, of one bot or of every bot.
     * Errors: INVALID_ARGUMENT (negative page size, bad page token, a malformed
     * parent or filter), NOT_FOUND (the parent bot).
     * </pre>
     */
    public void listExecutions(com.relaydesk.v1.ListExecutionsRequest request,
        io.grpc.stub.StreamObserver<com.relaydesk.v1.ListExecutionsResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getListExecutionsMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Ends an ACTIVE execution with an optional reason: it becomes ENDED and the
     * bot leaves the conversation; the channel stays open.
     * Errors: INVALID_ARGUMENT, NOT_FOUND, FAILED_PRECONDITION (the execution is
     * ENDED or FAILED; names the current state).
     * </pre>
     */
    public void endExecution(com.relaydesk.v1.EndExecutionRequest request,
        io.grpc.stub.StreamObserver<com.relaydesk.v1.EndExecutionResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getEndExecutionMethod(), getCallOptions()), request, responseObserver);
    }
  }

  /**
   * A stub to allow clients to do synchronous rpc calls to service BotService.
   * <pre>
   * Manages bots, the chatbots that talk with customers before an agent does,
   * and their executions.
   * </pre>
   */
  public static final class BotServiceBlockingV2Stub
      extends io.grpc.stub.AbstractBlockingStub<BotServiceBlockingV2Stub> {
    private BotServiceBlockingV2Stub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected BotServiceBlockingV2Stub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new BotServiceBlockingV2Stub(channel, callOptions);
    }

    /**
     * <pre>
     * Creates a bot. Its definition is checked and its expressions compiled here.
     * Errors: INVALID_ARGUMENT (a field is malformed, with the path of the
     * offender, e.g. `bot.definition.states[2].send_message.next`: a `next` that
     * names no state, an expression that does not compile (with the compiler's
     * message), a missing initial state, a duplicate state name, a timeout out of
     * range, a definition over 64 KiB), FAILED_PRECONDITION (a send-to-agent
     * step's workflow does not exist).
     * </pre>
     */
    public com.relaydesk.v1.CreateBotResponse createBot(com.relaydesk.v1.CreateBotRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getCreateBotMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Returns one bot.
     * Errors: INVALID_ARGUMENT (empty or malformed name), NOT_FOUND.
     * </pre>
     */
    public com.relaydesk.v1.GetBotResponse getBot(com.relaydesk.v1.GetBotRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getGetBotMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Lists bots, oldest first.
     * Errors: INVALID_ARGUMENT (negative page size, bad page token).
     * </pre>
     */
    public com.relaydesk.v1.ListBotsResponse listBots(com.relaydesk.v1.ListBotsRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getListBotsMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Updates the fields named in `update_mask` (all populated fields when unset).
     * New executions use the new definition; ACTIVE ones finish on the one they
     * started with.
     * Errors: INVALID_ARGUMENT (as for `CreateBot`), NOT_FOUND, ABORTED (stale
     * etag), FAILED_PRECONDITION (a send-to-agent step's workflow does not
     * exist).
     * </pre>
     */
    public com.relaydesk.v1.UpdateBotResponse updateBot(com.relaydesk.v1.UpdateBotRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getUpdateBotMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Deletes a bot and its executions.
     * Errors: INVALID_ARGUMENT, NOT_FOUND, FAILED_PRECONDITION (a flow refers to
     * it, or one of its executions is ACTIVE).
     * </pre>
     */
    public com.relaydesk.v1.DeleteBotResponse deleteBot(com.relaydesk.v1.DeleteBotRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getDeleteBotMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Returns one execution.
     * Errors: INVALID_ARGUMENT (empty or malformed name), NOT_FOUND.
     * </pre>
     */
    public com.relaydesk.v1.GetExecutionResponse getExecution(com.relaydesk.v1.GetExecutionRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getGetExecutionMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Lists executions, oldest first, of one bot or of every bot.
     * Errors: INVALID_ARGUMENT (negative page size, bad page token, a malformed
     * parent or filter), NOT_FOUND (the parent bot).
     * </pre>
     */
    public com.relaydesk.v1.ListExecutionsResponse listExecutions(com.relaydesk.v1.ListExecutionsRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getListExecutionsMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Ends an ACTIVE execution with an optional reason: it becomes ENDED and the
     * bot leaves the conversation; the channel stays open.
     * Errors: INVALID_ARGUMENT, NOT_FOUND, FAILED_PRECONDITION (the execution is
     * ENDED or FAILED; names the current state).
     * </pre>
     */
    public com.relaydesk.v1.EndExecutionResponse endExecution(com.relaydesk.v1.EndExecutionRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getEndExecutionMethod(), getCallOptions(), request);
    }
  }

  /**
   * A stub to allow clients to do limited synchronous rpc calls to service BotService.
   * <pre>
   * Manages bots, the chatbots that talk with customers before an agent does,
   * and their executions.
   * </pre>
   */
  public static final class BotServiceBlockingStub
      extends io.grpc.stub.AbstractBlockingStub<BotServiceBlockingStub> {
    private BotServiceBlockingStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected BotServiceBlockingStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new BotServiceBlockingStub(channel, callOptions);
    }

    /**
     * <pre>
     * Creates a bot. Its definition is checked and its expressions compiled here.
     * Errors: INVALID_ARGUMENT (a field is malformed, with the path of the
     * offender, e.g. `bot.definition.states[2].send_message.next`: a `next` that
     * names no state, an expression that does not compile (with the compiler's
     * message), a missing initial state, a duplicate state name, a timeout out of
     * range, a definition over 64 KiB), FAILED_PRECONDITION (a send-to-agent
     * step's workflow does not exist).
     * </pre>
     */
    public com.relaydesk.v1.CreateBotResponse createBot(com.relaydesk.v1.CreateBotRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getCreateBotMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Returns one bot.
     * Errors: INVALID_ARGUMENT (empty or malformed name), NOT_FOUND.
     * </pre>
     */
    public com.relaydesk.v1.GetBotResponse getBot(com.relaydesk.v1.GetBotRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getGetBotMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Lists bots, oldest first.
     * Errors: INVALID_ARGUMENT (negative page size, bad page token).
     * </pre>
     */
    public com.relaydesk.v1.ListBotsResponse listBots(com.relaydesk.v1.ListBotsRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getListBotsMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Updates the fields named in `update_mask` (all populated fields when unset).
     * New executions use the new definition; ACTIVE ones finish on the one they
     * started with.
     * Errors: INVALID_ARGUMENT (as for `CreateBot`), NOT_FOUND, ABORTED (stale
     * etag), FAILED_PRECONDITION (a send-to-agent step's workflow does not
     * exist).
     * </pre>
     */
    public com.relaydesk.v1.UpdateBotResponse updateBot(com.relaydesk.v1.UpdateBotRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getUpdateBotMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Deletes a bot and its executions.
     * Errors: INVALID_ARGUMENT, NOT_FOUND, FAILED_PRECONDITION (a flow refers to
     * it, or one of its executions is ACTIVE).
     * </pre>
     */
    public com.relaydesk.v1.DeleteBotResponse deleteBot(com.relaydesk.v1.DeleteBotRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getDeleteBotMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Returns one execution.
     * Errors: INVALID_ARGUMENT (empty or malformed name), NOT_FOUND.
     * </pre>
     */
    public com.relaydesk.v1.GetExecutionResponse getExecution(com.relaydesk.v1.GetExecutionRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getGetExecutionMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Lists executions, oldest first, of one bot or of every bot.
     * Errors: INVALID_ARGUMENT (negative page size, bad page token, a malformed
     * parent or filter), NOT_FOUND (the parent bot).
     * </pre>
     */
    public com.relaydesk.v1.ListExecutionsResponse listExecutions(com.relaydesk.v1.ListExecutionsRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getListExecutionsMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Ends an ACTIVE execution with an optional reason: it becomes ENDED and the
     * bot leaves the conversation; the channel stays open.
     * Errors: INVALID_ARGUMENT, NOT_FOUND, FAILED_PRECONDITION (the execution is
     * ENDED or FAILED; names the current state).
     * </pre>
     */
    public com.relaydesk.v1.EndExecutionResponse endExecution(com.relaydesk.v1.EndExecutionRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getEndExecutionMethod(), getCallOptions(), request);
    }
  }

  /**
   * A stub to allow clients to do ListenableFuture-style rpc calls to service BotService.
   * <pre>
   * Manages bots, the chatbots that talk with customers before an agent does,
   * and their executions.
   * </pre>
   */
  public static final class BotServiceFutureStub
      extends io.grpc.stub.AbstractFutureStub<BotServiceFutureStub> {
    private BotServiceFutureStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected BotServiceFutureStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new BotServiceFutureStub(channel, callOptions);
    }

    /**
     * <pre>
     * Creates a bot. Its definition is checked and its expressions compiled here.
     * Errors: INVALID_ARGUMENT (a field is malformed, with the path of the
     * offender, e.g. `bot.definition.states[2].send_message.next`: a `next` that
     * names no state, an expression that does not compile (with the compiler's
     * message), a missing initial state, a duplicate state name, a timeout out of
     * range, a definition over 64 KiB), FAILED_PRECONDITION (a send-to-agent
     * step's workflow does not exist).
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<com.relaydesk.v1.CreateBotResponse> createBot(
        com.relaydesk.v1.CreateBotRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getCreateBotMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Returns one bot.
     * Errors: INVALID_ARGUMENT (empty or malformed name), NOT_FOUND.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<com.relaydesk.v1.GetBotResponse> getBot(
        com.relaydesk.v1.GetBotRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getGetBotMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Lists bots, oldest first.
     * Errors: INVALID_ARGUMENT (negative page size, bad page token).
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<com.relaydesk.v1.ListBotsResponse> listBots(
        com.relaydesk.v1.ListBotsRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getListBotsMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Updates the fields named in `update_mask` (all populated fields when unset).
     * New executions use the new definition; ACTIVE ones finish on the one they
     * started with.
     * Errors: INVALID_ARGUMENT (as for `CreateBot`), NOT_FOUND, ABORTED (stale
     * etag), FAILED_PRECONDITION (a send-to-agent step's workflow does not
     * exist).
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<com.relaydesk.v1.UpdateBotResponse> updateBot(
        com.relaydesk.v1.UpdateBotRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getUpdateBotMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Deletes a bot and its executions.
     * Errors: INVALID_ARGUMENT, NOT_FOUND, FAILED_PRECONDITION (a flow refers to
     * it, or one of its executions is ACTIVE).
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<com.relaydesk.v1.DeleteBotResponse> deleteBot(
        com.relaydesk.v1.DeleteBotRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getDeleteBotMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Returns one execution.
     * Errors: INVALID_ARGUMENT (empty or malformed name), NOT_FOUND.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<com.relaydesk.v1.GetExecutionResponse> getExecution(
        com.relaydesk.v1.GetExecutionRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getGetExecutionMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Lists executions, oldest first, of one bot or of every bot.
     * Errors: INVALID_ARGUMENT (negative page size, bad page token, a malformed
     * parent or filter), NOT_FOUND (the parent bot).
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<com.relaydesk.v1.ListExecutionsResponse> listExecutions(
        com.relaydesk.v1.ListExecutionsRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getListExecutionsMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Ends an ACTIVE execution with an optional reason: it becomes ENDED and the
     * bot leaves the conversation; the channel stays open.
     * Errors: INVALID_ARGUMENT, NOT_FOUND, FAILED_PRECONDITION (the execution is
     * ENDED or FAILED; names the current state).
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<com.relaydesk.v1.EndExecutionResponse> endExecution(
        com.relaydesk.v1.EndExecutionRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getEndExecutionMethod(), getCallOptions()), request);
    }
  }

  private static final int METHODID_CREATE_BOT = 0;
  private static final int METHODID_GET_BOT = 1;
  private static final int METHODID_LIST_BOTS = 2;
  private static final int METHODID_UPDATE_BOT = 3;
  private static final int METHODID_DELETE_BOT = 4;
  private static final int METHODID_GET_EXECUTION = 5;
  private static final int METHODID_LIST_EXECUTIONS = 6;
  private static final int METHODID_END_EXECUTION = 7;

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
        case METHODID_CREATE_BOT:
          serviceImpl.createBot((com.relaydesk.v1.CreateBotRequest) request,
              (io.grpc.stub.StreamObserver<com.relaydesk.v1.CreateBotResponse>) responseObserver);
          break;
        case METHODID_GET_BOT:
          serviceImpl.getBot((com.relaydesk.v1.GetBotRequest) request,
              (io.grpc.stub.StreamObserver<com.relaydesk.v1.GetBotResponse>) responseObserver);
          break;
        case METHODID_LIST_BOTS:
          serviceImpl.listBots((com.relaydesk.v1.ListBotsRequest) request,
              (io.grpc.stub.StreamObserver<com.relaydesk.v1.ListBotsResponse>) responseObserver);
          break;
        case METHODID_UPDATE_BOT:
          serviceImpl.updateBot((com.relaydesk.v1.UpdateBotRequest) request,
              (io.grpc.stub.StreamObserver<com.relaydesk.v1.UpdateBotResponse>) responseObserver);
          break;
        case METHODID_DELETE_BOT:
          serviceImpl.deleteBot((com.relaydesk.v1.DeleteBotRequest) request,
              (io.grpc.stub.StreamObserver<com.relaydesk.v1.DeleteBotResponse>) responseObserver);
          break;
        case METHODID_GET_EXECUTION:
          serviceImpl.getExecution((com.relaydesk.v1.GetExecutionRequest) request,
              (io.grpc.stub.StreamObserver<com.relaydesk.v1.GetExecutionResponse>) responseObserver);
          break;
        case METHODID_LIST_EXECUTIONS:
          serviceImpl.listExecutions((com.relaydesk.v1.ListExecutionsRequest) request,
              (io.grpc.stub.StreamObserver<com.relaydesk.v1.ListExecutionsResponse>) responseObserver);
          break;
        case METHODID_END_EXECUTION:
          serviceImpl.endExecution((com.relaydesk.v1.EndExecutionRequest) request,
              (io.grpc.stub.StreamObserver<com.relaydesk.v1.EndExecutionResponse>) responseObserver);
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
          getCreateBotMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              com.relaydesk.v1.CreateBotRequest,
              com.relaydesk.v1.CreateBotResponse>(
                service, METHODID_CREATE_BOT)))
        .addMethod(
          getGetBotMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              com.relaydesk.v1.GetBotRequest,
              com.relaydesk.v1.GetBotResponse>(
                service, METHODID_GET_BOT)))
        .addMethod(
          getListBotsMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              com.relaydesk.v1.ListBotsRequest,
              com.relaydesk.v1.ListBotsResponse>(
                service, METHODID_LIST_BOTS)))
        .addMethod(
          getUpdateBotMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              com.relaydesk.v1.UpdateBotRequest,
              com.relaydesk.v1.UpdateBotResponse>(
                service, METHODID_UPDATE_BOT)))
        .addMethod(
          getDeleteBotMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              com.relaydesk.v1.DeleteBotRequest,
              com.relaydesk.v1.DeleteBotResponse>(
                service, METHODID_DELETE_BOT)))
        .addMethod(
          getGetExecutionMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              com.relaydesk.v1.GetExecutionRequest,
              com.relaydesk.v1.GetExecutionResponse>(
                service, METHODID_GET_EXECUTION)))
        .addMethod(
          getListExecutionsMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              com.relaydesk.v1.ListExecutionsRequest,
              com.relaydesk.v1.ListExecutionsResponse>(
                service, METHODID_LIST_EXECUTIONS)))
        .addMethod(
          getEndExecutionMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              com.relaydesk.v1.EndExecutionRequest,
              com.relaydesk.v1.EndExecutionResponse>(
                service, METHODID_END_EXECUTION)))
        .build();
  }

  private static abstract class BotServiceBaseDescriptorSupplier
      implements io.grpc.protobuf.ProtoFileDescriptorSupplier, io.grpc.protobuf.ProtoServiceDescriptorSupplier {
    BotServiceBaseDescriptorSupplier() {}

    @java.lang.Override
    public com.google.protobuf.Descriptors.FileDescriptor getFileDescriptor() {
      return com.relaydesk.v1.BotServiceProto.getDescriptor();
    }

    @java.lang.Override
    public com.google.protobuf.Descriptors.ServiceDescriptor getServiceDescriptor() {
      return getFileDescriptor().findServiceByName("BotService");
    }
  }

  private static final class BotServiceFileDescriptorSupplier
      extends BotServiceBaseDescriptorSupplier {
    BotServiceFileDescriptorSupplier() {}
  }

  private static final class BotServiceMethodDescriptorSupplier
      extends BotServiceBaseDescriptorSupplier
      implements io.grpc.protobuf.ProtoMethodDescriptorSupplier {
    private final java.lang.String methodName;

    BotServiceMethodDescriptorSupplier(java.lang.String methodName) {
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
      synchronized (BotServiceGrpc.class) {
        result = serviceDescriptor;
        if (result == null) {
          serviceDescriptor = result = io.grpc.ServiceDescriptor.newBuilder(SERVICE_NAME)
              .setSchemaDescriptor(new BotServiceFileDescriptorSupplier())
              .addMethod(getCreateBotMethod())
              .addMethod(getGetBotMethod())
              .addMethod(getListBotsMethod())
              .addMethod(getUpdateBotMethod())
              .addMethod(getDeleteBotMethod())
              .addMethod(getGetExecutionMethod())
              .addMethod(getListExecutionsMethod())
              .addMethod(getEndExecutionMethod())
              .build();
        }
      }
    }
    return result;
  }
}
