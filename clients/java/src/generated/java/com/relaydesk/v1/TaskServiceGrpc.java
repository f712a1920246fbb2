package com.relaydesk.v1;

import static io.grpc.MethodDescriptor.generateFullMethodName;

/**
 * <pre>
 * Manages tasks and their reservations: creating work, offering it to
 * workers, and carrying it to completion.
 * </pre>
 */
@io.grpc.stub.annotations.GrpcGenerated
public final class TaskServiceGrpc {

  private TaskServiceGrpc() {}

  public static final java.lang.String SERVICE_NAME = "relaydesk.v1.TaskService";

  // Static method descriptors that strictly reflect the proto.
  private static volatile io.grpc.MethodDescriptor<com.relaydesk.v1.CreateTaskRequest,
      com.relaydesk.v1.CreateTaskResponse> getCreateTaskMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "CreateTask",
      requestType = com.relaydesk.v1.CreateTaskRequest.class,
      responseType = com.relaydesk.v1.CreateTaskResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<com.relaydesk.v1.CreateTaskRequest,
      com.relaydesk.v1.CreateTaskResponse> getCreateTaskMethod() {
    io.grpc.MethodDescriptor<com.relaydesk.v1.CreateTaskRequest, com.relaydesk.v1.CreateTaskResponse> getCreateTaskMethod;
    if ((getCreateTaskMethod = TaskServiceGrpc.getCreateTaskMethod) == null) {
      synchronized (TaskServiceGrpc.class) {
        if ((getCreateTaskMethod = TaskServiceGrpc.getCreateTaskMethod) == null) {
          TaskServiceGrpc.getCreateTaskMethod = getCreateTaskMethod =
              io.grpc.MethodDescriptor.<com.relaydesk.v1.CreateTaskRequest, com.relaydesk.v1.CreateTaskResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "CreateTask"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.relaydesk.v1.CreateTaskRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.relaydesk.v1.CreateTaskResponse.getDefaultInstance()))
              .setSchemaDescriptor(new TaskServiceMethodDescriptorSupplier("CreateTask"))
              .build();
        }
      }
    }
    return getCreateTaskMethod;
  }

  private static volatile io.grpc.MethodDescriptor<com.relaydesk.v1.GetTaskRequest,
      com.relaydesk.v1.GetTaskResponse> getGetTaskMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "GetTask",
      requestType = com.relaydesk.v1.GetTaskRequest.class,
      responseType = com.relaydesk.v1.GetTaskResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<com.relaydesk.v1.GetTaskRequest,
      com.relaydesk.v1.GetTaskResponse> getGetTaskMethod() {
    io.grpc.MethodDescriptor<com.relaydesk.v1.GetTaskRequest, com.relaydesk.v1.GetTaskResponse> getGetTaskMethod;
    if ((getGetTaskMethod = TaskServiceGrpc.getGetTaskMethod) == null) {
      synchronized (TaskServiceGrpc.class) {
        if ((getGetTaskMethod = TaskServiceGrpc.getGetTaskMethod) == null) {
          TaskServiceGrpc.getGetTaskMethod = getGetTaskMethod =
              io.grpc.MethodDescriptor.<com.relaydesk.v1.GetTaskRequest, com.relaydesk.v1.GetTaskResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "GetTask"))
              .setSafe(true)
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.relaydesk.v1.GetTaskRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.relaydesk.v1.GetTaskResponse.getDefaultInstance()))
              .setSchemaDescriptor(new TaskServiceMethodDescriptorSupplier("GetTask"))
              .build();
        }
      }
    }
    return getGetTaskMethod;
  }

  private static volatile io.grpc.MethodDescriptor<com.relaydesk.v1.ListTasksRequest,
      com.relaydesk.v1.ListTasksResponse> getListTasksMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "ListTasks",
      requestType = com.relaydesk.v1.ListTasksRequest.class,
      responseType = com.relaydesk.v1.ListTasksResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<com.relaydesk.v1.ListTasksRequest,
      com.relaydesk.v1.ListTasksResponse> getListTasksMethod() {
    io.grpc.MethodDescriptor<com.relaydesk.v1.ListTasksRequest, com.relaydesk.v1.ListTasksResponse> getListTasksMethod;
    if ((getListTasksMethod = TaskServiceGrpc.getListTasksMethod) == null) {
      synchronized (TaskServiceGrpc.class) {
        if ((getListTasksMethod = TaskServiceGrpc.getListTasksMethod) == null) {
          TaskServiceGrpc.getListTasksMethod = getListTasksMethod =
              io.grpc.MethodDescriptor.<com.relaydesk.v1.ListTasksRequest, com.relaydesk.v1.ListTasksResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "ListTasks"))
              .setSafe(true)
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.relaydesk.v1.ListTasksRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.relaydesk.v1.ListTasksResponse.getDefaultInstance()))
              .setSchemaDescriptor(new TaskServiceMethodDescriptorSupplier("ListTasks"))
              .build();
        }
      }
    }
    return getListTasksMethod;
  }

  private static volatile io.grpc.MethodDescriptor<com.relaydesk.v1.UpdateTaskRequest,
      com.relaydesk.v1.UpdateTaskResponse> getUpdateTaskMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "UpdateTask",
      requestType = com.relaydesk.v1.UpdateTaskRequest.class,
      responseType = com.relaydesk.v1.UpdateTaskResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<com.relaydesk.v1.UpdateTaskRequest,
      com.relaydesk.v1.UpdateTaskResponse> getUpdateTaskMethod() {
    io.grpc.MethodDescriptor<com.relaydesk.v1.UpdateTaskRequest, com.relaydesk.v1.UpdateTaskResponse> getUpdateTaskMethod;
    if ((getUpdateTaskMethod = TaskServiceGrpc.getUpdateTaskMethod) == null) {
      synchronized (TaskServiceGrpc.class) {
        if ((getUpdateTaskMethod = TaskServiceGrpc.getUpdateTaskMethod) == null) {
          TaskServiceGrpc.getUpdateTaskMethod = getUpdateTaskMethod =
              io.grpc.MethodDescriptor.<com.relaydesk.v1.UpdateTaskRequest, com.relaydesk.v1.UpdateTaskResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "UpdateTask"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.relaydesk.v1.UpdateTaskRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.relaydesk.v1.UpdateTaskResponse.getDefaultInstance()))
              .setSchemaDescriptor(new TaskServiceMethodDescriptorSupplier("UpdateTask"))
              .build();
        }
      }
    }
    return getUpdateTaskMethod;
  }

  private static volatile io.grpc.MethodDescriptor<com.relaydesk.v1.CancelTaskRequest,
      com.relaydesk.v1.CancelTaskResponse> getCancelTaskMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "CancelTask",
      requestType = com.relaydesk.v1.CancelTaskRequest.class,
      responseType = com.relaydesk.v1.CancelTaskResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<com.relaydesk.v1.CancelTaskRequest,
      com.relaydesk.v1.CancelTaskResponse> getCancelTaskMethod() {
    io.grpc.MethodDescriptor<com.relaydesk.v1.CancelTaskRequest, com.relaydesk.v1.CancelTaskResponse> getCancelTaskMethod;
    if ((getCancelTaskMethod = TaskServiceGrpc.getCancelTaskMethod) == null) {
      synchronized (TaskServiceGrpc.class) {
        if ((getCancelTaskMethod = TaskServiceGrpc.getCancelTaskMethod) == null) {
          TaskServiceGrpc.getCancelTaskMethod = getCancelTaskMethod =
              io.grpc.MethodDescriptor.<com.relaydesk.v1.CancelTaskRequest, com.relaydesk.v1.CancelTaskResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "CancelTask"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.relaydesk.v1.CancelTaskRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.relaydesk.v1.CancelTaskResponse.getDefaultInstance()))
              .setSchemaDescriptor(new TaskServiceMethodDescriptorSupplier("CancelTask"))
              .build();
        }
      }
    }
    return getCancelTaskMethod;
  }

  private static volatile io.grpc.MethodDescriptor<com.relaydesk.v1.WrapUpTaskRequest,
      com.relaydesk.v1.WrapUpTaskResponse> getWrapUpTaskMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "WrapUpTask",
      requestType = com.relaydesk.v1.WrapUpTaskRequest.class,
      responseType = com.relaydesk.v1.WrapUpTaskResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<com.relaydesk.v1.WrapUpTaskRequest,
      com.relaydesk.v1.WrapUpTaskResponse> getWrapUpTaskMethod() {
    io.grpc.MethodDescriptor<com.relaydesk.v1.WrapUpTaskRequest, com.relaydesk.v1.WrapUpTaskResponse> getWrapUpTaskMethod;
    if ((getWrapUpTaskMethod = TaskServiceGrpc.getWrapUpTaskMethod) == null) {
      synchronized (TaskServiceGrpc.class) {
        if ((getWrapUpTaskMethod = TaskServiceGrpc.getWrapUpTaskMethod) == null) {
          TaskServiceGrpc.getWrapUpTaskMethod = getWrapUpTaskMethod =
              io.grpc.MethodDescriptor.<com.relaydesk.v1.WrapUpTaskRequest, com.relaydesk.v1.WrapUpTaskResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "WrapUpTask"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.relaydesk.v1.WrapUpTaskRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.relaydesk.v1.WrapUpTaskResponse.getDefaultInstance()))
              .setSchemaDescriptor(new TaskServiceMethodDescriptorSupplier("WrapUpTask"))
              .build();
        }
      }
    }
    return getWrapUpTaskMethod;
  }

  private static volatile io.grpc.MethodDescriptor<com.relaydesk.v1.CompleteTaskRequest,
      com.relaydesk.v1.CompleteTaskResponse> getCompleteTaskMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "CompleteTask",
      requestType = com.relaydesk.v1.CompleteTaskRequest.class,
      responseType = com.relaydesk.v1.CompleteTaskResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<com.relaydesk.v1.CompleteTaskRequest,
      com.relaydesk.v1.CompleteTaskResponse> getCompleteTaskMethod() {
    io.grpc.MethodDescriptor<com.relaydesk.v1.CompleteTaskRequest, com.relaydesk.v1.CompleteTaskResponse> getCompleteTaskMethod;
    if ((getCompleteTaskMethod = TaskServiceGrpc.getCompleteTaskMethod) == null) {
      synchronized (TaskServiceGrpc.class) {
        if ((getCompleteTaskMethod = TaskServiceGrpc.getCompleteTaskMethod) == null) {
          TaskServiceGrpc.getCompleteTaskMethod = getCompleteTaskMethod =
              io.grpc.MethodDescriptor.<com.relaydesk.v1.CompleteTaskRequest, com.relaydesk.v1.CompleteTaskResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "CompleteTask"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.relaydesk.v1.CompleteTaskRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.relaydesk.v1.CompleteTaskResponse.getDefaultInstance()))
              .setSchemaDescriptor(new TaskServiceMethodDescriptorSupplier("CompleteTask"))
              .build();
        }
      }
    }
    return getCompleteTaskMethod;
  }

  private static volatile io.grpc.MethodDescriptor<com.relaydesk.v1.TransferTaskRequest,
      com.relaydesk.v1.TransferTaskResponse> getTransferTaskMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "TransferTask",
      requestType = com.relaydesk.v1.TransferTaskRequest.class,
      responseType = com.relaydesk.v1.TransferTaskResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<com.relaydesk.v1.TransferTaskRequest,
      com.relaydesk.v1.TransferTaskResponse> getTransferTaskMethod() {
    io.grpc.MethodDescriptor<com.relaydesk.v1.TransferTaskRequest, com.relaydesk.v1.TransferTaskResponse> getTransferTaskMethod;
    if ((getTransferTaskMethod = TaskServiceGrpc.getTransferTaskMethod) == null) {
      synchronized (TaskServiceGrpc.class) {
        if ((getTransferTaskMethod = TaskServiceGrpc.getTransferTaskMethod) == null) {
          TaskServiceGrpc.getTransferTaskMethod = getTransferTaskMethod =
              io.grpc.MethodDescriptor.<com.relaydesk.v1.TransferTaskRequest, com.relaydesk.v1.TransferTaskResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "TransferTask"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.relaydesk.v1.TransferTaskRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.relaydesk.v1.TransferTaskResponse.getDefaultInstance()))
              .setSchemaDescriptor(new TaskServiceMethodDescriptorSupplier("TransferTask"))
              .build();
        }
      }
    }
    return getTransferTaskMethod;
  }

  private static volatile io.grpc.MethodDescriptor<com.relaydesk.v1.ListReservationsRequest,
      com.relaydesk.v1.ListReservationsResponse> getListReservationsMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "ListReservations",
      requestType = com.relaydesk.v1.ListReservationsRequest.class,
      responseType = com.relaydesk.v1.ListReservationsResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<com.relaydesk.v1.ListReservationsRequest,
      com.relaydesk.v1.ListReservationsResponse> getListReservationsMethod() {
    io.grpc.MethodDescriptor<com.relaydesk.v1.ListReservationsRequest, com.relaydesk.v1.ListReservationsResponse> getListReservationsMethod;
    if ((getListReservationsMethod = TaskServiceGrpc.getListReservationsMethod) == null) {
      synchronized (TaskServiceGrpc.class) {
        if ((getListReservationsMethod = TaskServiceGrpc.getListReservationsMethod) == null) {
          TaskServiceGrpc.getListReservationsMethod = getListReservationsMethod =
              io.grpc.MethodDescriptor.<com.relaydesk.v1.ListReservationsRequest, com.relaydesk.v1.ListReservationsResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "ListReservations"))
              .setSafe(true)
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.relaydesk.v1.ListReservationsRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.relaydesk.v1.ListReservationsResponse.getDefaultInstance()))
              .setSchemaDescriptor(new TaskServiceMethodDescriptorSupplier("ListReservations"))
              .build();
        }
      }
    }
    return getListReservationsMethod;
  }

  private static volatile io.grpc.MethodDescriptor<com.relaydesk.v1.AcceptReservationRequest,
      com.relaydesk.v1.AcceptReservationResponse> getAcceptReservationMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "AcceptReservation",
      requestType = com.relaydesk.v1.AcceptReservationRequest.class,
      responseType = com.relaydesk.v1.AcceptReservationResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<com.relaydesk.v1.AcceptReservationRequest,
      com.relaydesk.v1.AcceptReservationResponse> getAcceptReservationMethod() {
    io.grpc.MethodDescriptor<com.relaydesk.v1.AcceptReservationRequest, com.relaydesk.v1.AcceptReservationResponse> getAcceptReservationMethod;
    if ((getAcceptReservationMethod = TaskServiceGrpc.getAcceptReservationMethod) == null) {
      synchronized (TaskServiceGrpc.class) {
        if ((getAcceptReservationMethod = TaskServiceGrpc.getAcceptReservationMethod) == null) {
          TaskServiceGrpc.getAcceptReservationMethod = getAcceptReservationMethod =
              io.grpc.MethodDescriptor.<com.relaydesk.v1.AcceptReservationRequest, com.relaydesk.v1.AcceptReservationResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "AcceptReservation"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.relaydesk.v1.AcceptReservationRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.relaydesk.v1.AcceptReservationResponse.getDefaultInstance()))
              .setSchemaDescriptor(new TaskServiceMethodDescriptorSupplier("AcceptReservation"))
              .build();
        }
      }
    }
    return getAcceptReservationMethod;
  }

  private static volatile io.grpc.MethodDescriptor<com.relaydesk.v1.RejectReservationRequest,
      com.relaydesk.v1.RejectReservationResponse> getRejectReservationMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "RejectReservation",
      requestType = com.relaydesk.v1.RejectReservationRequest.class,
      responseType = com.relaydesk.v1.RejectReservationResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<com.relaydesk.v1.RejectReservationRequest,
      com.relaydesk.v1.RejectReservationResponse> getRejectReservationMethod() {
    io.grpc.MethodDescriptor<com.relaydesk.v1.RejectReservationRequest, com.relaydesk.v1.RejectReservationResponse> getRejectReservationMethod;
    if ((getRejectReservationMethod = TaskServiceGrpc.getRejectReservationMethod) == null) {
      synchronized (TaskServiceGrpc.class) {
        if ((getRejectReservationMethod = TaskServiceGrpc.getRejectReservationMethod) == null) {
          TaskServiceGrpc.getRejectReservationMethod = getRejectReservationMethod =
              io.grpc.MethodDescriptor.<com.relaydesk.v1.RejectReservationRequest, com.relaydesk.v1.RejectReservationResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "RejectReservation"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.relaydesk.v1.RejectReservationRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.relaydesk.v1.RejectReservationResponse.getDefaultInstance()))
              .setSchemaDescriptor(new TaskServiceMethodDescriptorSupplier("RejectReservation"))
              .build();
        }
      }
    }
    return getRejectReservationMethod;
  }

  /**
   * Creates a new async stub that supports all call types for the service
   */
  public static TaskServiceStub newStub(io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<TaskServiceStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<TaskServiceStub>() {
        @java.lang.Override
        public TaskServiceStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new TaskServiceStub(channel, callOptions);
        }
      };
    return TaskServiceStub.newStub(factory, channel);
  }

  /**
   * Creates a new blocking-style stub that supports all types of calls on the service
   */
  public static TaskServiceBlockingV2Stub newBlockingV2Stub(
      io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<TaskServiceBlockingV2Stub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<TaskServiceBlockingV2Stub>() {
        @java.lang.Override
        public TaskServiceBlockingV2Stub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new TaskServiceBlockingV2Stub(channel, callOptions);
        }
      };
    return TaskServiceBlockingV2Stub.newStub(factory, channel);
  }

  /**
   * Creates a new blocking-style stub that supports unary and streaming output calls on the service
   */
  public static TaskServiceBlockingStub newBlockingStub(
      io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<TaskServiceBlockingStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<TaskServiceBlockingStub>() {
        @java.lang.Override
        public TaskServiceBlockingStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new TaskServiceBlockingStub(channel, callOptions);
        }
      };
    return TaskServiceBlockingStub.newStub(factory, channel);
  }

  /**
   * Creates a new ListenableFuture-style stub that supports unary calls on the service
   */
  public static TaskServiceFutureStub newFutureStub(
      io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<TaskServiceFutureStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<TaskServiceFutureStub>() {
        @java.lang.Override
        public TaskServiceFutureStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new TaskServiceFutureStub(channel, callOptions);
        }
      };
    return TaskServiceFutureStub.newStub(factory, channel);
  }

  /**
   * <pre>
   * Manages tasks and their reservations: creating work, offering it to
   * workers, and carrying it to completion.
   * </pre>
   */
  public interface AsyncService {

    /**
     * <pre>
     * Creates a task, PENDING, and starts routing it through its workflow.
     * Errors: INVALID_ARGUMENT (empty workflow, attributes over 64 KiB, a timeout
     * outside 1 s to 14 days), FAILED_PRECONDITION (the workflow or the channel
     * does not exist).
     * </pre>
     */
    default void createTask(com.relaydesk.v1.CreateTaskRequest request,
        io.grpc.stub.StreamObserver<com.relaydesk.v1.CreateTaskResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getCreateTaskMethod(), responseObserver);
    }

    /**
     * <pre>
     * Returns one task. An agent may read only tasks reserved for or assigned to
     * it.
     * Errors: INVALID_ARGUMENT (empty or malformed name), NOT_FOUND,
     * PERMISSION_DENIED (an agent asking for another's task, or a customer).
     * </pre>
     */
    default void getTask(com.relaydesk.v1.GetTaskRequest request,
        io.grpc.stub.StreamObserver<com.relaydesk.v1.GetTaskResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getGetTaskMethod(), responseObserver);
    }

    /**
     * <pre>
     * Lists tasks, oldest first. An agent sees only tasks reserved for or
     * assigned to it.
     * Errors: INVALID_ARGUMENT (negative page size, bad page token, a malformed
     * filter), PERMISSION_DENIED (a customer).
     * </pre>
     */
    default void listTasks(com.relaydesk.v1.ListTasksRequest request,
        io.grpc.stub.StreamObserver<com.relaydesk.v1.ListTasksResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getListTasksMethod(), responseObserver);
    }

    /**
     * <pre>
     * Updates a task's `attributes` and `priority`, the only updatable fields.
     * A new priority applies to the task's next offer.
     * Errors: INVALID_ARGUMENT (a field is malformed, or the mask names another
     * field), NOT_FOUND, ABORTED (stale etag), FAILED_PRECONDITION (the task is
     * COMPLETED or CANCELED; names the current state).
     * </pre>
     */
    default void updateTask(com.relaydesk.v1.UpdateTaskRequest request,
        io.grpc.stub.StreamObserver<com.relaydesk.v1.UpdateTaskResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getUpdateTaskMethod(), responseObserver);
    }

    /**
     * <pre>
     * Cancels a PENDING or RESERVED task with an optional reason; its PENDING
     * reservations are CANCELED, and its conversation ends as the flow's janitor
     * says.
     * Errors: INVALID_ARGUMENT, NOT_FOUND, FAILED_PRECONDITION (the task is
     * ASSIGNED, WRAPPING, COMPLETED or CANCELED; names the current state).
     * </pre>
     */
    default void cancelTask(com.relaydesk.v1.CancelTaskRequest request,
        io.grpc.stub.StreamObserver<com.relaydesk.v1.CancelTaskResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getCancelTaskMethod(), responseObserver);
    }

    /**
     * <pre>
     * Moves an ASSIGNED task to WRAPPING: the conversation is over and the
     * worker wraps up, still using the capacity. An agent may wrap up only its
     * own tasks.
     * Errors: INVALID_ARGUMENT, NOT_FOUND, FAILED_PRECONDITION (the task is not
     * ASSIGNED; names the current state), PERMISSION_DENIED (an agent acting on
     * another's task).
     * </pre>
     */
    default void wrapUpTask(com.relaydesk.v1.WrapUpTaskRequest request,
        io.grpc.stub.StreamObserver<com.relaydesk.v1.WrapUpTaskResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getWrapUpTaskMethod(), responseObserver);
    }

    /**
     * <pre>
     * Completes an ASSIGNED or WRAPPING task with an optional reason: the
     * worker's capacity is freed, and its conversation ends as the flow's
     * janitor says. An agent may complete only its own tasks.
     * Errors: INVALID_ARGUMENT, NOT_FOUND, FAILED_PRECONDITION (the task is not
     * ASSIGNED or WRAPPING; names the current state), PERMISSION_DENIED (an
     * agent acting on another's task).
     * </pre>
     */
    default void completeTask(com.relaydesk.v1.CompleteTaskRequest request,
        io.grpc.stub.StreamObserver<com.relaydesk.v1.CompleteTaskResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getCompleteTaskMethod(), responseObserver);
    }

    /**
     * <pre>
     * Transfers an ASSIGNED task to a queue, or to one worker by identity. The
     * task is offered there as routing would, and stays ASSIGNED to its current
     * worker until someone accepts; then the task moves to the new worker (and
     * queue), and the previous worker's reservation is COMPLETED. A rejected or
     * timed-out transfer offer leaves the task with its current worker.
     * Errors: INVALID_ARGUMENT (no target, or the target is the current worker),
     * NOT_FOUND, FAILED_PRECONDITION (the task is not ASSIGNED, names the
     * current state; or the target queue or worker does not exist),
     * PERMISSION_DENIED (an agent acting on another's task).
     * </pre>
     */
    default void transferTask(com.relaydesk.v1.TransferTaskRequest request,
        io.grpc.stub.StreamObserver<com.relaydesk.v1.TransferTaskResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getTransferTaskMethod(), responseObserver);
    }

    /**
     * <pre>
     * Lists reservations, oldest first, of one task or of every task. An agent
     * sees only its own.
     * Errors: INVALID_ARGUMENT (negative page size, bad page token, a malformed
     * parent or filter), NOT_FOUND (the parent task), PERMISSION_DENIED (a
     * customer).
     * </pre>
     */
    default void listReservations(com.relaydesk.v1.ListReservationsRequest request,
        io.grpc.stub.StreamObserver<com.relaydesk.v1.ListReservationsResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getListReservationsMethod(), responseObserver);
    }

    /**
     * <pre>
     * Accepts a PENDING reservation: it becomes ACCEPTED, the task ASSIGNED to
     * the worker, the worker joins the task's channel, and the task's other
     * PENDING reservations are RESCINDED. An agent may accept only its own.
     * Errors: INVALID_ARGUMENT, NOT_FOUND, FAILED_PRECONDITION (the reservation
     * is not PENDING, e.g. TIMEOUT or RESCINDED; names the current state),
     * PERMISSION_DENIED (an agent acting on another's reservation).
     * </pre>
     */
    default void acceptReservation(com.relaydesk.v1.AcceptReservationRequest request,
        io.grpc.stub.StreamObserver<com.relaydesk.v1.AcceptReservationResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getAcceptReservationMethod(), responseObserver);
    }

    /**
     * <pre>
     * Rejects a PENDING reservation: it becomes REJECTED, the worker is not
     * offered this task again, and the task returns to PENDING (unless other
     * offers are still pending) to be routed again. An agent may reject only its
     * own.
     * Errors: INVALID_ARGUMENT, NOT_FOUND, FAILED_PRECONDITION (the reservation
     * is not PENDING; names the current state), PERMISSION_DENIED (an agent
     * acting on another's reservation).
     * </pre>
     */
    default void rejectReservation(com.relaydesk.v1.RejectReservationRequest request,
        io.grpc.stub.StreamObserver<com.relaydesk.v1.RejectReservationResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getRejectReservationMethod(), responseObserver);
    }
  }

  /**
   * Base class for the server implementation of the service TaskService.
   * <pre>
   * Manages tasks and their reservations: creating work, offering it to
   * workers, and carrying it to completion.
   * </pre>
   */
  public static abstract class TaskServiceImplBase
      implements io.grpc.BindableService, AsyncService {

    @java.lang.Override public final io.grpc.ServerServiceDefinition bindService() {
      return TaskServiceGrpc.bindService(this);
    }
  }

  /**
   * A stub to allow clients to do asynchronous rpc calls to service TaskService.
   * <pre>
   * Manages tasks and their reservations: creating work, offering it to
   * workers, and carrying it to completion.
   * </pre>
   */
  public static final class TaskServiceStub
      extends io.grpc.stub.AbstractAsyncStub<TaskServiceStub> {
    private TaskServiceStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected TaskServiceStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new TaskServiceStub(channel, callOptions);
    }

    /**
     * <pre>
     * Creates a task, PENDING, and starts routing it through its workflow.
     * Errors: INVALID_ARGUMENT (empty workflow, attributes over 64 KiB, a timeout
     * outside 1 s to 14 days), FAILED_PRECONDITION (the workflow or the channel
     * does not exist).
     * </pre>
     */
    public void createTask(com.relaydesk.v1.CreateTaskRequest request,
        io.grpc.stub.StreamObserver<com.relaydesk.v1.CreateTaskResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getCreateTaskMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Returns one task. An agent may read only tasks reserved for or assigned to
     * it.
     * Errors: INVALID_ARGUMENT (empty or malformed name), NOT_FOUND,
     * PERMISSION_DENIED (an agent asking for another's task, or a customer).
     * </pre>
     */
    public void getTask(com.relaydesk.v1.GetTaskRequest request,
        io.grpc.stub.StreamObserver<com.relaydesk.v1.GetTaskResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getGetTaskMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Lists tasks, oldest first. An agent sees only tasks reserved for or
     * assigned to it.
     * Errors: INVALID_ARGUMENT (negative page size, bad page token, a malformed
     * filter), PERMISSION_DENIED (a customer).
     * </pre>
     */
    public void listTasks(com.relaydesk.v1.ListTasksRequest request,
        io.grpc.stub.StreamObserver<com.relaydesk.v1.ListTasksResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getListTasksMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Updates a task's `attributes` and `priority`, the only updatable fields.
     * A new priority applies to the task's next offer.
     * Errors: INVALID_ARGUMENT (a field is malformed, or the mask names another
     * field), NOT_FOUND, ABORTED (stale etag), FAILED_PRECONDITION (the task is
     * COMPLETED or CANCELED; names the current state).
     * </pre>
     */
    public void updateTask(com.relaydesk.v1.UpdateTaskRequest request,
        io.grpc.stub.StreamObserver<com.relaydesk.v1.UpdateTaskResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getUpdateTaskMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Cancels a PENDING or RESERVED task with an optional reason; its PENDING
     * reservations are CANCELED, and its conversation ends as the flow's janitor
     * says.
     * Errors: INVALID_ARGUMENT, NOT_FOUND, FAILED_PRECONDITION (the task is
     * ASSIGNED, WRAPPING, COMPLETED or CANCELED; names the current state).
     * </pre>
     */
    public void cancelTask(com.relaydesk.v1.CancelTaskRequest request,
        io.grpc.stub.StreamObserver<com.relaydesk.v1.CancelTaskResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getCancelTaskMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Moves an ASSIGNED task to WRAPPING: the conversation is over and the
     * worker wraps up, still using the capacity. An agent may wrap up only its
     * own tasks.
     * Errors: INVALID_ARGUMENT, NOT_FOUND, FAILED_PRECONDITION (the task is not
     * ASSIGNED; names the current state), PERMISSION_DENIED (an agent acting on
     * another's task).
     * </pre>
     */
    public void wrapUpTask(com.relaydesk.v1.WrapUpTaskRequest request,
        io.grpc.stub.StreamObserver<com.relaydesk.v1.WrapUpTaskResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getWrapUpTaskMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Completes an ASSIGNED or WRAPPING task with an optional reason: the
     * worker's capacity is freed, and its conversation ends as the flow's
     * janitor says. An agent may complete only its own tasks.
     * Errors: INVALID_ARGUMENT, NOT_FOUND, FAILED_PRECONDITION (the task is not
     * ASSIGNED or WRAPPING; names the current state), PERMISSION_DENIED (an
     * agent acting on another's task).
     * </pre>
     */
    public void completeTask(com.relaydesk.v1.CompleteTaskRequest request,
        io.grpc.stub.StreamObserver<com.relaydesk.v1.CompleteTaskResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getCompleteTaskMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Transfers an ASSIGNED task to a queue, or to one worker by identity. The
     * task is offered there as routing would, and stays ASSIGNED to its current
     * worker until someone accepts; then the task moves to the new worker (and
     * queue), and the previous worker's reservation is COMPLETED. A rejected or
     * timed-out transfer offer leaves the task with its current worker.
     * Errors: INVALID_ARGUMENT (no target, or the target is the current worker),
     * NOT_FOUND, FAILED_PRECONDITION (the task is not ASSIGNED, names the
     * current state; or the target queue or worker does not exist),
     * PERMISSION_DENIED (an agent acting on another's task).
     * </pre>
     */
    public void transferTask(com.relaydesk.v1.TransferTaskRequest request,
        io.grpc.stub.StreamObserver<com.relaydesk.v1.TransferTaskResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getTransferTaskMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Lists reservations, oldest first, of one task or of every task. An agent
     * sees only its own.
     * Errors: INVALID_ARGUMENT (negative page size, bad page token, a malformed
     * parent or filter), NOT_FOUND (the parent task), PERMISSION_DENIED (a
     * customer).
     * </pre>
     */
    public void listReservations(com.relaydesk.v1.ListReservationsRequest request,
        io.grpc.stub.StreamObserver<com.relaydesk.v1.ListReservationsResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getListReservationsMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Accepts a PENDING reservation: it becomes ACCEPTED, the task ASSIGNED to
     * the worker, the worker joins the task's channel, and the task's other
     * PENDING reservations are RESCINDED. An agent may accept only its own.
     * Errors: INVALID_ARGUMENT, NOT_FOUND, FAILED_PRECONDITION (the reservation
     * is not PENDING, e.g. TIMEOUT or RESCINDED; names the current state),
     * PERMISSION_DENIED (an agent acting on another's reservation).
     * </pre>
     */
    public void acceptReservation(com.relaydesk.v1.AcceptReservationRequest request,
        io.grpc.stub.StreamObserver<com.relaydesk.v1.AcceptReservationResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getAcceptReservationMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Rejects a PENDING reservation: it becomes REJECTED, the worker is not
     * offered this task again, and the task returns to PENDING (unless other
     * offers are still pending) to be routed again. An agent may reject only its
     * own.
     * Errors: INVALID_ARGUMENT, NOT_FOUND, FAILED_PRECONDITION (the reservation
     * is not PENDING; names the current state), PERMISSION_DENIED (an agent
     * acting on another's reservation).
     * </pre>
     */
    public void rejectReservation(com.relaydesk.v1.RejectReservationRequest request,
        io.grpc.stub.StreamObserver<com.relaydesk.v1.RejectReservationResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getRejectReservationMethod(), getCallOptions()), request, responseObserver);
    }
  }

  /**
   * A stub to allow clients to do synchronous rpc calls to service TaskService.
   * <pre>
   * Manages tasks and their reservations: creating work, offering it to
   * workers, and carrying it to completion.
   * </pre>
   */
  public static final class TaskServiceBlockingV2Stub
      extends io.grpc.stub.AbstractBlockingStub<TaskServiceBlockingV2Stub> {
    private TaskServiceBlockingV2Stub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected TaskServiceBlockingV2Stub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new TaskServiceBlockingV2Stub(channel, callOptions);
    }

    /**
     * <pre>
     * Creates a task, PENDING, and starts routing it through its workflow.
     * Errors: INVALID_ARGUMENT (empty workflow, attributes over 64 KiB, a timeout
     * outside 1 s to 14 days), FAILED_PRECONDITION (the workflow or the channel
     * does not exist).
     * </pre>
     */
    public com.relaydesk.v1.CreateTaskResponse createTask(com.relaydesk.v1.CreateTaskRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getCreateTaskMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Returns one task. An agent may read only tasks reserved for or assigned to
     * it.
     * Errors: INVALID_ARGUMENT (empty or malformed name), NOT_FOUND,
     * PERMISSION_DENIED (an agent asking for another's task, or a customer).
     * </pre>
     */
    public com.relaydesk.v1.GetTaskResponse getTask(com.relaydesk.v1.GetTaskRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getGetTaskMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Lists tasks, oldest first. An agent sees only tasks reserved for or
     * assigned to it.
     * Errors: INVALID_ARGUMENT (negative page size, bad page token, a malformed
     * filter), PERMISSION_DENIED (a customer).
     * </pre>
     */
    public com.relaydesk.v1.ListTasksResponse listTasks(com.relaydesk.v1.ListTasksRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getListTasksMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Updates a task's `attributes` and `priority`, the only updatable fields.
     * A new priority applies to the task's next offer.
     * Errors: INVALID_ARGUMENT (a field is malformed, or the mask names another
     * field), NOT_FOUND, ABORTED (stale etag), FAILED_PRECONDITION (the task is
     * COMPLETED or CANCELED; names the current state).
     * </pre>
     */
    public com.relaydesk.v1.UpdateTaskResponse updateTask(com.relaydesk.v1.UpdateTaskRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getUpdateTaskMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Cancels a PENDING or RESERVED task with an optional reason; its PENDING
     * reservations are CANCELED, and its conversation ends as the flow's janitor
     * says.
     * Errors: INVALID_ARGUMENT, NOT_FOUND, FAILED_PRECONDITION (the task is
     * ASSIGNED, WRAPPING, COMPLETED or CANCELED; names the current state).
     * </pre>
     */
    public com.relaydesk.v1.CancelTaskResponse cancelTask(com.relaydesk.v1.CancelTaskRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getCancelTaskMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Moves an ASSIGNED task to WRAPPING: the conversation is over and the
     * worker wraps up, still using the capacity. An agent may wrap up only its
     * own tasks.
     * Errors: INVALID_ARGUMENT, NOT_FOUND, FAILED_PRECONDITION (the task is not
     * ASSIGNED; names the current state), PERMISSION_DENIED (an agent acting on
     * another's task).
     * </pre>
     */
    public com.relaydesk.v1.WrapUpTaskResponse wrapUpTask(com.relaydesk.v1.WrapUpTaskRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getWrapUpTaskMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Completes an ASSIGNED or WRAPPING task with an optional reason: the
     * worker's capacity is freed, and its conversation ends as the flow's
     * janitor says. An agent may complete only its own tasks.
     * Errors: INVALID_ARGUMENT, NOT_FOUND, FAILED_PRECONDITION (the task is not
     * ASSIGNED or WRAPPING; names the current state), PERMISSION_DENIED (an
     * agent acting on another's task).
     * </pre>
     */
    public com.relaydesk.v1.CompleteTaskResponse completeTask(com.relaydesk.v1.CompleteTaskRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getCompleteTaskMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Transfers an ASSIGNED task to a queue, or to one worker by identity. The
     * task is offered there as routing would, and stays ASSIGNED to its current
     * worker until someone accepts; then the task moves to the new worker (and
     * queue), and the previous worker's reservation is COMPLETED. A rejected or
     * timed-out transfer offer leaves the task with its current worker.
     * Errors: INVALID_ARGUMENT (no target, or the target is the current worker),
     * NOT_FOUND, FAILED_PRECONDITION (the task is not ASSIGNED, names the
     * current state; or the target queue or worker does not exist),
     * PERMISSION_DENIED (an agent acting on another's task).
     * </pre>
     */
    public com.relaydesk.v1.TransferTaskResponse transferTask(com.relaydesk.v1.TransferTaskRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getTransferTaskMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Lists reservations, oldest first, of one task or of every task. An agent
     * sees only its own.
     * Errors: INVALID_ARGUMENT (negative page size, bad page token, a malformed
     * parent or filter), NOT_FOUND (the parent task), PERMISSION_DENIED (a
     * customer).
     * </pre>
     */
    public com.relaydesk.v1.ListReservationsResponse listReservations(com.relaydesk.v1.ListReservationsRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getListReservationsMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Accepts a PENDING reservation: it becomes ACCEPTED, the task ASSIGNED to
     * the worker, the worker joins the task's channel, and the task's other
     * PENDING reservations are RESCINDED. An agent may accept only its own.
     * Errors: INVALID_ARGUMENT, NOT_FOUND, FAILED_PRECONDITION (the reservation
     * is not PENDING, e.g. TIMEOUT or RESCINDED; names the current state),
     * PERMISSION_DENIED (an agent acting on another's reservation).
     * </pre>
     */
    public com.relaydesk.v1.AcceptReservationResponse acceptReservation(com.relaydesk.v1.AcceptReservationRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getAcceptReservationMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Rejects a PENDING reservation: it becomes REJECTED, the worker is not
     * offered this task again, and the task returns to PENDING (unless other
     * offers are still pending) to be routed again. An agent may reject only its
     * own.
     * Errors: INVALID_ARGUMENT, NOT_FOUND, FAILED_PRECONDITION (the reservation
     * is not PENDING; names the current state), PERMISSION_DENIED (an agent
     * acting on another's reservation).
     * </pre>
     */
    public com.relaydesk.v1.RejectReservationResponse rejectReservation(com.relaydesk.v1.RejectReservationRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getRejectReservationMethod(), getCallOptions(), request);
    }
  }

  /**
   * A stub to allow clients to do limited synchronous rpc calls to service TaskService.
   * <pre>
   * Manages tasks and their reservations: creating work, offering it to
   * workers, and carrying it to completion.
   * </pre>
   */
  public static final class TaskServiceBlockingStub
      extends io.grpc.stub.AbstractBlockingStub<TaskServiceBlockingStub> {
    private TaskServiceBlockingStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected TaskServiceBlockingStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new TaskServiceBlockingStub(channel, callOptions);
    }

    /**
     * <pre>
     * Creates a task, PENDING, and starts routing it through its workflow.
     * Errors: INVALID_ARGUMENT (empty workflow, attributes over 64 KiB, a timeout
     * outside 1 s to 14 days), FAILED_PRECONDITION (the workflow or the channel
     * does not exist).
     * </pre>
     */
    public com.relaydesk.v1.CreateTaskResponse createTask(com.relaydesk.v1.CreateTaskRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getCreateTaskMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Returns one task. An agent may read only tasks reserved for or assigned to
     * it.
     * Errors: INVALID_ARGUMENT (empty or malformed name), NOT_FOUND,
     * PERMISSION_DENIED (an agent asking for another's task, or a customer).
     * </pre>
     */
    public com.relaydesk.v1.GetTaskResponse getTask(com.relaydesk.v1.GetTaskRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getGetTaskMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Lists tasks, oldest first. An agent sees only tasks reserved for or
     * assigned to it.
     * Errors: INVALID_ARGUMENT (negative page size, bad page token, a malformed
     * filter), PERMISSION_DENIED (a customer).
     * </pre>
     */
    public com.relaydesk.v1.ListTasksResponse listTasks(com.relaydesk.v1.ListTasksRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getListTasksMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Updates a task's `attributes` and `priority`, the only updatable fields.
     * A new priority applies to the task's next offer.
     * Errors: INVALID_ARGUMENT (a field is malformed, or the mask names another
     * field), NOT_FOUND, ABORTED (stale etag), FAILED_PRECONDITION (the task is
     * COMPLETED or CANCELED; names the current state).
     * </pre>
     */
    public com.relaydesk.v1.UpdateTaskResponse updateTask(com.relaydesk.v1.UpdateTaskRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getUpdateTaskMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Cancels a PENDING or RESERVED task with an optional reason; its PENDING
     * reservations are CANCELED, and its conversation ends as the flow's janitor
     * says.
     * Errors: INVALID_ARGUMENT, NOT_FOUND, FAILED_PRECONDITION (the task is
     * ASSIGNED, WRAPPING, COMPLETED or CANCELED; names the current state).
     * </pre>
     */
    public com.relaydesk.v1.CancelTaskResponse cancelTask(com.relaydesk.v1.CancelTaskRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getCancelTaskMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Moves an ASSIGNED task to WRAPPING: the conversation is over and the
     * worker wraps up, still using the capacity. An agent may wrap up only its
     * own tasks.
     * Errors: INVALID_ARGUMENT, NOT_FOUND, FAILED_PRECONDITION (the task is not
     * ASSIGNED; names the current state), PERMISSION_DENIED (an agent acting on
     * another's task).
     * </pre>
     */
    public com.relaydesk.v1.WrapUpTaskResponse wrapUpTask(com.relaydesk.v1.WrapUpTaskRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getWrapUpTaskMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Completes an ASSIGNED or WRAPPING task with an optional reason: the
     * worker's capacity is freed, and its conversation ends as the flow's
     * janitor says. An agent may complete only its own tasks.
     * Errors: INVALID_ARGUMENT, NOT_FOUND, FAILED_PRECONDITION (the task is not
     * ASSIGNED or WRAPPING; names the current state), PERMISSION_DENIED (an
     * agent acting on another's task).
     * </pre>
     */
    public com.relaydesk.v1.CompleteTaskResponse completeTask(com.relaydesk.v1.CompleteTaskRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getCompleteTaskMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Transfers an ASSIGNED task to a queue, or to one worker by identity. The
     * task is offered there as routing would, and stays ASSIGNED to its current
     * worker until someone accepts; then the task moves to the new worker (and
     * queue), and the previous worker's reservation is COMPLETED. A rejected or
     * timed-out transfer offer leaves the task with its current worker.
     * Errors: INVALID_ARGUMENT (no target, or the target is the current worker),
     * NOT_FOUND, FAILED_PRECONDITION (the task is not ASSIGNED, names the
     * current state; or the target queue or worker does not exist),
     * PERMISSION_DENIED (an agent acting on another's task).
     * </pre>
     */
    public com.relaydesk.v1.TransferTaskResponse transferTask(com.relaydesk.v1.TransferTaskRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getTransferTaskMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Lists reservations, oldest first, of one task or of every task. An agent
     * sees only its own.
     * Errors: INVALID_ARGUMENT (negative page size, bad page token, a malformed
     * parent or filter), NOT_FOUND (the parent task), PERMISSION_DENIED (a
     * customer).
     * </pre>
     */
    public com.relaydesk.v1.ListReservationsResponse listReservations(com.relaydesk.v1.ListReservationsRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getListReservationsMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Accepts a PENDING reservation: it becomes ACCEPTED, the task ASSIGNED to
     * the worker, the worker joins the task's channel, and the task's other
     * PENDING reservations are RESCINDED. An agent may accept only its own.
     * Errors: INVALID_ARGUMENT, NOT_FOUND, FAILED_PRECONDITION (the reservation
     * is not PENDING, e.g. TIMEOUT or RESCINDED; names the current state),
     * PERMISSION_DENIED (an agent acting on another's reservation).
     * </pre>
     */
    public com.relaydesk.v1.AcceptReservationResponse acceptReservation(com.relaydesk.v1.AcceptReservationRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getAcceptReservationMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Rejects a PENDING reservation: it becomes REJECTED, the worker is not
     * offered this task again, and the task returns to PENDING (unless other
     * offers are still pending) to be routed again. An agent may reject only its
     * own.
     * Errors: INVALID_ARGUMENT, NOT_FOUND, FAILED_PRECONDITION (the reservation
     * is not PENDING; names the current state), PERMISSION_DENIED (an agent
     * acting on another's reservation).
     * </pre>
     */
    public com.relaydesk.v1.RejectReservationResponse rejectReservation(com.relaydesk.v1.RejectReservationRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getRejectReservationMethod(), getCallOptions(), request);
    }
  }

  /**
   * A stub to allow clients to do ListenableFuture-style rpc calls to service TaskService.
   * <pre>
   * Manages tasks and their reservations: creating work, offering it to
   * workers, and carrying it to completion.
   * </pre>
   */
  public static final class TaskServiceFutureStub
      extends io.grpc.stub.AbstractFutureStub<TaskServiceFutureStub> {
    private TaskServiceFutureStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected TaskServiceFutureStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new TaskServiceFutureStub(channel, callOptions);
    }

    /**
     * <pre>
     * Creates a task, PENDING, and starts routing it through its workflow.
     * Errors: INVALID_ARGUMENT (empty workflow, attributes over 64 KiB, a timeout
     * outside 1 s to 14 days), FAILED_PRECONDITION (the workflow or the channel
     * does not exist).
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<com.relaydesk.v1.CreateTaskResponse> createTask(
        com.relaydesk.v1.CreateTaskRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getCreateTaskMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Returns one task. An agent may read only tasks reserved for or assigned to
     * it.
     * Errors: INVALID_ARGUMENT (empty or malformed name), NOT_FOUND,
     * PERMISSION_DENIED (an agent asking for another's task, or a customer).
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<com.relaydesk.v1.GetTaskResponse> getTask(
        com.relaydesk.v1.GetTaskRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getGetTaskMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Lists tasks, oldest first. An agent sees only tasks reserved for or
     * assigned to it.
     * Errors: INVALID_ARGUMENT (negative page size, bad page token, a malformed
     * filter), PERMISSION_DENIED (a customer).
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<com.relaydesk.v1.ListTasksResponse> listTasks(
        com.relaydesk.v1.ListTasksRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getListTasksMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Updates a task's `attributes` and `priority`, the only updatable fields.
     * A new priority applies to the task's next offer.
     * Errors: INVALID_ARGUMENT (a field is malformed, or the mask names another
     * field), NOT_FOUND, ABORTED (stale etag), FAILED_PRECONDITION (the task is
     * COMPLETED or CANCELED; names the current state).
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<com.relaydesk.v1.UpdateTaskResponse> updateTask(
        com.relaydesk.v1.UpdateTaskRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getUpdateTaskMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Cancels a PENDING or RESERVED task with an optional reason; its PENDING
     * reservations are CANCELED, and its conversation ends as the flow's janitor
     * says.
     * Errors: INVALID_ARGUMENT, NOT_FOUND, FAILED_PRECONDITION (the task is
     * ASSIGNED, WRAPPING, COMPLETED or CANCELED; names the current state).
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<com.relaydesk.v1.CancelTaskResponse> cancelTask(
        com.relaydesk.v1.CancelTaskRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getCancelTaskMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Moves an ASSIGNED task to WRAPPING: the conversation is over and the
     * worker wraps up, still using the capacity. An agent may wrap up only its
     * own tasks.
     * Errors: INVALID_ARGUMENT, NOT_FOUND, FAILED_PRECONDITION (the task is not
     * ASSIGNED; names the current state), PERMISSION_DENIED (an agent acting on
     * another's task).
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<com.relaydesk.v1.WrapUpTaskResponse> wrapUpTask(
        com.relaydesk.v1.WrapUpTaskRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getWrapUpTaskMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Completes an ASSIGNED or WRAPPING task with an optional reason: the
     * worker's capacity is freed, and its conversation ends as the flow's
     * janitor says. An agent may complete only its own tasks.
     * Errors: INVALID_ARGUMENT, NOT_FOUND, FAILED_PRECONDITION (the task is not
     * ASSIGNED or WRAPPING; names the current state), PERMISSION_DENIED (an
     * agent acting on another's task).
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<com.relaydesk.v1.CompleteTaskResponse> completeTask(
        com.relaydesk.v1.CompleteTaskRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getCompleteTaskMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Transfers an ASSIGNED task to a queue, or to one worker by identity. The
     * task is offered there as routing would, and stays ASSIGNED to its current
     * worker until someone accepts; then the task moves to the new worker (and
     * queue), and the previous worker's reservation is COMPLETED. A rejected or
     * timed-out transfer offer leaves the task with its current worker.
     * Errors: INVALID_ARGUMENT (no target, or the target is the current worker),
     * NOT_FOUND, FAILED_PRECONDITION (the task is not ASSIGNED, names the
     * current state; or the target queue or worker does not exist),
     * PERMISSION_DENIED (an agent acting on another's task).
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<com.relaydesk.v1.TransferTaskResponse> transferTask(
        com.relaydesk.v1.TransferTaskRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getTransferTaskMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Lists reservations, oldest first, of one task or of every task. An agent
     * sees only its own.
     * Errors: INVALID_ARGUMENT (negative page size, bad page token, a malformed
     * parent or filter), NOT_FOUND (the parent task), PERMISSION_DENIED (a
     * customer).
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<com.relaydesk.v1.ListReservationsResponse> listReservations(
        com.relaydesk.v1.ListReservationsRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getListReservationsMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Accepts a PENDING reservation: it becomes ACCEPTED, the task ASSIGNED to
     * the worker, the worker joins the task's channel, and the task's other
     * PENDING reservations are RESCINDED. An agent may accept only its own.
     * Errors: INVALID_ARGUMENT, NOT_FOUND, FAILED_PRECONDITION (the reservation
     * is not PENDING, e.g. TIMEOUT or RESCINDED; names the current state),
     * PERMISSION_DENIED (an agent acting on another's reservation).
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<com.relaydesk.v1.AcceptReservationResponse> acceptReservation(
        com.relaydesk.v1.AcceptReservationRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getAcceptReservationMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Rejects a PENDING reservation: it becomes REJECTED, the worker is not
     * offered this task again, and the task returns to PENDING (unless other
     * offers are still pending) to be routed again. An agent may reject only its
     * own.
     * Errors: INVALID_ARGUMENT, NOT_FOUND, FAILED_PRECONDITION (the reservation
     * is not PENDING; names the current state), PERMISSION_DENIED (an agent
     * acting on another's reservation).
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<com.relaydesk.v1.RejectReservationResponse> rejectReservation(
        com.relaydesk.v1.RejectReservationRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getRejectReservationMethod(), getCallOptions()), request);
    }
  }

  private static final int METHODID_CREATE_TASK = 0;
  private static final int METHODID_GET_TASK = 1;
  private static final int METHODID_LIST_TASKS = 2;
  private static final int METHODID_UPDATE_TASK = 3;
  private static final int METHODID_CANCEL_TASK = 4;
  private static final int METHODID_WRAP_UP_TASK = 5;
  private static final int METHODID_COMPLETE_TASK = 6;
  private static final int METHODID_TRANSFER_TASK = 7;
  private static final int METHODID_LIST_RESERVATIONS = 8;
  private static final int METHODID_ACCEPT_RESERVATION = 9;
  private static final int METHODID_REJECT_RESERVATION = 10;

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
        case METHODID_CREATE_TASK:
          serviceImpl.createTask((com.relaydesk.v1.CreateTaskRequest) request,
              (io.grpc.stub.StreamObserver<com.relaydesk.v1.CreateTaskResponse>) responseObserver);
          break;
        case METHODID_GET_TASK:
          serviceImpl.getTask((com.relaydesk.v1.GetTaskRequest) request,
              (io.grpc.stub.StreamObserver<com.relaydesk.v1.GetTaskResponse>) responseObserver);
          break;
        case METHODID_LIST_TASKS:
          serviceImpl.listTasks((com.relaydesk.v1.ListTasksRequest) request,
              (io.grpc.stub.StreamObserver<com.relaydesk.v1.ListTasksResponse>) responseObserver);
          break;
        case METHODID_UPDATE_TASK:
          serviceImpl.updateTask((com.relaydesk.v1.UpdateTaskRequest) request,
              (io.grpc.stub.StreamObserver<com.relaydesk.v1.UpdateTaskResponse>) responseObserver);
          break;
        case METHODID_CANCEL_TASK:
          serviceImpl.cancelTask((com.relaydesk.v1.CancelTaskRequest) request,
              (io.grpc.stub.StreamObserver<com.relaydesk.v1.CancelTaskResponse>) responseObserver);
          break;
        case METHODID_WRAP_UP_TASK:
          serviceImpl.wrapUpTask((com.relaydesk.v1.WrapUpTaskRequest) request,
              (io.grpc.stub.StreamObserver<com.relaydesk.v1.WrapUpTaskResponse>) responseObserver);
          break;
        case METHODID_COMPLETE_TASK:
          serviceImpl.completeTask((com.relaydesk.v1.CompleteTaskRequest) request,
              (io.grpc.stub.StreamObserver<com.relaydesk.v1.CompleteTaskResponse>) responseObserver);
          break;
        case METHODID_TRANSFER_TASK:
          serviceImpl.transferTask((com.relaydesk.v1.TransferTaskRequest) request,
              (io.grpc.stub.StreamObserver<com.relaydesk.v1.TransferTaskResponse>) responseObserver);
          break;
        case METHODID_LIST_RESERVATIONS:
          serviceImpl.listReservations((com.relaydesk.v1.ListReservationsRequest) request,
              (io.grpc.stub.StreamObserver<com.relaydesk.v1.ListReservationsResponse>) responseObserver);
          break;
        case METHODID_ACCEPT_RESERVATION:
          serviceImpl.acceptReservation((com.relaydesk.v1.AcceptReservationRequest) request,
              (io.grpc.stub.StreamObserver<com.relaydesk.v1.AcceptReservationResponse>) responseObserver);
          break;
        case METHODID_REJECT_RESERVATION:
          serviceImpl.rejectReservation((com.relaydesk.v1.RejectReservationRequest) request,
              (io.grpc.stub.StreamObserver<com.relaydesk.v1.RejectReservationResponse>) responseObserver);
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
          getCreateTaskMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              com.relaydesk.v1.CreateTaskRequest,
              com.relaydesk.v1.CreateTaskResponse>(
                service, METHODID_CREATE_TASK)))
        .addMethod(
          getGetTaskMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              com.relaydesk.v1.GetTaskRequest,
              com.relaydesk.v1.GetTaskResponse>(
                service, METHODID_GET_TASK)))
        .addMethod(
          getListTasksMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              com.relaydesk.v1.ListTasksRequest,
              com.relaydesk.v1.ListTasksResponse>(
                service, METHODID_LIST_TASKS)))
        .addMethod(
          getUpdateTaskMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              com.relaydesk.v1.UpdateTaskRequest,
              com.relaydesk.v1.UpdateTaskResponse>(
                service, METHODID_UPDATE_TASK)))
        .addMethod(
          getCancelTaskMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              com.relaydesk.v1.CancelTaskRequest,
              com.relaydesk.v1.CancelTaskResponse>(
                service, METHODID_CANCEL_TASK)))
        .addMethod(
          getWrapUpTaskMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              com.relaydesk.v1.WrapUpTaskRequest,
              com.relaydesk.v1.WrapUpTaskResponse>(
                service, METHODID_WRAP_UP_TASK)))
        .addMethod(
          getCompleteTaskMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              com.relaydesk.v1.CompleteTaskRequest,
              com.relaydesk.v1.CompleteTaskResponse>(
                service, METHODID_COMPLETE_TASK)))
        .addMethod(
          getTransferTaskMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              com.relaydesk.v1.TransferTaskRequest,
              com.relaydesk.v1.TransferTaskResponse>(
                service, METHODID_TRANSFER_TASK)))
        .addMethod(
          getListReservationsMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              com.relaydesk.v1.ListReservationsRequest,
              com.relaydesk.v1.ListReservationsResponse>(
                service, METHODID_LIST_RESERVATIONS)))
        .addMethod(
          getAcceptReservationMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              com.relaydesk.v1.AcceptReservationRequest,
              com.relaydesk.v1.AcceptReservationResponse>(
                service, METHODID_ACCEPT_RESERVATION)))
        .addMethod(
          getRejectReservationMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              com.relaydesk.v1.RejectReservationRequest,
              com.relaydesk.v1.RejectReservationResponse>(
                service, METHODID_REJECT_RESERVATION)))
        .build();
  }

  private static abstract class TaskServiceBaseDescriptorSupplier
      implements io.grpc.protobuf.ProtoFileDescriptorSupplier, io.grpc.protobuf.ProtoServiceDescriptorSupplier {
    TaskServiceBaseDescriptorSupplier() {}

    @java.lang.Override
    public com.google.protobuf.Descriptors.FileDescriptor getFileDescriptor() {
      return com.relaydesk.v1.TaskServiceProto.getDescriptor();
    }

    @java.lang.Override
    public com.google.protobuf.Descriptors.ServiceDescriptor getServiceDescriptor() {
      return getFileDescriptor().findServiceByName("TaskService");
    }
  }

  private static final class TaskServiceFileDescriptorSupplier
      extends TaskServiceBaseDescriptorSupplier {
    TaskServiceFileDescriptorSupplier() {}
  }

  private static final class TaskServiceMethodDescriptorSupplier
      extends TaskServiceBaseDescriptorSupplier
      implements io.grpc.protobuf.ProtoMethodDescriptorSupplier {
    private final java.lang.String methodName;

    TaskServiceMethodDescriptorSupplier(java.lang.String methodName) {
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
      synchronized (TaskServiceGrpc.class) {
        result = serviceDescriptor;
        if (result == null) {
          serviceDescriptor = result = io.grpc.ServiceDescriptor.newBuilder(SERVICE_NAME)
              .setSchemaDescriptor(new TaskServiceFileDescriptorSupplier())
              .addMethod(getCreateTaskMethod())
              .addMethod(getGetTaskMethod())
              .addMethod(getListTasksMethod())
              .addMethod(getUpdateTaskMethod())
              .addMethod(getCancelTaskMethod())
              .addMethod(getWrapUpTaskMethod())
              .addMethod(getCompleteTaskMethod())
              .addMethod(getTransferTaskMethod())
              .addMethod(getListReservationsMethod())
              .addMethod(getAcceptReservationMethod())
              .addMethod(getRejectReservationMethod())
              .build();
        }
      }
    }
    return result;
  }
}
