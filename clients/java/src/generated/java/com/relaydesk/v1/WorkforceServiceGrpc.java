package com.relaydesk.v1;

import static io.grpc.MethodDescriptor.generateFullMethodName;

/**
 * <pre>
 * Manages the routing configuration: activities, workers, queues and
 * workflows, and the workers' live activity.
 * </pre>
 */
@io.grpc.stub.annotations.GrpcGenerated
public final class WorkforceServiceGrpc {

  private WorkforceServiceGrpc() {}

  public static final java.lang.String SERVICE_NAME = "relaydesk.v1.WorkforceService";

  // Static method descriptors that strictly reflect the proto.
  private static volatile io.grpc.MethodDescriptor<com.relaydesk.v1.CreateActivityRequest,
      com.relaydesk.v1.CreateActivityResponse> getCreateActivityMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "CreateActivity",
      requestType = com.relaydesk.v1.CreateActivityRequest.class,
      responseType = com.relaydesk.v1.CreateActivityResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<com.relaydesk.v1.CreateActivityRequest,
      com.relaydesk.v1.CreateActivityResponse> getCreateActivityMethod() {
    io.grpc.MethodDescriptor<com.relaydesk.v1.CreateActivityRequest, com.relaydesk.v1.CreateActivityResponse> getCreateActivityMethod;
    if ((getCreateActivityMethod = WorkforceServiceGrpc.getCreateActivityMethod) == null) {
      synchronized (WorkforceServiceGrpc.class) {
        if ((getCreateActivityMethod = WorkforceServiceGrpc.getCreateActivityMethod) == null) {
          WorkforceServiceGrpc.getCreateActivityMethod = getCreateActivityMethod =
              io.grpc.MethodDescriptor.<com.relaydesk.v1.CreateActivityRequest, com.relaydesk.v1.CreateActivityResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "CreateActivity"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.relaydesk.v1.CreateActivityRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.relaydesk.v1.CreateActivityResponse.getDefaultInstance()))
              .setSchemaDescriptor(new WorkforceServiceMethodDescriptorSupplier("CreateActivity"))
              .build();
        }
      }
    }
    return getCreateActivityMethod;
  }

  private static volatile io.grpc.MethodDescriptor<com.relaydesk.v1.GetActivityRequest,
      com.relaydesk.v1.GetActivityResponse> getGetActivityMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "GetActivity",
      requestType = com.relaydesk.v1.GetActivityRequest.class,
      responseType = com.relaydesk.v1.GetActivityResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<com.relaydesk.v1.GetActivityRequest,
      com.relaydesk.v1.GetActivityResponse> getGetActivityMethod() {
    io.grpc.MethodDescriptor<com.relaydesk.v1.GetActivityRequest, com.relaydesk.v1.GetActivityResponse> getGetActivityMethod;
    if ((getGetActivityMethod = WorkforceServiceGrpc.getGetActivityMethod) == null) {
      synchronized (WorkforceServiceGrpc.class) {
        if ((getGetActivityMethod = WorkforceServiceGrpc.getGetActivityMethod) == null) {
          WorkforceServiceGrpc.getGetActivityMethod = getGetActivityMethod =
              io.grpc.MethodDescriptor.<com.relaydesk.v1.GetActivityRequest, com.relaydesk.v1.GetActivityResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "GetActivity"))
              .setSafe(true)
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.relaydesk.v1.GetActivityRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.relaydesk.v1.GetActivityResponse.getDefaultInstance()))
              .setSchemaDescriptor(new WorkforceServiceMethodDescriptorSupplier("GetActivity"))
              .build();
        }
      }
    }
    return getGetActivityMethod;
  }

  private static volatile io.grpc.MethodDescriptor<com.relaydesk.v1.ListActivitiesRequest,
      com.relaydesk.v1.ListActivitiesResponse> getListActivitiesMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "ListActivities",
      requestType = com.relaydesk.v1.ListActivitiesRequest.class,
      responseType = com.relaydesk.v1.ListActivitiesResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<com.relaydesk.v1.ListActivitiesRequest,
      com.relaydesk.v1.ListActivitiesResponse> getListActivitiesMethod() {
    io.grpc.MethodDescriptor<com.relaydesk.v1.ListActivitiesRequest, com.relaydesk.v1.ListActivitiesResponse> getListActivitiesMethod;
    if ((getListActivitiesMethod = WorkforceServiceGrpc.getListActivitiesMethod) == null) {
      synchronized (WorkforceServiceGrpc.class) {
        if ((getListActivitiesMethod = WorkforceServiceGrpc.getListActivitiesMethod) == null) {
          WorkforceServiceGrpc.getListActivitiesMethod = getListActivitiesMethod =
              io.grpc.MethodDescriptor.<com.relaydesk.v1.ListActivitiesRequest, com.relaydesk.v1.ListActivitiesResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "ListActivities"))
              .setSafe(true)
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.relaydesk.v1.ListActivitiesRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.relaydesk.v1.ListActivitiesResponse.getDefaultInstance()))
              .setSchemaDescriptor(new WorkforceServiceMethodDescriptorSupplier("ListActivities"))
              .build();
        }
      }
    }
    return getListActivitiesMethod;
  }

  private static volatile io.grpc.MethodDescriptor<com.relaydesk.v1.UpdateActivityRequest,
      com.relaydesk.v1.UpdateActivityResponse> getUpdateActivityMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "UpdateActivity",
      requestType = com.relaydesk.v1.UpdateActivityRequest.class,
      responseType = com.relaydesk.v1.UpdateActivityResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<com.relaydesk.v1.UpdateActivityRequest,
      com.relaydesk.v1.UpdateActivityResponse> getUpdateActivityMethod() {
    io.grpc.MethodDescriptor<com.relaydesk.v1.UpdateActivityRequest, com.relaydesk.v1.UpdateActivityResponse> getUpdateActivityMethod;
    if ((getUpdateActivityMethod = WorkforceServiceGrpc.getUpdateActivityMethod) == null) {
      synchronized (WorkforceServiceGrpc.class) {
        if ((getUpdateActivityMethod = WorkforceServiceGrpc.getUpdateActivityMethod) == null) {
          WorkforceServiceGrpc.getUpdateActivityMethod = getUpdateActivityMethod =
              io.grpc.MethodDescriptor.<com.relaydesk.v1.UpdateActivityRequest, com.relaydesk.v1.UpdateActivityResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "UpdateActivity"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.relaydesk.v1.UpdateActivityRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.relaydesk.v1.UpdateActivityResponse.getDefaultInstance()))
              .setSchemaDescriptor(new WorkforceServiceMethodDescriptorSupplier("UpdateActivity"))
              .build();
        }
      }
    }
    return getUpdateActivityMethod;
  }

  private static volatile io.grpc.MethodDescriptor<com.relaydesk.v1.DeleteActivityRequest,
      com.relaydesk.v1.DeleteActivityResponse> getDeleteActivityMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "DeleteActivity",
      requestType = com.relaydesk.v1.DeleteActivityRequest.class,
      responseType = com.relaydesk.v1.DeleteActivityResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<com.relaydesk.v1.DeleteActivityRequest,
      com.relaydesk.v1.DeleteActivityResponse> getDeleteActivityMethod() {
    io.grpc.MethodDescriptor<com.relaydesk.v1.DeleteActivityRequest, com.relaydesk.v1.DeleteActivityResponse> getDeleteActivityMethod;
    if ((getDeleteActivityMethod = WorkforceServiceGrpc.getDeleteActivityMethod) == null) {
      synchronized (WorkforceServiceGrpc.class) {
        if ((getDeleteActivityMethod = WorkforceServiceGrpc.getDeleteActivityMethod) == null) {
          WorkforceServiceGrpc.getDeleteActivityMethod = getDeleteActivityMethod =
              io.grpc.MethodDescriptor.<com.relaydesk.v1.DeleteActivityRequest, com.relaydesk.v1.DeleteActivityResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "DeleteActivity"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.relaydesk.v1.DeleteActivityRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.relaydesk.v1.DeleteActivityResponse.getDefaultInstance()))
              .setSchemaDescriptor(new WorkforceServiceMethodDescriptorSupplier("DeleteActivity"))
              .build();
        }
      }
    }
    return getDeleteActivityMethod;
  }

  private static volatile io.grpc.MethodDescriptor<com.relaydesk.v1.CreateWorkerRequest,
      com.relaydesk.v1.CreateWorkerResponse> getCreateWorkerMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "CreateWorker",
      requestType = com.relaydesk.v1.CreateWorkerRequest.class,
      responseType = com.relaydesk.v1.CreateWorkerResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<com.relaydesk.v1.CreateWorkerRequest,
      com.relaydesk.v1.CreateWorkerResponse> getCreateWorkerMethod() {
    io.grpc.MethodDescriptor<com.relaydesk.v1.CreateWorkerRequest, com.relaydesk.v1.CreateWorkerResponse> getCreateWorkerMethod;
    if ((getCreateWorkerMethod = WorkforceServiceGrpc.getCreateWorkerMethod) == null) {
      synchronized (WorkforceServiceGrpc.class) {
        if ((getCreateWorkerMethod = WorkforceServiceGrpc.getCreateWorkerMethod) == null) {
          WorkforceServiceGrpc.getCreateWorkerMethod = getCreateWorkerMethod =
              io.grpc.MethodDescriptor.<com.relaydesk.v1.CreateWorkerRequest, com.relaydesk.v1.CreateWorkerResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "CreateWorker"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.relaydesk.v1.CreateWorkerRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.relaydesk.v1.CreateWorkerResponse.getDefaultInstance()))
              .setSchemaDescriptor(new WorkforceServiceMethodDescriptorSupplier("CreateWorker"))
              .build();
        }
      }
    }
    return getCreateWorkerMethod;
  }

  private static volatile io.grpc.MethodDescriptor<com.relaydesk.v1.GetWorkerRequest,
      com.relaydesk.v1.GetWorkerResponse> getGetWorkerMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "GetWorker",
      requestType = com.relaydesk.v1.GetWorkerRequest.class,
      responseType = com.relaydesk.v1.GetWorkerResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<com.relaydesk.v1.GetWorkerRequest,
      com.relaydesk.v1.GetWorkerResponse> getGetWorkerMethod() {
    io.grpc.MethodDescriptor<com.relaydesk.v1.GetWorkerRequest, com.relaydesk.v1.GetWorkerResponse> getGetWorkerMethod;
    if ((getGetWorkerMethod = WorkforceServiceGrpc.getGetWorkerMethod) == null) {
      synchronized (WorkforceServiceGrpc.class) {
        if ((getGetWorkerMethod = WorkforceServiceGrpc.getGetWorkerMethod) == null) {
          WorkforceServiceGrpc.getGetWorkerMethod = getGetWorkerMethod =
              io.grpc.MethodDescriptor.<com.relaydesk.v1.GetWorkerRequest, com.relaydesk.v1.GetWorkerResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "GetWorker"))
              .setSafe(true)
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.relaydesk.v1.GetWorkerRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.relaydesk.v1.GetWorkerResponse.getDefaultInstance()))
              .setSchemaDescriptor(new WorkforceServiceMethodDescriptorSupplier("GetWorker"))
              .build();
        }
      }
    }
    return getGetWorkerMethod;
  }

  private static volatile io.grpc.MethodDescriptor<com.relaydesk.v1.ListWorkersRequest,
      com.relaydesk.v1.ListWorkersResponse> getListWorkersMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "ListWorkers",
      requestType = com.relaydesk.v1.ListWorkersRequest.class,
      responseType = com.relaydesk.v1.ListWorkersResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<com.relaydesk.v1.ListWorkersRequest,
      com.relaydesk.v1.ListWorkersResponse> getListWorkersMethod() {
    io.grpc.MethodDescriptor<com.relaydesk.v1.ListWorkersRequest, com.relaydesk.v1.ListWorkersResponse> getListWorkersMethod;
    if ((getListWorkersMethod = WorkforceServiceGrpc.getListWorkersMethod) == null) {
      synchronized (WorkforceServiceGrpc.class) {
        if ((getListWorkersMethod = WorkforceServiceGrpc.getListWorkersMethod) == null) {
          WorkforceServiceGrpc.getListWorkersMethod = getListWorkersMethod =
              io.grpc.MethodDescriptor.<com.relaydesk.v1.ListWorkersRequest, com.relaydesk.v1.ListWorkersResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "ListWorkers"))
              .setSafe(true)
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.relaydesk.v1.ListWorkersRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.relaydesk.v1.ListWorkersResponse.getDefaultInstance()))
              .setSchemaDescriptor(new WorkforceServiceMethodDescriptorSupplier("ListWorkers"))
              .build();
        }
      }
    }
    return getListWorkersMethod;
  }

  private static volatile io.grpc.MethodDescriptor<com.relaydesk.v1.UpdateWorkerRequest,
      com.relaydesk.v1.UpdateWorkerResponse> getUpdateWorkerMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "UpdateWorker",
      requestType = com.relaydesk.v1.UpdateWorkerRequest.class,
      responseType = com.relaydesk.v1.UpdateWorkerResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<com.relaydesk.v1.UpdateWorkerRequest,
      com.relaydesk.v1.UpdateWorkerResponse> getUpdateWorkerMethod() {
    io.grpc.MethodDescriptor<com.relaydesk.v1.UpdateWorkerRequest, com.relaydesk.v1.UpdateWorkerResponse> getUpdateWorkerMethod;
    if ((getUpdateWorkerMethod = WorkforceServiceGrpc.getUpdateWorkerMethod) == null) {
      synchronized (WorkforceServiceGrpc.class) {
        if ((getUpdateWorkerMethod = WorkforceServiceGrpc.getUpdateWorkerMethod) == null) {
          WorkforceServiceGrpc.getUpdateWorkerMethod = getUpdateWorkerMethod =
              io.grpc.MethodDescriptor.<com.relaydesk.v1.UpdateWorkerRequest, com.relaydesk.v1.UpdateWorkerResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "UpdateWorker"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.relaydesk.v1.UpdateWorkerRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.relaydesk.v1.UpdateWorkerResponse.getDefaultInstance()))
              .setSchemaDescriptor(new WorkforceServiceMethodDescriptorSupplier("UpdateWorker"))
              .build();
        }
      }
    }
    return getUpdateWorkerMethod;
  }

  private static volatile io.grpc.MethodDescriptor<com.relaydesk.v1.DeleteWorkerRequest,
      com.relaydesk.v1.DeleteWorkerResponse> getDeleteWorkerMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "DeleteWorker",
      requestType = com.relaydesk.v1.DeleteWorkerRequest.class,
      responseType = com.relaydesk.v1.DeleteWorkerResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<com.relaydesk.v1.DeleteWorkerRequest,
      com.relaydesk.v1.DeleteWorkerResponse> getDeleteWorkerMethod() {
    io.grpc.MethodDescriptor<com.relaydesk.v1.DeleteWorkerRequest, com.relaydesk.v1.DeleteWorkerResponse> getDeleteWorkerMethod;
    if ((getDeleteWorkerMethod = WorkforceServiceGrpc.getDeleteWorkerMethod) == null) {
      synchronized (WorkforceServiceGrpc.class) {
        if ((getDeleteWorkerMethod = WorkforceServiceGrpc.getDeleteWorkerMethod) == null) {
          WorkforceServiceGrpc.getDeleteWorkerMethod = getDeleteWorkerMethod =
              io.grpc.MethodDescriptor.<com.relaydesk.v1.DeleteWorkerRequest, com.relaydesk.v1.DeleteWorkerResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "DeleteWorker"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.relaydesk.v1.DeleteWorkerRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.relaydesk.v1.DeleteWorkerResponse.getDefaultInstance()))
              .setSchemaDescriptor(new WorkforceServiceMethodDescriptorSupplier("DeleteWorker"))
              .build();
        }
      }
    }
    return getDeleteWorkerMethod;
  }

  private static volatile io.grpc.MethodDescriptor<com.relaydesk.v1.SetWorkerActivityRequest,
      com.relaydesk.v1.SetWorkerActivityResponse> getSetWorkerActivityMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "SetWorkerActivity",
      requestType = com.relaydesk.v1.SetWorkerActivityRequest.class,
      responseType = com.relaydesk.v1.SetWorkerActivityResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<com.relaydesk.v1.SetWorkerActivityRequest,
      com.relaydesk.v1.SetWorkerActivityResponse> getSetWorkerActivityMethod() {
    io.grpc.MethodDescriptor<com.relaydesk.v1.SetWorkerActivityRequest, com.relaydesk.v1.SetWorkerActivityResponse> getSetWorkerActivityMethod;
    if ((getSetWorkerActivityMethod = WorkforceServiceGrpc.getSetWorkerActivityMethod) == null) {
      synchronized (WorkforceServiceGrpc.class) {
        if ((getSetWorkerActivityMethod = WorkforceServiceGrpc.getSetWorkerActivityMethod) == null) {
          WorkforceServiceGrpc.getSetWorkerActivityMethod = getSetWorkerActivityMethod =
              io.grpc.MethodDescriptor.<com.relaydesk.v1.SetWorkerActivityRequest, com.relaydesk.v1.SetWorkerActivityResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "SetWorkerActivity"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.relaydesk.v1.SetWorkerActivityRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.relaydesk.v1.SetWorkerActivityResponse.getDefaultInstance()))
              .setSchemaDescriptor(new WorkforceServiceMethodDescriptorSupplier("SetWorkerActivity"))
              .build();
        }
      }
    }
    return getSetWorkerActivityMethod;
  }

  private static volatile io.grpc.MethodDescriptor<com.relaydesk.v1.CreateQueueRequest,
      com.relaydesk.v1.CreateQueueResponse> getCreateQueueMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "CreateQueue",
      requestType = com.relaydesk.v1.CreateQueueRequest.class,
      responseType = com.relaydesk.v1.CreateQueueResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<com.relaydesk.v1.CreateQueueRequest,
      com.relaydesk.v1.CreateQueueResponse> getCreateQueueMethod() {
    io.grpc.MethodDescriptor<com.relaydesk.v1.CreateQueueRequest, com.relaydesk.v1.CreateQueueResponse> getCreateQueueMethod;
    if ((getCreateQueueMethod = WorkforceServiceGrpc.getCreateQueueMethod) == null) {
      synchronized (WorkforceServiceGrpc.class) {
        if ((getCreateQueueMethod = WorkforceServiceGrpc.getCreateQueueMethod) == null) {
          WorkforceServiceGrpc.getCreateQueueMethod = getCreateQueueMethod =
              io.grpc.MethodDescriptor.<com.relaydesk.v1.CreateQueueRequest, com.relaydesk.v1.CreateQueueResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "CreateQueue"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.relaydesk.v1.CreateQueueRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.relaydesk.v1.CreateQueueResponse.getDefaultInstance()))
              .setSchemaDescriptor(new WorkforceServiceMethodDescriptorSupplier("CreateQueue"))
              .build();
        }
      }
    }
    return getCreateQueueMethod;
  }

  private static volatile io.grpc.MethodDescriptor<com.relaydesk.v1.GetQueueRequest,
      com.relaydesk.v1.GetQueueResponse> getGetQueueMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "GetQueue",
      requestType = com.relaydesk.v1.GetQueueRequest.class,
      responseType = com.relaydesk.v1.GetQueueResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<com.relaydesk.v1.GetQueueRequest,
      com.relaydesk.v1.GetQueueResponse> getGetQueueMethod() {
    io.grpc.MethodDescriptor<com.relaydesk.v1.GetQueueRequest, com.relaydesk.v1.GetQueueResponse> getGetQueueMethod;
    if ((getGetQueueMethod = WorkforceServiceGrpc.getGetQueueMethod) == null) {
      synchronized (WorkforceServiceGrpc.class) {
        if ((getGetQueueMethod = WorkforceServiceGrpc.getGetQueueMethod) == null) {
          WorkforceServiceGrpc.getGetQueueMethod = getGetQueueMethod =
              io.grpc.MethodDescriptor.<com.relaydesk.v1.GetQueueRequest, com.relaydesk.v1.GetQueueResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "GetQueue"))
              .setSafe(true)
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.relaydesk.v1.GetQueueRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.relaydesk.v1.GetQueueResponse.getDefaultInstance()))
              .setSchemaDescriptor(new WorkforceServiceMethodDescriptorSupplier("GetQueue"))
              .build();
        }
      }
    }
    return getGetQueueMethod;
  }

  private static volatile io.grpc.MethodDescriptor<com.relaydesk.v1.ListQueuesRequest,
      com.relaydesk.v1.ListQueuesResponse> getListQueuesMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "ListQueues",
      requestType = com.relaydesk.v1.ListQueuesRequest.class,
      responseType = com.relaydesk.v1.ListQueuesResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<com.relaydesk.v1.ListQueuesRequest,
      com.relaydesk.v1.ListQueuesResponse> getListQueuesMethod() {
    io.grpc.MethodDescriptor<com.relaydesk.v1.ListQueuesRequest, com.relaydesk.v1.ListQueuesResponse> getListQueuesMethod;
    if ((getListQueuesMethod = WorkforceServiceGrpc.getListQueuesMethod) == null) {
      synchronized (WorkforceServiceGrpc.class) {
        if ((getListQueuesMethod = WorkforceServiceGrpc.getListQueuesMethod) == null) {
          WorkforceServiceGrpc.getListQueuesMethod = getListQueuesMethod =
              io.grpc.MethodDescriptor.<com.relaydesk.v1.ListQueuesRequest, com.relaydesk.v1.ListQueuesResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "ListQueues"))
              .setSafe(true)
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.relaydesk.v1.ListQueuesRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.relaydesk.v1.ListQueuesResponse.getDefaultInstance()))
              .setSchemaDescriptor(new WorkforceServiceMethodDescriptorSupplier("ListQueues"))
              .build();
        }
      }
    }
    return getListQueuesMethod;
  }

  private static volatile io.grpc.MethodDescriptor<com.relaydesk.v1.UpdateQueueRequest,
      com.relaydesk.v1.UpdateQueueResponse> getUpdateQueueMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "UpdateQueue",
      requestType = com.relaydesk.v1.UpdateQueueRequest.class,
      responseType = com.relaydesk.v1.UpdateQueueResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<com.relaydesk.v1.UpdateQueueRequest,
      com.relaydesk.v1.UpdateQueueResponse> getUpdateQueueMethod() {
    io.grpc.MethodDescriptor<com.relaydesk.v1.UpdateQueueRequest, com.relaydesk.v1.UpdateQueueResponse> getUpdateQueueMethod;
    if ((getUpdateQueueMethod = WorkforceServiceGrpc.getUpdateQueueMethod) == null) {
      synchronized (WorkforceServiceGrpc.class) {
        if ((getUpdateQueueMethod = WorkforceServiceGrpc.getUpdateQueueMethod) == null) {
          WorkforceServiceGrpc.getUpdateQueueMethod = getUpdateQueueMethod =
              io.grpc.MethodDescriptor.<com.relaydesk.v1.UpdateQueueRequest, com.relaydesk.v1.UpdateQueueResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "UpdateQueue"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.relaydesk.v1.UpdateQueueRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.relaydesk.v1.UpdateQueueResponse.getDefaultInstance()))
              .setSchemaDescriptor(new WorkforceServiceMethodDescriptorSupplier("UpdateQueue"))
              .build();
        }
      }
    }
    return getUpdateQueueMethod;
  }

  private static volatile io.grpc.MethodDescriptor<com.relaydesk.v1.DeleteQueueRequest,
      com.relaydesk.v1.DeleteQueueResponse> getDeleteQueueMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "DeleteQueue",
      requestType = com.relaydesk.v1.DeleteQueueRequest.class,
      responseType = com.relaydesk.v1.DeleteQueueResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<com.relaydesk.v1.DeleteQueueRequest,
      com.relaydesk.v1.DeleteQueueResponse> getDeleteQueueMethod() {
    io.grpc.MethodDescriptor<com.relaydesk.v1.DeleteQueueRequest, com.relaydesk.v1.DeleteQueueResponse> getDeleteQueueMethod;
    if ((getDeleteQueueMethod = WorkforceServiceGrpc.getDeleteQueueMethod) == null) {
      synchronized (WorkforceServiceGrpc.class) {
        if ((getDeleteQueueMethod = WorkforceServiceGrpc.getDeleteQueueMethod) == null) {
          WorkforceServiceGrpc.getDeleteQueueMethod = getDeleteQueueMethod =
              io.grpc.MethodDescriptor.<com.relaydesk.v1.DeleteQueueRequest, com.relaydesk.v1.DeleteQueueResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "DeleteQueue"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.relaydesk.v1.DeleteQueueRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.relaydesk.v1.DeleteQueueResponse.getDefaultInstance()))
              .setSchemaDescriptor(new WorkforceServiceMethodDescriptorSupplier("DeleteQueue"))
              .build();
        }
      }
    }
    return getDeleteQueueMethod;
  }

  private static volatile io.grpc.MethodDescriptor<com.relaydesk.v1.GetQueueStatisticsRequest,
      com.relaydesk.v1.GetQueueStatisticsResponse> getGetQueueStatisticsMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "GetQueueStatistics",
      requestType = com.relaydesk.v1.GetQueueStatisticsRequest.class,
      responseType = com.relaydesk.v1.GetQueueStatisticsResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<com.relaydesk.v1.GetQueueStatisticsRequest,
      com.relaydesk.v1.GetQueueStatisticsResponse> getGetQueueStatisticsMethod() {
    io.grpc.MethodDescriptor<com.relaydesk.v1.GetQueueStatisticsRequest, com.relaydesk.v1.GetQueueStatisticsResponse> getGetQueueStatisticsMethod;
    if ((getGetQueueStatisticsMethod = WorkforceServiceGrpc.getGetQueueStatisticsMethod) == null) {
      synchronized (WorkforceServiceGrpc.class) {
        if ((getGetQueueStatisticsMethod = WorkforceServiceGrpc.getGetQueueStatisticsMethod) == null) {
          WorkforceServiceGrpc.getGetQueueStatisticsMethod = getGetQueueStatisticsMethod =
              io.grpc.MethodDescriptor.<com.relaydesk.v1.GetQueueStatisticsRequest, com.relaydesk.v1.GetQueueStatisticsResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "GetQueueStatistics"))
              .setSafe(true)
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.relaydesk.v1.GetQueueStatisticsRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.relaydesk.v1.GetQueueStatisticsResponse.getDefaultInstance()))
              .setSchemaDescriptor(new WorkforceServiceMethodDescriptorSupplier("GetQueueStatistics"))
              .build();
        }
      }
    }
    return getGetQueueStatisticsMethod;
  }

  private static volatile io.grpc.MethodDescriptor<com.relaydesk.v1.CreateWorkflowRequest,
      com.relaydesk.v1.CreateWorkflowResponse> getCreateWorkflowMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "CreateWorkflow",
      requestType = com.relaydesk.v1.CreateWorkflowRequest.class,
      responseType = com.relaydesk.v1.CreateWorkflowResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<com.relaydesk.v1.CreateWorkflowRequest,
      com.relaydesk.v1.CreateWorkflowResponse> getCreateWorkflowMethod() {
    io.grpc.MethodDescriptor<com.relaydesk.v1.CreateWorkflowRequest, com.relaydesk.v1.CreateWorkflowResponse> getCreateWorkflowMethod;
    if ((getCreateWorkflowMethod = WorkforceServiceGrpc.getCreateWorkflowMethod) == null) {
      synchronized (WorkforceServiceGrpc.class) {
        if ((getCreateWorkflowMethod = WorkforceServiceGrpc.getCreateWorkflowMethod) == null) {
          WorkforceServiceGrpc.getCreateWorkflowMethod = getCreateWorkflowMethod =
              io.grpc.MethodDescriptor.<com.relaydesk.v1.CreateWorkflowRequest, com.relaydesk.v1.CreateWorkflowResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "CreateWorkflow"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.relaydesk.v1.CreateWorkflowRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.relaydesk.v1.CreateWorkflowResponse.getDefaultInstance()))
              .setSchemaDescriptor(new WorkforceServiceMethodDescriptorSupplier("CreateWorkflow"))
              .build();
        }
      }
    }
    return getCreateWorkflowMethod;
  }

  private static volatile io.grpc.MethodDescriptor<com.relaydesk.v1.GetWorkflowRequest,
      com.relaydesk.v1.GetWorkflowResponse> getGetWorkflowMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "GetWorkflow",
      requestType = com.relaydesk.v1.GetWorkflowRequest.class,
      responseType = com.relaydesk.v1.GetWorkflowResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<com.relaydesk.v1.GetWorkflowRequest,
      com.relaydesk.v1.GetWorkflowResponse> getGetWorkflowMethod() {
    io.grpc.MethodDescriptor<com.relaydesk.v1.GetWorkflowRequest, com.relaydesk.v1.GetWorkflowResponse> getGetWorkflowMethod;
    if ((getGetWorkflowMethod = WorkforceServiceGrpc.getGetWorkflowMethod) == null) {
      synchronized (WorkforceServiceGrpc.class) {
        if ((getGetWorkflowMethod = WorkforceServiceGrpc.getGetWorkflowMethod) == null) {
          WorkforceServiceGrpc.getGetWorkflowMethod = getGetWorkflowMethod =
              io.grpc.MethodDescriptor.<com.relaydesk.v1.GetWorkflowRequest, com.relaydesk.v1.GetWorkflowResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "GetWorkflow"))
              .setSafe(true)
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.relaydesk.v1.GetWorkflowRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.relaydesk.v1.GetWorkflowResponse.getDefaultInstance()))
              .setSchemaDescriptor(new WorkforceServiceMethodDescriptorSupplier("GetWorkflow"))
              .build();
        }
      }
    }
    return getGetWorkflowMethod;
  }

  private static volatile io.grpc.MethodDescriptor<com.relaydesk.v1.ListWorkflowsRequest,
      com.relaydesk.v1.ListWorkflowsResponse> getListWorkflowsMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "ListWorkflows",
      requestType = com.relaydesk.v1.ListWorkflowsRequest.class,
      responseType = com.relaydesk.v1.ListWorkflowsResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<com.relaydesk.v1.ListWorkflowsRequest,
      com.relaydesk.v1.ListWorkflowsResponse> getListWorkflowsMethod() {
    io.grpc.MethodDescriptor<com.relaydesk.v1.ListWorkflowsRequest, com.relaydesk.v1.ListWorkflowsResponse> getListWorkflowsMethod;
    if ((getListWorkflowsMethod = WorkforceServiceGrpc.getListWorkflowsMethod) == null) {
      synchronized (WorkforceServiceGrpc.class) {
        if ((getListWorkflowsMethod = WorkforceServiceGrpc.getListWorkflowsMethod) == null) {
          WorkforceServiceGrpc.getListWorkflowsMethod = getListWorkflowsMethod =
              io.grpc.MethodDescriptor.<com.relaydesk.v1.ListWorkflowsRequest, com.relaydesk.v1.ListWorkflowsResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "ListWorkflows"))
              .setSafe(true)
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.relaydesk.v1.ListWorkflowsRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.relaydesk.v1.ListWorkflowsResponse.getDefaultInstance()))
              .setSchemaDescriptor(new WorkforceServiceMethodDescriptorSupplier("ListWorkflows"))
              .build();
        }
      }
    }
    return getListWorkflowsMethod;
  }

  private static volatile io.grpc.MethodDescriptor<com.relaydesk.v1.UpdateWorkflowRequest,
      com.relaydesk.v1.UpdateWorkflowResponse> getUpdateWorkflowMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "UpdateWorkflow",
      requestType = com.relaydesk.v1.UpdateWorkflowRequest.class,
      responseType = com.relaydesk.v1.UpdateWorkflowResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<com.relaydesk.v1.UpdateWorkflowRequest,
      com.relaydesk.v1.UpdateWorkflowResponse> getUpdateWorkflowMethod() {
    io.grpc.MethodDescriptor<com.relaydesk.v1.UpdateWorkflowRequest, com.relaydesk.v1.UpdateWorkflowResponse> getUpdateWorkflowMethod;
    if ((getUpdateWorkflowMethod = WorkforceServiceGrpc.getUpdateWorkflowMethod) == null) {
      synchronized (WorkforceServiceGrpc.class) {
        if ((getUpdateWorkflowMethod = WorkforceServiceGrpc.getUpdateWorkflowMethod) == null) {
          WorkforceServiceGrpc.getUpdateWorkflowMethod = getUpdateWorkflowMethod =
              io.grpc.MethodDescriptor.<com.relaydesk.v1.UpdateWorkflowRequest, com.relaydesk.v1.UpdateWorkflowResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "UpdateWorkflow"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.relaydesk.v1.UpdateWorkflowRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.relaydesk.v1.UpdateWorkflowResponse.getDefaultInstance()))
              .setSchemaDescriptor(new WorkforceServiceMethodDescriptorSupplier("UpdateWorkflow"))
              .build();
        }
      }
    }
    return getUpdateWorkflowMethod;
  }

  private static volatile io.grpc.MethodDescriptor<com.relaydesk.v1.DeleteWorkflowRequest,
      com.relaydesk.v1.DeleteWorkflowResponse> getDeleteWorkflowMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "DeleteWorkflow",
      requestType = com.relaydesk.v1.DeleteWorkflowRequest.class,
      responseType = com.relaydesk.v1.DeleteWorkflowResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<com.relaydesk.v1.DeleteWorkflowRequest,
      com.relaydesk.v1.DeleteWorkflowResponse> getDeleteWorkflowMethod() {
    io.grpc.MethodDescriptor<com.relaydesk.v1.DeleteWorkflowRequest, com.relaydesk.v1.DeleteWorkflowResponse> getDeleteWorkflowMethod;
    if ((getDeleteWorkflowMethod = WorkforceServiceGrpc.getDeleteWorkflowMethod) == null) {
      synchronized (WorkforceServiceGrpc.class) {
        if ((getDeleteWorkflowMethod = WorkforceServiceGrpc.getDeleteWorkflowMethod) == null) {
          WorkforceServiceGrpc.getDeleteWorkflowMethod = getDeleteWorkflowMethod =
              io.grpc.MethodDescriptor.<com.relaydesk.v1.DeleteWorkflowRequest, com.relaydesk.v1.DeleteWorkflowResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "DeleteWorkflow"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.relaydesk.v1.DeleteWorkflowRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.relaydesk.v1.DeleteWorkflowResponse.getDefaultInstance()))
              .setSchemaDescriptor(new WorkforceServiceMethodDescriptorSupplier("DeleteWorkflow"))
              .build();
        }
      }
    }
    return getDeleteWorkflowMethod;
  }

  /**
   * Creates a new async stub that supports all call types for the service
   */
  public static WorkforceServiceStub newStub(io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<WorkforceServiceStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<WorkforceServiceStub>() {
        @java.lang.Override
        public WorkforceServiceStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new WorkforceServiceStub(channel, callOptions);
        }
      };
    return WorkforceServiceStub.newStub(factory, channel);
  }

  /**
   * Creates a new blocking-style stub that supports all types of calls on the service
   */
  public static WorkforceServiceBlockingV2Stub newBlockingV2Stub(
      io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<WorkforceServiceBlockingV2Stub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<WorkforceServiceBlockingV2Stub>() {
        @java.lang.Override
        public WorkforceServiceBlockingV2Stub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new WorkforceServiceBlockingV2Stub(channel, callOptions);
        }
      };
    return WorkforceServiceBlockingV2Stub.newStub(factory, channel);
  }

  /**
   * Creates a new blocking-style stub that supports unary and streaming output calls on the service
   */
  public static WorkforceServiceBlockingStub newBlockingStub(
      io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<WorkforceServiceBlockingStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<WorkforceServiceBlockingStub>() {
        @java.lang.Override
        public WorkforceServiceBlockingStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new WorkforceServiceBlockingStub(channel, callOptions);
        }
      };
    return WorkforceServiceBlockingStub.newStub(factory, channel);
  }

  /**
   * Creates a new ListenableFuture-style stub that supports unary calls on the service
   */
  public static WorkforceServiceFutureStub newFutureStub(
      io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<WorkforceServiceFutureStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<WorkforceServiceFutureStub>() {
        @java.lang.Override
        public WorkforceServiceFutureStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new WorkforceServiceFutureStub(channel, callOptions);
        }
      };
    return WorkforceServiceFutureStub.newStub(factory, channel);
  }

  /**
   * <pre>
   * Manages the routing configuration: activities, workers, queues and
   * workflows, and the workers' live activity.
   * </pre>
   */
  public interface AsyncService {

    /**
     * <pre>
     * Creates an activity.
     * Errors: INVALID_ARGUMENT (a field is malformed, e.g. a display name over
     * 256 characters).
     * </pre>
     */
    default void createActivity(com.relaydesk.v1.CreateActivityRequest request,
        io.grpc.stub.StreamObserver<com.relaydesk.v1.CreateActivityResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getCreateActivityMethod(), responseObserver);
    }

    /**
     * <pre>
     * Returns one activity.
     * Errors: INVALID_ARGUMENT (empty or malformed name), NOT_FOUND.
     * </pre>
     */
    default void getActivity(com.relaydesk.v1.GetActivityRequest request,
        io.grpc.stub.StreamObserver<com.relaydesk.v1.GetActivityResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getGetActivityMethod(), responseObserver);
    }

    /**
     * <pre>
     * Lists activities, oldest first (the four default ones come first).
     * Errors: INVALID_ARGUMENT (negative page size, bad page token).
     * </pre>
     */
    default void listActivities(com.relaydesk.v1.ListActivitiesRequest request,
        io.grpc.stub.StreamObserver<com.relaydesk.v1.ListActivitiesResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getListActivitiesMethod(), responseObserver);
    }

    /**
     * <pre>
     * Updates the fields named in `update_mask` (all populated fields when unset).
     * `available` cannot change.
     * Errors: INVALID_ARGUMENT (a field is malformed, or `available` would
     * change), NOT_FOUND, ABORTED (stale etag).
     * </pre>
     */
    default void updateActivity(com.relaydesk.v1.UpdateActivityRequest request,
        io.grpc.stub.StreamObserver<com.relaydesk.v1.UpdateActivityResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getUpdateActivityMethod(), responseObserver);
    }

    /**
     * <pre>
     * Deletes an activity.
     * Errors: INVALID_ARGUMENT, NOT_FOUND, FAILED_PRECONDITION (it is the Offline
     * activity, or a worker is in it).
     * </pre>
     */
    default void deleteActivity(com.relaydesk.v1.DeleteActivityRequest request,
        io.grpc.stub.StreamObserver<com.relaydesk.v1.DeleteActivityResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getDeleteActivityMethod(), responseObserver);
    }

    /**
     * <pre>
     * Creates a worker, in the Offline activity unless `activity` says otherwise.
     * Errors: INVALID_ARGUMENT (empty or reserved `system` identity, an identity
     * or display name over 256 characters, attributes over 16 KiB, a negative
     * capacity), ALREADY_EXISTS (a worker has this identity),
     * FAILED_PRECONDITION (the activity does not exist).
     * </pre>
     */
    default void createWorker(com.relaydesk.v1.CreateWorkerRequest request,
        io.grpc.stub.StreamObserver<com.relaydesk.v1.CreateWorkerResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getCreateWorkerMethod(), responseObserver);
    }

    /**
     * <pre>
     * Returns one worker. An agent may read only its own worker.
     * Errors: INVALID_ARGUMENT (empty or malformed name), NOT_FOUND,
     * PERMISSION_DENIED (an agent asking for another worker).
     * </pre>
     */
    default void getWorker(com.relaydesk.v1.GetWorkerRequest request,
        io.grpc.stub.StreamObserver<com.relaydesk.v1.GetWorkerResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getGetWorkerMethod(), responseObserver);
    }

    /**
     * <pre>
     * Lists workers, oldest first.
     * Errors: INVALID_ARGUMENT (negative page size, bad page token, malformed
     * activity name).
     * </pre>
     */
    default void listWorkers(com.relaydesk.v1.ListWorkersRequest request,
        io.grpc.stub.StreamObserver<com.relaydesk.v1.ListWorkersResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getListWorkersMethod(), responseObserver);
    }

    /**
     * <pre>
     * Updates the fields named in `update_mask` (all populated fields when unset).
     * Changing `activity` here works as `SetWorkerActivity` does; `identity`
     * cannot change. A lowered capacity takes no task away.
     * Errors: INVALID_ARGUMENT (a field is malformed, or `identity` would
     * change), NOT_FOUND, ABORTED (stale etag), FAILED_PRECONDITION (the activity
     * does not exist).
     * </pre>
     */
    default void updateWorker(com.relaydesk.v1.UpdateWorkerRequest request,
        io.grpc.stub.StreamObserver<com.relaydesk.v1.UpdateWorkerResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getUpdateWorkerMethod(), responseObserver);
    }

    /**
     * <pre>
     * Deletes a worker.
     * Errors: INVALID_ARGUMENT, NOT_FOUND, FAILED_PRECONDITION (tasks are
     * reserved for, assigned to or wrapping with the worker).
     * </pre>
     */
    default void deleteWorker(com.relaydesk.v1.DeleteWorkerRequest request,
        io.grpc.stub.StreamObserver<com.relaydesk.v1.DeleteWorkerResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getDeleteWorkerMethod(), responseObserver);
    }

    /**
     * <pre>
     * Moves a worker to another activity and sets its `activity_change_time`.
     * Into an available activity, the worker can be offered tasks at once; out of
     * one, its PENDING reservations are RESCINDED and their tasks routed again.
     * An agent may change only its own activity.
     * Errors: INVALID_ARGUMENT (empty or malformed name or activity), NOT_FOUND
     * (the worker), FAILED_PRECONDITION (the activity does not exist),
     * PERMISSION_DENIED (an agent acting on another worker).
     * </pre>
     */
    default void setWorkerActivity(com.relaydesk.v1.SetWorkerActivityRequest request,
        io.grpc.stub.StreamObserver<com.relaydesk.v1.SetWorkerActivityResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getSetWorkerActivityMethod(), responseObserver);
    }

    /**
     * <pre>
     * Creates a queue.
     * Errors: INVALID_ARGUMENT (a field is malformed: `target_workers` does not
     * compile, with the compiler's message; `max_reserved_workers` outside 1 to
     * 50; the queue over 64 KiB).
     * </pre>
     */
    default void createQueue(com.relaydesk.v1.CreateQueueRequest request,
        io.grpc.stub.StreamObserver<com.relaydesk.v1.CreateQueueResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getCreateQueueMethod(), responseObserver);
    }

    /**
     * <pre>
     * Returns one queue.
     * Errors: INVALID_ARGUMENT (empty or malformed name), NOT_FOUND.
     * </pre>
     */
    default void getQueue(com.relaydesk.v1.GetQueueRequest request,
        io.grpc.stub.StreamObserver<com.relaydesk.v1.GetQueueResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getGetQueueMethod(), responseObserver);
    }

    /**
     * <pre>
     * Lists queues, oldest first.
     * Errors: INVALID_ARGUMENT (negative page size, bad page token).
     * </pre>
     */
    default void listQueues(com.relaydesk.v1.ListQueuesRequest request,
        io.grpc.stub.StreamObserver<com.relaydesk.v1.ListQueuesResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getListQueuesMethod(), responseObserver);
    }

    /**
     * <pre>
     * Updates the fields named in `update_mask` (all populated fields when unset).
     * Errors: INVALID_ARGUMENT (as for `CreateQueue`), NOT_FOUND, ABORTED (stale
     * etag).
     * </pre>
     */
    default void updateQueue(com.relaydesk.v1.UpdateQueueRequest request,
        io.grpc.stub.StreamObserver<com.relaydesk.v1.UpdateQueueResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getUpdateQueueMethod(), responseObserver);
    }

    /**
     * <pre>
     * Deletes a queue.
     * Errors: INVALID_ARGUMENT, NOT_FOUND, FAILED_PRECONDITION (a workflow refers
     * to it, or a task not yet completed or canceled is in it).
     * </pre>
     */
    default void deleteQueue(com.relaydesk.v1.DeleteQueueRequest request,
        io.grpc.stub.StreamObserver<com.relaydesk.v1.DeleteQueueResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getDeleteQueueMethod(), responseObserver);
    }

    /**
     * <pre>
     * Returns a queue's live figures: tasks by status, the oldest pending task's
     * age, eligible and available workers.
     * Errors: INVALID_ARGUMENT (empty or malformed name), NOT_FOUND.
     * </pre>
     */
    default void getQueueStatistics(com.relaydesk.v1.GetQueueStatisticsRequest request,
        io.grpc.stub.StreamObserver<com.relaydesk.v1.GetQueueStatisticsResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getGetQueueStatisticsMethod(), responseObserver);
    }

    /**
     * <pre>
     * Creates a workflow. Its expressions are compiled here.
     * Errors: INVALID_ARGUMENT (a field is malformed: an expression does not
     * compile, with the compiler's message and the expression's path; a target
     * without a queue; a reservation timeout outside 1 s to 1 day; a target
     * timeout outside 1 s to 14 days; the workflow over 64 KiB),
     * FAILED_PRECONDITION (a referenced queue does not exist).
     * </pre>
     */
    default void createWorkflow(com.relaydesk.v1.CreateWorkflowRequest request,
        io.grpc.stub.StreamObserver<com.relaydesk.v1.CreateWorkflowResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getCreateWorkflowMethod(), responseObserver);
    }

    /**
     * <pre>
     * Returns one workflow.
     * Errors: INVALID_ARGUMENT (empty or malformed name), NOT_FOUND.
     * </pre>
     */
    default void getWorkflow(com.relaydesk.v1.GetWorkflowRequest request,
        io.grpc.stub.StreamObserver<com.relaydesk.v1.GetWorkflowResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getGetWorkflowMethod(), responseObserver);
    }

    /**
     * <pre>
     * Lists workflows, oldest first.
     * Errors: INVALID_ARGUMENT (negative page size, bad page token).
     * </pre>
     */
    default void listWorkflows(com.relaydesk.v1.ListWorkflowsRequest request,
        io.grpc.stub.StreamObserver<com.relaydesk.v1.ListWorkflowsResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getListWorkflowsMethod(), responseObserver);
    }

    /**
     * <pre>
     * Updates the fields named in `update_mask` (all populated fields when unset).
     * Errors: INVALID_ARGUMENT (as for `CreateWorkflow`), NOT_FOUND, ABORTED
     * (stale etag), FAILED_PRECONDITION (a referenced queue does not exist).
     * </pre>
     */
    default void updateWorkflow(com.relaydesk.v1.UpdateWorkflowRequest request,
        io.grpc.stub.StreamObserver<com.relaydesk.v1.UpdateWorkflowResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getUpdateWorkflowMethod(), responseObserver);
    }

    /**
     * <pre>
     * Deletes a workflow.
     * Errors: INVALID_ARGUMENT, NOT_FOUND, FAILED_PRECONDITION (a flow or a bot
     * refers to it, or a task not yet completed or canceled uses it).
     * </pre>
     */
    default void deleteWorkflow(com.relaydesk.v1.DeleteWorkflowRequest request,
        io.grpc.stub.StreamObserver<com.relaydesk.v1.DeleteWorkflowResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getDeleteWorkflowMethod(), responseObserver);
    }
  }

  /**
   * Base class for the server implementation of the service WorkforceService.
   * <pre>
   * Manages the routing configuration: activities, workers, queues and
   * workflows, and the workers' live activity.
   * </pre>
   */
  public static abstract class WorkforceServiceImplBase
      implements io.grpc.BindableService, AsyncService {

    @java.lang.Override public final io.grpc.ServerServiceDefinition bindService() {
      return WorkforceServiceGrpc.bindService(this);
    }
  }

  /**
   * A stub to allow clients to do asynchronous rpc calls to service WorkforceService.
   * <pre>
   * Manages the routing configuration: activities, workers, queues and
   * workflows, and the workers' live activity.
   * </pre>
   */
  public static final class WorkforceServiceStub
      extends io.grpc.stub.AbstractAsyncStub<WorkforceServiceStub> {
    private WorkforceServiceStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected WorkforceServiceStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new WorkforceServiceStub(channel, callOptions);
    }

    /**
     * <pre>
     * Creates an activity.
     * Errors: INVALID_ARGUMENT (a field is malformed, e.g. a display name over
     * 256 characters).
     * </pre>
     */
    public void createActivity(com.relaydesk.v1.CreateActivityRequest request,
        io.grpc.stub.StreamObserver<com.relaydesk.v1.CreateActivityResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getCreateActivityMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Returns one activity.
     * Errors: INVALID_ARGUMENT (empty or malformed name), NOT_FOUND.
     * </pre>
     */
    public void getActivity(com.relaydesk.v1.GetActivityRequest request,
        io.grpc.stub.StreamObserver<com.relaydesk.v1.GetActivityResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getGetActivityMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Lists activities, oldest first (the four default ones come first).
     * Errors: INVALID_ARGUMENT (negative page size, bad page token).
     * </pre>
     */
    public void listActivities(com.relaydesk.v1.ListActivitiesRequest request,
        io.grpc.stub.StreamObserver<com.relaydesk.v1.ListActivitiesResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getListActivitiesMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Updates the fields named in `update_mask` (all populated fields when unset).
     * `available` cannot change.
     * Errors: INVALID_ARGUMENT (a field is malformed, or `available` would
     * change), NOT_FOUND, ABORTED (stale etag).
     * </pre>
     */
    public void updateActivity(com.relaydesk.v1.UpdateActivityRequest request,
        io.grpc.stub.StreamObserver<com.relaydesk.v1.UpdateActivityResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getUpdateActivityMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Deletes an activity.
     * Errors: INVALID_ARGUMENT, NOT_FOUND, FAILED_PRECONDITION (it is the Offline
     * activity, or a worker is in it).
     * </pre>
     */
    public void deleteActivity(com.relaydesk.v1.DeleteActivityRequest request,
        io.grpc.stub.StreamObserver<com.relaydesk.v1.DeleteActivityResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getDeleteActivityMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Creates a worker, in the Offline activity unless `activity` says otherwise.
     * Errors: INVALID_ARGUMENT (empty or reserved `system` identity, an identity
     * or display name over 256 characters, attributes over 16 KiB, a negative
     * capacity), ALREADY_EXISTS (a worker has this identity),
     * FAILED_PRECONDITION (the activity does not exist).
     * </pre>
     */
    public void createWorker(com.relaydesk.v1.CreateWorkerRequest request,
        io.grpc.stub.StreamObserver<com.relaydesk.v1.CreateWorkerResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getCreateWorkerMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Returns one worker. An agent may read only its own worker.
     * Errors: INVALID_ARGUMENT (empty or malformed name), NOT_FOUND,
     * PERMISSION_DENIED (an agent asking for another worker).
     * </pre>
     */
    public void getWorker(com.relaydesk.v1.GetWorkerRequest request,
        io.grpc.stub.StreamObserver<com.relaydesk.v1.GetWorkerResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getGetWorkerMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Lists workers, oldest first.
     * Errors: INVALID_ARGUMENT (negative page size, bad page token, malformed
     * activity name).
     * </pre>
     */
    public void listWorkers(com.relaydesk.v1.ListWorkersRequest request,
        io.grpc.stub.StreamObserver<com.relaydesk.v1.ListWorkersResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getListWorkersMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Updates the fields named in `update_mask` (all populated fields when unset).
     * Changing `activity` here works as `SetWorkerActivity` does; `identity`
     * cannot change. A lowered capacity takes no task away.
     * Errors: INVALID_ARGUMENT (a field is malformed, or `identity` would
     * change), NOT_FOUND, ABORTED (stale etag), FAILED_PRECONDITION (the activity
     * does not exist).
     * </pre>
     */
    public void updateWorker(com.relaydesk.v1.UpdateWorkerRequest request,
        io.grpc.stub.StreamObserver<com.relaydesk.v1.UpdateWorkerResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getUpdateWorkerMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Deletes a worker.
     * Errors: INVALID_ARGUMENT, NOT_FOUND, FAILED_PRECONDITION (tasks are
     * reserved for, assigned to or wrapping with the worker).
     * </pre>
     */
    public void deleteWorker(com.relaydesk.v1.DeleteWorkerRequest request,
        io.grpc.stub.StreamObserver<com.relaydesk.v1.DeleteWorkerResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getDeleteWorkerMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Moves a worker to another activity and sets its `activity_change_time`.
     * Into an available activity, the worker can be offered tasks at once; out of
     * one, its PENDING reservations are RESCINDED and their tasks routed again.
     * An agent may change only its own activity.
     * Errors: INVALID_ARGUMENT (empty or malformed name or activity), NOT_FOUND
     * (the worker), FAILED_PRECONDITION (the activity does not exist),
     * PERMISSION_DENIED (an agent acting on another worker).
     * </pre>
     */
    public void setWorkerActivity(com.relaydesk.v1.SetWorkerActivityRequest request,
        io.grpc.stub.StreamObserver<com.relaydesk.v1.SetWorkerActivityResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getSetWorkerActivityMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Creates a queue.
     * Errors: INVALID_ARGUMENT (a field is malformed: `target_workers` does not
     * compile, with the compiler's message; `max_reserved_workers` outside 1 to
     * 50; the queue over 64 KiB).
     * </pre>
     */
    public void createQueue(com.relaydesk.v1.CreateQueueRequest request,
        io.grpc.stub.StreamObserver<com.relaydesk.v1.CreateQueueResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getCreateQueueMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Returns one queue.
     * Errors: INVALID_ARGUMENT (empty or malformed name), NOT_FOUND.
     * </pre>
     */
    public void getQueue(com.relaydesk.v1.GetQueueRequest request,
        io.grpc.stub.StreamObserver<com.relaydesk.v1.GetQueueResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getGetQueueMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Lists queues, oldest first.
     * Errors: INVALID_ARGUMENT (negative page size, bad page token).
     * </pre>
     */
    public void listQueues(com.relaydesk.v1.ListQueuesRequest request,
        io.grpc.stub.StreamObserver<com.relaydesk.v1.ListQueuesResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getListQueuesMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Updates the fields named in `update_mask` (all populated fields when unset).
     * Errors: INVALID_ARGUMENT (as for `CreateQueue`), NOT_FOUND, ABORTED (stale
     * etag).
     * </pre>
     */
    public void updateQueue(com.relaydesk.v1.UpdateQueueRequest request,
        io.grpc.stub.StreamObserver<com.relaydesk.v1.UpdateQueueResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getUpdateQueueMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Deletes a queue.
     * Errors: INVALID_ARGUMENT, NOT_FOUND, FAILED_PRECONDITION (a workflow refers
     * to it, or a task not yet completed or canceled is in it).
     * </pre>
     */
    public void deleteQueue(com.relaydesk.v1.DeleteQueueRequest request,
        io.grpc.stub.StreamObserver<com.relaydesk.v1.DeleteQueueResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getDeleteQueueMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Returns a queue's live figures: tasks by status, the oldest pending task's
     * age, eligible and available workers.
     * Errors: INVALID_ARGUMENT (empty or malformed name), NOT_FOUND.
     * </pre>
     */
    public void getQueueStatistics(com.relaydesk.v1.GetQueueStatisticsRequest request,
        io.grpc.stub.StreamObserver<com.relaydesk.v1.GetQueueStatisticsResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getGetQueueStatisticsMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Creates a workflow. Its expressions are compiled here.
     * Errors: INVALID_ARGUMENT (a field is malformed: an expression does not
     * compile, with the compiler's message and the expression's path; a target
     * without a queue; a reservation timeout outside 1 s to 1 day; a target
     * timeout outside 1 s to 14 days; the workflow over 64 KiB),
     * FAILED_PRECONDITION (a referenced queue does not exist).
     * </pre>
     */
    public void createWorkflow(com.relaydesk.v1.CreateWorkflowRequest request,
        io.grpc.stub.StreamObserver<com.relaydesk.v1.CreateWorkflowResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getCreateWorkflowMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Returns one workflow.
     * Errors: INVALID_ARGUMENT (empty or malformed name), NOT_FOUND.
     * </pre>
     */
    public void getWorkflow(com.relaydesk.v1.GetWorkflowRequest request,
        io.grpc.stub.StreamObserver<com.relaydesk.v1.GetWorkflowResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getGetWorkflowMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Lists workflows, oldest first.
     * Errors: INVALID_ARGUMENT (negative page size, bad page token).
     * </pre>
     */
    public void listWorkflows(com.relaydesk.v1.ListWorkflowsRequest request,
        io.grpc.stub.StreamObserver<com.relaydesk.v1.ListWorkflowsResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getListWorkflowsMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Updates the fields named in `update_mask` (all populated fields when unset).
     * Errors: INVALID_ARGUMENT (as for `CreateWorkflow`), NOT_FOUND, ABORTED
     * (stale etag), FAILED_PRECONDITION (a referenced queue does not exist).
     * </pre>
     */
    public void updateWorkflow(com.relaydesk.v1.UpdateWorkflowRequest request,
        io.grpc.stub.StreamObserver<com.relaydesk.v1.UpdateWorkflowResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getUpdateWorkflowMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Deletes a workflow.
     * Errors: INVALID_ARGUMENT, NOT_FOUND, FAILED_PRECONDITION (a flow or a bot
     * refers to it, or a task not yet completed or canceled uses it).
     * </pre>
     */
    public void deleteWorkflow(com.relaydesk.v1.DeleteWorkflowRequest request,
        io.grpc.stub.StreamObserver<com.relaydesk.v1.DeleteWorkflowResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getDeleteWorkflowMethod(), getCallOptions()), request, responseObserver);
    }
  }

  /**
   * A stub to allow clients to do synchronous rpc calls to service WorkforceService.
   * <pre>
   * Manages the routing configuration: activities, workers, queues and
   * workflows, and the workers' live activity.
   * </pre>
   */
  public static final class WorkforceServiceBlockingV2Stub
      extends io.grpc.stub.AbstractBlockingStub<WorkforceServiceBlockingV2Stub> {
    private WorkforceServiceBlockingV2Stub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected WorkforceServiceBlockingV2Stub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new WorkforceServiceBlockingV2Stub(channel, callOptions);
    }

    /**
     * <pre>
     * Creates an activity.
     * Errors: INVALID_ARGUMENT (a field is malformed, e.g. a display name over
     * 256 characters).
     * </pre>
     */
    public com.relaydesk.v1.CreateActivityResponse createActivity(com.relaydesk.v1.CreateActivityRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getCreateActivityMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Returns one activity.
     * Errors: INVALID_ARGUMENT (empty or malformed name), NOT_FOUND.
     * </pre>
     */
    public com.relaydesk.v1.GetActivityResponse getActivity(com.relaydesk.v1.GetActivityRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getGetActivityMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Lists activities, oldest first (the four default ones come first).
     * Errors: INVALID_ARGUMENT (negative page size, bad page token).
     * </pre>
     */
    public com.relaydesk.v1.ListActivitiesResponse listActivities(com.relaydesk.v1.ListActivitiesRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getListActivitiesMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Updates the fields named in `update_mask` (all populated fields when unset).
     * `available` cannot change.
     * Errors: INVALID_ARGUMENT (a field is malformed, or `available` would
     * change), NOT_FOUND, ABORTED (stale etag).
     * </pre>
     */
    public com.relaydesk.v1.UpdateActivityResponse updateActivity(com.relaydesk.v1.UpdateActivityRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getUpdateActivityMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Deletes an activity.
     * Errors: INVALID_ARGUMENT, NOT_FOUND, FAILED_PRECONDITION (it is the Offline
     * activity, or a worker is in it).
     * </pre>
     */
    public com.relaydesk.v1.DeleteActivityResponse deleteActivity(com.relaydesk.v1.DeleteActivityRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getDeleteActivityMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Creates a worker, in the Offline activity unless `activity` says otherwise.
     * Errors: INVALID_ARGUMENT (empty or reserved `system` identity, an identity
     * or display name over 256 characters, attributes over 16 KiB, a negative
     * capacity), ALREADY_EXISTS (a worker has this identity),
     * FAILED_PRECONDITION (the activity does not exist).
     * </pre>
     */
    public com.relaydesk.v1.CreateWorkerResponse createWorker(com.relaydesk.v1.CreateWorkerRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getCreateWorkerMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Returns one worker. An agent may read only its own worker.
     * Errors: INVALID_ARGUMENT (empty or malformed name), NOT_FOUND,
     * PERMISSION_DENIED (an agent asking for another worker).
     * </pre>
     */
    public com.relaydesk.v1.GetWorkerResponse getWorker(com.relaydesk.v1.GetWorkerRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getGetWorkerMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Lists workers, oldest first.
     * Errors: INVALID_ARGUMENT (negative page size, bad page token, malformed
     * activity name).
     * </pre>
     */
    public com.relaydesk.v1.ListWorkersResponse listWorkers(com.relaydesk.v1.ListWorkersRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getListWorkersMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Updates the fields named in `update_mask` (all populated fields when unset).
     * Changing `activity` here works as `SetWorkerActivity` does; `identity`
     * cannot change. A lowered capacity takes no task away.
     * Errors: INVALID_ARGUMENT (a field is malformed, or `identity` would
     * change), NOT_FOUND, ABORTED (stale etag), FAILED_PRECONDITION (the activity
     * does not exist).
     * </pre>
     */
    public com.relaydesk.v1.UpdateWorkerResponse updateWorker(com.relaydesk.v1.UpdateWorkerRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getUpdateWorkerMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Deletes a worker.
     * Errors: INVALID_ARGUMENT, NOT_FOUND, FAILED_PRECONDITION (tasks are
     * reserved for, assigned to or wrapping with the worker).
     * </pre>
     */
    public com.relaydesk.v1.DeleteWorkerResponse deleteWorker(com.relaydesk.v1.DeleteWorkerRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getDeleteWorkerMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Moves a worker to another activity and sets its `activity_change_time`.
     * Into an available activity, the worker can be offered tasks at once; out of
     * one, its PENDING reservations are RESCINDED and their tasks routed again.
     * An agent may change only its own activity.
     * Errors: INVALID_ARGUMENT (empty or malformed name or activity), NOT_FOUND
     * (the worker), FAILED_PRECONDITION (the activity does not exist),
     * PERMISSION_DENIED (an agent acting on another worker).
     * </pre>
     */
    public com.relaydesk.v1.SetWorkerActivityResponse setWorkerActivity(com.relaydesk.v1.SetWorkerActivityRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getSetWorkerActivityMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Creates a queue.
     * Errors: INVALID_ARGUMENT (a field is malformed: `target_workers` does not
     * compile, with the compiler's message; `max_reserved_workers` outside 1 to
     * 50; the queue over 64 KiB).
     * </pre>
     */
    public com.relaydesk.v1.CreateQueueResponse createQueue(com.relaydesk.v1.CreateQueueRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getCreateQueueMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Returns one queue.
     * Errors: INVALID_ARGUMENT (empty or malformed name), NOT_FOUND.
     * </pre>
     */
    public com.relaydesk.v1.GetQueueResponse getQueue(com.relaydesk.v1.GetQueueRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getGetQueueMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Lists queues, oldest first.
     * Errors: INVALID_ARGUMENT (negative page size, bad page token).
     * </pre>
     */
    public com.relaydesk.v1.ListQueuesResponse listQueues(com.relaydesk.v1.ListQueuesRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getListQueuesMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Updates the fields named in `update_mask` (all populated fields when unset).
     * Errors: INVALID_ARGUMENT (as for `CreateQueue`), NOT_FOUND, ABORTED (stale
     * etag).
     * </pre>
     */
    public com.relaydesk.v1.UpdateQueueResponse updateQueue(com.relaydesk.v1.UpdateQueueRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getUpdateQueueMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Deletes a queue.
     * Errors: INVALID_ARGUMENT, NOT_FOUND, FAILED_PRECONDITION (a workflow refers
     * to it, or a task not yet completed or canceled is in it).
     * </pre>
     */
    public com.relaydesk.v1.DeleteQueueResponse deleteQueue(com.relaydesk.v1.DeleteQueueRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getDeleteQueueMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Returns a queue's live figures: tasks by status, the oldest pending task's
     * age, eligible and available workers.
     * Errors: INVALID_ARGUMENT (empty or malformed name), NOT_FOUND.
     * </pre>
     */
    public com.relaydesk.v1.GetQueueStatisticsResponse getQueueStatistics(com.relaydesk.v1.GetQueueStatisticsRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getGetQueueStatisticsMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Creates a workflow. Its expressions are compiled here.
     * Errors: INVALID_ARGUMENT (a field is malformed: an expression does not
     * compile, with the compiler's message and the expression's path; a target
     * without a queue; a reservation timeout outside 1 s to 1 day; a target
     * timeout outside 1 s to 14 days; the workflow over 64 KiB),
     * FAILED_PRECONDITION (a referenced queue does not exist).
     * </pre>
     */
    public com.relaydesk.v1.CreateWorkflowResponse createWorkflow(com.relaydesk.v1.CreateWorkflowRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getCreateWorkflowMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Returns one workflow.
     * Errors: INVALID_ARGUMENT (empty or malformed name), NOT_FOUND.
     * </pre>
     */
    public com.relaydesk.v1.GetWorkflowResponse getWorkflow(com.relaydesk.v1.GetWorkflowRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getGetWorkflowMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Lists workflows, oldest first.
     * Errors: INVALID_ARGUMENT (negative page size, bad page token).
     * </pre>
     */
    public com.relaydesk.v1.ListWorkflowsResponse listWorkflows(com.relaydesk.v1.ListWorkflowsRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getListWorkflowsMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Updates the fields named in `update_mask` (all populated fields when unset).
     * Errors: INVALID_ARGUMENT (as for `CreateWorkflow`), NOT_FOUND, ABORTED
     * (stale etag), FAILED_PRECONDITION (a referenced queue does not exist).
     * </pre>
     */
    public com.relaydesk.v1.UpdateWorkflowResponse updateWorkflow(com.relaydesk.v1.UpdateWorkflowRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getUpdateWorkflowMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Deletes a workflow.
     * Errors: INVALID_ARGUMENT, NOT_FOUND, FAILED_PRECONDITION (a flow or a bot
     * refers to it, or a task not yet completed or canceled uses it).
     * </pre>
     */
    public com.relaydesk.v1.DeleteWorkflowResponse deleteWorkflow(com.relaydesk.v1.DeleteWorkflowRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getDeleteWorkflowMethod(), getCallOptions(), request);
    }
  }

  /**
   * A stub to allow clients to do limited synchronous rpc calls to service WorkforceService.
   * <pre>
   * Manages the routing configuration: activities, workers, queues and
   * workflows, and the workers' live activity.
   * </pre>
   */
  public static final class WorkforceServiceBlockingStub
      extends io.grpc.stub.AbstractBlockingStub<WorkforceServiceBlockingStub> {
    private WorkforceServiceBlockingStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected WorkforceServiceBlockingStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new WorkforceServiceBlockingStub(channel, callOptions);
    }

    /**
     * <pre>
     * Creates an activity.
     * Errors: INVALID_ARGUMENT (a field is malformed, e.g. a display name over
     * 256 characters).
     * </pre>
     */
    public com.relaydesk.v1.CreateActivityResponse createActivity(com.relaydesk.v1.CreateActivityRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getCreateActivityMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Returns one activity.
     * Errors: INVALID_ARGUMENT (empty or malformed name), NOT_FOUND.
     * </pre>
     */
    public com.relaydesk.v1.GetActivityResponse getActivity(com.relaydesk.v1.GetActivityRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getGetActivityMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Lists activities, oldest first (the four default ones come first).
     * Errors: INVALID_ARGUMENT (negative page size, bad page token).
     * </pre>
     */
    public com.relaydesk.v1.ListActivitiesResponse listActivities(com.relaydesk.v1.ListActivitiesRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getListActivitiesMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Updates the fields named in `update_mask` (all populated fields when unset).
     * `available` cannot change.
     * Errors: INVALID_ARGUMENT (a field is malformed, or `available` would
     * change), NOT_FOUND, ABORTED (stale etag).
     * </pre>
     */
    public com.relaydesk.v1.UpdateActivityResponse updateActivity(com.relaydesk.v1.UpdateActivityRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getUpdateActivityMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Deletes an activity.
     * Errors: INVALID_ARGUMENT, NOT_FOUND, FAILED_PRECONDITION (it is the Offline
     * activity, or a worker is in it).
     * </pre>
     */
    public com.relaydesk.v1.DeleteActivityResponse deleteActivity(com.relaydesk.v1.DeleteActivityRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getDeleteActivityMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Creates a worker, in the Offline activity unless `activity` says otherwise.
     * Errors: INVALID_ARGUMENT (empty or reserved `system` identity, an identity
     * or display name over 256 characters, attributes over 16 KiB, a negative
     * capacity), ALREADY_EXISTS (a worker has this identity),
     * FAILED_PRECONDITION (the activity does not exist).
     * </pre>
     */
    public com.relaydesk.v1.CreateWorkerResponse createWorker(com.relaydesk.v1.CreateWorkerRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getCreateWorkerMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Returns one worker. An agent may read only its own worker.
     * Errors: INVALID_ARGUMENT (empty or malformed name), NOT_FOUND,
     * PERMISSION_DENIED (an agent asking for another worker).
     * </pre>
     */
    public com.relaydesk.v1.GetWorkerResponse getWorker(com.relaydesk.v1.GetWorkerRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getGetWorkerMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Lists workers, oldest first.
     * Errors: INVALID_ARGUMENT (negative page size, bad page token, malformed
     * activity name).
     * </pre>
     */
    public com.relaydesk.v1.ListWorkersResponse listWorkers(com.relaydesk.v1.ListWorkersRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getListWorkersMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Updates the fields named in `update_mask` (all populated fields when unset).
     * Changing `activity` here works as `SetWorkerActivity` does; `identity`
     * cannot change. A lowered capacity takes no task away.
     * Errors: INVALID_ARGUMENT (a field is malformed, or `identity` would
     * change), NOT_FOUND, ABORTED (stale etag), FAILED_PRECONDITION (the activity
     * does not exist).
     * </pre>
     */
    public com.relaydesk.v1.UpdateWorkerResponse updateWorker(com.relaydesk.v1.UpdateWorkerRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getUpdateWorkerMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Deletes a worker.
     * Errors: INVALID_ARGUMENT, NOT_FOUND, FAILED_PRECONDITION (tasks are
     * reserved for, assigned to or wrapping with the worker).
     * </pre>
     */
    public com.relaydesk.v1.DeleteWorkerResponse deleteWorker(com.relaydesk.v1.DeleteWorkerRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getDeleteWorkerMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Moves a worker to another activity and sets its `activity_change_time`.
     * Into an available activity, the worker can be offered tasks at once; out of
     * one, its PENDING reservations are RESCINDED and their tasks routed again.
     * An agent may change only its own activity.
     * Errors: INVALID_ARGUMENT (empty or malformed name or activity), NOT_FOUND
     * (the worker), FAILED_PRECONDITION (the activity does not exist),
     * PERMISSION_DENIED (an agent acting on another worker).
     * </pre>
     */
    public com.relaydesk.v1.SetWorkerActivityResponse setWorkerActivity(com.relaydesk.v1.SetWorkerActivityRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getSetWorkerActivityMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Creates a queue.
     * Errors: INVALID_ARGUMENT (a field is malformed: `target_workers` does not
     * compile, with the compiler's message; `max_reserved_workers` outside 1 to
     * 50; the queue over 64 KiB).
     * </pre>
     */
    public com.relaydesk.v1.CreateQueueResponse createQueue(com.relaydesk.v1.CreateQueueRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getCreateQueueMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Returns one queue.
     * Errors: INVALID_ARGUMENT (empty or malformed name), NOT_FOUND.
     * </pre>
     */
    public com.relaydesk.v1.GetQueueResponse getQueue(com.relaydesk.v1.GetQueueRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getGetQueueMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Lists queues, oldest first.
     * Errors: INVALID_ARGUMENT (negative page size, bad page token).
     * </pre>
     */
    public com.relaydesk.v1.ListQueuesResponse listQueues(com.relaydesk.v1.ListQueuesRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getListQueuesMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Updates the fields named in `update_mask` (all populated fields when unset).
     * Errors: INVALID_ARGUMENT (as for `CreateQueue`), NOT_FOUND, ABORTED (stale
     * etag).
     * </pre>
     */
    public com.relaydesk.v1.UpdateQueueResponse updateQueue(com.relaydesk.v1.UpdateQueueRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getUpdateQueueMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Deletes a queue.
     * Errors: INVALID_ARGUMENT, NOT_FOUND, FAILED_PRECONDITION (a workflow refers
     * to it, or a task not yet completed or canceled is in it).
     * </pre>
     */
    public com.relaydesk.v1.DeleteQueueResponse deleteQueue(com.relaydesk.v1.DeleteQueueRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getDeleteQueueMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Returns a queue's live figures: tasks by status, the oldest pending task's
     * age, eligible and available workers.
     * Errors: INVALID_ARGUMENT (empty or malformed name), NOT_FOUND.
     * </pre>
     */
    public com.relaydesk.v1.GetQueueStatisticsResponse getQueueStatistics(com.relaydesk.v1.GetQueueStatisticsRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getGetQueueStatisticsMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Creates a workflow. Its expressions are compiled here.
     * Errors: INVALID_ARGUMENT (a field is malformed: an expression does not
     * compile, with the compiler's message and the expression's path; a target
     * without a queue; a reservation timeout outside 1 s to 1 day; a target
     * timeout outside 1 s to 14 days; the workflow over 64 KiB),
     * FAILED_PRECONDITION (a referenced queue does not exist).
     * </pre>
     */
    public com.relaydesk.v1.CreateWorkflowResponse createWorkflow(com.relaydesk.v1.CreateWorkflowRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getCreateWorkflowMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Returns one workflow.
     * Errors: INVALID_ARGUMENT (empty or malformed name), NOT_FOUND.
     * </pre>
     */
    public com.relaydesk.v1.GetWorkflowResponse getWorkflow(com.relaydesk.v1.GetWorkflowRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getGetWorkflowMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Lists workflows, oldest first.
     * Errors: INVALID_ARGUMENT (negative page size, bad page token).
     * </pre>
     */
    public com.relaydesk.v1.ListWorkflowsResponse listWorkflows(com.relaydesk.v1.ListWorkflowsRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getListWorkflowsMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Updates the fields named in `update_mask` (all populated fields when unset).
     * Errors: INVALID_ARGUMENT (as for `CreateWorkflow`), NOT_FOUND, ABORTED
     * (stale etag), FAILED_PRECONDITION (a referenced queue does not exist).
     * </pre>
     */
    public com.relaydesk.v1.UpdateWorkflowResponse updateWorkflow(com.relaydesk.v1.UpdateWorkflowRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getUpdateWorkflowMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Deletes a workflow.
     * Errors: INVALID_ARGUMENT, NOT_FOUND, FAILED_PRECONDITION (a flow or a bot
     * refers to it, or a task not yet completed or canceled uses it).
     * </pre>
     */
    public com.relaydesk.v1.DeleteWorkflowResponse deleteWorkflow(com.relaydesk.v1.DeleteWorkflowRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getDeleteWorkflowMethod(), getCallOptions(), request);
    }
  }

  /**
   * A stub to allow clients to do ListenableFuture-style rpc calls to service WorkforceService.
   * <pre>
   * Manages the routing configuration: activities, workers, queues and
   * workflows, and the workers' live activity.
   * </pre>
   */
  public static final class WorkforceServiceFutureStub
      extends io.grpc.stub.AbstractFutureStub<WorkforceServiceFutureStub> {
    private WorkforceServiceFutureStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected WorkforceServiceFutureStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new WorkforceServiceFutureStub(channel, callOptions);
    }

    /**
     * <pre>
     * Creates an activity.
     * Errors: INVALID_ARGUMENT (a field is malformed, e.g. a display name over
     * 256 characters).
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<com.relaydesk.v1.CreateActivityResponse> createActivity(
        com.relaydesk.v1.CreateActivityRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getCreateActivityMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Returns one activity.
     * Errors: INVALID_ARGUMENT (empty or malformed name), NOT_FOUND.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<com.relaydesk.v1.GetActivityResponse> getActivity(
        com.relaydesk.v1.GetActivityRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getGetActivityMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Lists activities, oldest first (the four default ones come first).
     * Errors: INVALID_ARGUMENT (negative page size, bad page token).
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<com.relaydesk.v1.ListActivitiesResponse> listActivities(
        com.relaydesk.v1.ListActivitiesRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getListActivitiesMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Updates the fields named in `update_mask` (all populated fields when unset).
     * `available` cannot change.
     * Errors: INVALID_ARGUMENT (a field is malformed, or `available` would
     * change), NOT_FOUND, ABORTED (stale etag).
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<com.relaydesk.v1.UpdateActivityResponse> updateActivity(
        com.relaydesk.v1.UpdateActivityRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getUpdateActivityMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Deletes an activity.
     * Errors: INVALID_ARGUMENT, NOT_FOUND, FAILED_PRECONDITION (it is the Offline
     * activity, or a worker is in it).
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<com.relaydesk.v1.DeleteActivityResponse> deleteActivity(
        com.relaydesk.v1.DeleteActivityRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getDeleteActivityMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Creates a worker, in the Offline activity unless `activity` says otherwise.
     * Errors: INVALID_ARGUMENT (empty or reserved `system` identity, an identity
     * or display name over 256 characters, attributes over 16 KiB, a negative
     * capacity), ALREADY_EXISTS (a worker has this identity),
     * FAILED_PRECONDITION (the activity does not exist).
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<com.relaydesk.v1.CreateWorkerResponse> createWorker(
        com.relaydesk.v1.CreateWorkerRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getCreateWorkerMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Returns one worker. An agent may read only its own worker.
     * Errors: INVALID_ARGUMENT (empty or malformed name), NOT_FOUND,
     * PERMISSION_DENIED (an agent asking for another worker).
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<com.relaydesk.v1.GetWorkerResponse> getWorker(
        com.relaydesk.v1.GetWorkerRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getGetWorkerMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Lists workers, oldest first.
     * Errors: INVALID_ARGUMENT (negative page size, bad page token, malformed
     * activity name).
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<com.relaydesk.v1.ListWorkersResponse> listWorkers(
        com.relaydesk.v1.ListWorkersRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getListWorkersMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Updates the fields named in `update_mask` (all populated fields when unset).
     * Changing `activity` here works as `SetWorkerActivity` does; `identity`
     * cannot change. A lowered capacity takes no task away.
     * Errors: INVALID_ARGUMENT (a field is malformed, or `identity` would
     * change), NOT_FOUND, ABORTED (stale etag), FAILED_PRECONDITION (the activity
     * does not exist).
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<com.relaydesk.v1.UpdateWorkerResponse> updateWorker(
        com.relaydesk.v1.UpdateWorkerRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getUpdateWorkerMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Deletes a worker.
     * Errors: INVALID_ARGUMENT, NOT_FOUND, FAILED_PRECONDITION (tasks are
     * reserved for, assigned to or wrapping with the worker).
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<com.relaydesk.v1.DeleteWorkerResponse> deleteWorker(
        com.relaydesk.v1.DeleteWorkerRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getDeleteWorkerMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Moves a worker to another activity and sets its `activity_change_time`.
     * Into an available activity, the worker can be offered tasks at once; out of
     * one, its PENDING reservations are RESCINDED and their tasks routed again.
     * An agent may change only its own activity.
     * Errors: INVALID_ARGUMENT (empty or malformed name or activity), NOT_FOUND
     * (the worker), FAILED_PRECONDITION (the activity does not exist),
     * PERMISSION_DENIED (an agent acting on another worker).
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<com.relaydesk.v1.SetWorkerActivityResponse> setWorkerActivity(
        com.relaydesk.v1.SetWorkerActivityRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getSetWorkerActivityMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Creates a queue.
     * Errors: INVALID_ARGUMENT (a field is malformed: `target_workers` does not
     * compile, with the compiler's message; `max_reserved_workers` outside 1 to
     * 50; the queue over 64 KiB).
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<com.relaydesk.v1.CreateQueueResponse> createQueue(
        com.relaydesk.v1.CreateQueueRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getCreateQueueMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Returns one queue.
     * Errors: INVALID_ARGUMENT (empty or malformed name), NOT_FOUND.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<com.relaydesk.v1.GetQueueResponse> getQueue(
        com.relaydesk.v1.GetQueueRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getGetQueueMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Lists queues, oldest first.
     * Errors: INVALID_ARGUMENT (negative page size, bad page token).
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<com.relaydesk.v1.ListQueuesResponse> listQueues(
        com.relaydesk.v1.ListQueuesRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getListQueuesMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Updates the fields named in `update_mask` (all populated fields when unset).
     * Errors: INVALID_ARGUMENT (as for `CreateQueue`), NOT_FOUND, ABORTED (stale
     * etag).
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<com.relaydesk.v1.UpdateQueueResponse> updateQueue(
        com.relaydesk.v1.UpdateQueueRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getUpdateQueueMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Deletes a queue.
     * Errors: INVALID_ARGUMENT, NOT_FOUND, FAILED_PRECONDITION (a workflow refers
     * to it, or a task not yet completed or canceled is in it).
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<com.relaydesk.v1.DeleteQueueResponse> deleteQueue(
        com.relaydesk.v1.DeleteQueueRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getDeleteQueueMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Returns a queue's live figures: tasks by status, the oldest pending task's
     * age, eligible and available workers.
     * Errors: INVALID_ARGUMENT (empty or malformed name), NOT_FOUND.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<com.relaydesk.v1.GetQueueStatisticsResponse> getQueueStatistics(
        com.relaydesk.v1.GetQueueStatisticsRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getGetQueueStatisticsMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Creates a workflow. Its expressions are compiled here.
     * Errors: INVALID_ARGUMENT (a field is malformed: an expression does not
     * compile, with the compiler's message and the expression's path; a target
     * without a queue; a reservation timeout outside 1 s to 1 day; a target
     * timeout outside 1 s to 14 days; the workflow over 64 KiB),
     * FAILED_PRECONDITION (a referenced queue does not exist).
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<com.relaydesk.v1.CreateWorkflowResponse> createWorkflow(
        com.relaydesk.v1.CreateWorkflowRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getCreateWorkflowMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Returns one workflow.
     * Errors: INVALID_ARGUMENT (empty or malformed name), NOT_FOUND.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<com.relaydesk.v1.GetWorkflowResponse> getWorkflow(
        com.relaydesk.v1.GetWorkflowRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getGetWorkflowMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Lists workflows, oldest first.
     * Errors: INVALID_ARGUMENT (negative page size, bad page token).
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<com.relaydesk.v1.ListWorkflowsResponse> listWorkflows(
        com.relaydesk.v1.ListWorkflowsRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getListWorkflowsMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Updates the fields named in `update_mask` (all populated fields when unset).
     * Errors: INVALID_ARGUMENT (as for `CreateWorkflow`), NOT_FOUND, ABORTED
     * (stale etag), FAILED_PRECONDITION (a referenced queue does not exist).
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<com.relaydesk.v1.UpdateWorkflowResponse> updateWorkflow(
        com.relaydesk.v1.UpdateWorkflowRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getUpdateWorkflowMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Deletes a workflow.
     * Errors: INVALID_ARGUMENT, NOT_FOUND, FAILED_PRECONDITION (a flow or a bot
     * refers to it, or a task not yet completed or canceled uses it).
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<com.relaydesk.v1.DeleteWorkflowResponse> deleteWorkflow(
        com.relaydesk.v1.DeleteWorkflowRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getDeleteWorkflowMethod(), getCallOptions()), request);
    }
  }

  private static final int METHODID_CREATE_ACTIVITY = 0;
  private static final int METHODID_GET_ACTIVITY = 1;
  private static final int METHODID_LIST_ACTIVITIES = 2;
  private static final int METHODID_UPDATE_ACTIVITY = 3;
  private static final int METHODID_DELETE_ACTIVITY = 4;
  private static final int METHODID_CREATE_WORKER = 5;
  private static final int METHODID_GET_WORKER = 6;
  private static final int METHODID_LIST_WORKERS = 7;
  private static final int METHODID_UPDATE_WORKER = 8;
  private static final int METHODID_DELETE_WORKER = 9;
  private static final int METHODID_SET_WORKER_ACTIVITY = 10;
  private static final int METHODID_CREATE_QUEUE = 11;
  private static final int METHODID_GET_QUEUE = 12;
  private static final int METHODID_LIST_QUEUES = 13;
  private static final int METHODID_UPDATE_QUEUE = 14;
  private static final int METHODID_DELETE_QUEUE = 15;
  private static final int METHODID_GET_QUEUE_STATISTICS = 16;
  private static final int METHODID_CREATE_WORKFLOW = 17;
  private static final int METHODID_GET_WORKFLOW = 18;
  private static final int METHODID_LIST_WORKFLOWS = 19;
  private static final int METHODID_UPDATE_WORKFLOW = 20;
  private static final int METHODID_DELETE_WORKFLOW = 21;

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
        case METHODID_CREATE_ACTIVITY:
          serviceImpl.createActivity((com.relaydesk.v1.CreateActivityRequest) request,
              (io.grpc.stub.StreamObserver<com.relaydesk.v1.CreateActivityResponse>) responseObserver);
          break;
        case METHODID_GET_ACTIVITY:
          serviceImpl.getActivity((com.relaydesk.v1.GetActivityRequest) request,
              (io.grpc.stub.StreamObserver<com.relaydesk.v1.GetActivityResponse>) responseObserver);
          break;
        case METHODID_LIST_ACTIVITIES:
          serviceImpl.listActivities((com.relaydesk.v1.ListActivitiesRequest) request,
              (io.grpc.stub.StreamObserver<com.relaydesk.v1.ListActivitiesResponse>) responseObserver);
          break;
        case METHODID_UPDATE_ACTIVITY:
          serviceImpl.updateActivity((com.relaydesk.v1.UpdateActivityRequest) request,
              (io.grpc.stub.StreamObserver<com.relaydesk.v1.UpdateActivityResponse>) responseObserver);
          break;
        case METHODID_DELETE_ACTIVITY:
          serviceImpl.deleteActivity((com.relaydesk.v1.DeleteActivityRequest) request,
              (io.grpc.stub.StreamObserver<com.relaydesk.v1.DeleteActivityResponse>) responseObserver);
          break;
        case METHODID_CREATE_WORKER:
          serviceImpl.createWorker((com.relaydesk.v1.CreateWorkerRequest) request,
              (io.grpc.stub.StreamObserver<com.relaydesk.v1.CreateWorkerResponse>) responseObserver);
          break;
        case METHODID_GET_WORKER:
          serviceImpl.getWorker((com.relaydesk.v1.GetWorkerRequest) request,
              (io.grpc.stub.StreamObserver<com.relaydesk.v1.GetWorkerResponse>) responseObserver);
          break;
        case METHODID_LIST_WORKERS:
          serviceImpl.listWorkers((com.relaydesk.v1.ListWorkersRequest) request,
              (io.grpc.stub.StreamObserver<com.relaydesk.v1.ListWorkersResponse>) responseObserver);
          break;
        case METHODID_UPDATE_WORKER:
          serviceImpl.updateWorker((com.relaydesk.v1.UpdateWorkerRequest) request,
              (io.grpc.stub.StreamObserver<com.relaydesk.v1.UpdateWorkerResponse>) responseObserver);
          break;
        case METHODID_DELETE_WORKER:
          serviceImpl.deleteWorker((com.relaydesk.v1.DeleteWorkerRequest) request,
              (io.grpc.stub.StreamObserver<com.relaydesk.v1.DeleteWorkerResponse>) responseObserver);
          break;
        case METHODID_SET_WORKER_ACTIVITY:
          serviceImpl.setWorkerActivity((com.relaydesk.v1.SetWorkerActivityRequest) request,
              (io.grpc.stub.StreamObserver<com.relaydesk.v1.SetWorkerActivityResponse>) responseObserver);
          break;
        case METHODID_CREATE_QUEUE:
          serviceImpl.createQueue((com.relaydesk.v1.CreateQueueRequest) request,
              (io.grpc.stub.StreamObserver<com.relaydesk.v1.CreateQueueResponse>) responseObserver);
          break;
        case METHODID_GET_QUEUE:
          serviceImpl.getQueue((com.relaydesk.v1.GetQueueRequest) request,
              (io.grpc.stub.StreamObserver<com.relaydesk.v1.GetQueueResponse>) responseObserver);
          break;
        case METHODID_LIST_QUEUES:
          serviceImpl.listQueues((com.relaydesk.v1.ListQueuesRequest) request,
              (io.grpc.stub.StreamObserver<com.relaydesk.v1.ListQueuesResponse>) responseObserver);
          break;
        case METHODID_UPDATE_QUEUE:
          serviceImpl.updateQueue((com.relaydesk.v1.UpdateQueueRequest) request,
              (io.grpc.stub.StreamObserver<com.relaydesk.v1.UpdateQueueResponse>) responseObserver);
          break;
        case METHODID_DELETE_QUEUE:
          serviceImpl.deleteQueue((com.relaydesk.v1.DeleteQueueRequest) request,
              (io.grpc.stub.StreamObserver<com.relaydesk.v1.DeleteQueueResponse>) responseObserver);
          break;
        case METHODID_GET_QUEUE_STATISTICS:
          serviceImpl.getQueueStatistics((com.relaydesk.v1.GetQueueStatisticsRequest) request,
              (io.grpc.stub.StreamObserver<com.relaydesk.v1.GetQueueStatisticsResponse>) responseObserver);
          break;
        case METHODID_CREATE_WORKFLOW:
          serviceImpl.createWorkflow((com.relaydesk.v1.CreateWorkflowRequest) request,
              (io.grpc.stub.StreamObserver<com.relaydesk.v1.CreateWorkflowResponse>) responseObserver);
          break;
        case METHODID_GET_WORKFLOW:
          serviceImpl.getWorkflow((com.relaydesk.v1.GetWorkflowRequest) request,
              (io.grpc.stub.StreamObserver<com.relaydesk.v1.GetWorkflowResponse>) responseObserver);
          break;
        case METHODID_LIST_WORKFLOWS:
          serviceImpl.listWorkflows((com.relaydesk.v1.ListWorkflowsRequest) request,
              (io.grpc.stub.StreamObserver<com.relaydesk.v1.ListWorkflowsResponse>) responseObserver);
          break;
        case METHODID_UPDATE_WORKFLOW:
          serviceImpl.updateWorkflow((com.relaydesk.v1.UpdateWorkflowRequest) request,
              (io.grpc.stub.StreamObserver<com.relaydesk.v1.UpdateWorkflowResponse>) responseObserver);
          break;
        case METHODID_DELETE_WORKFLOW:
          serviceImpl.deleteWorkflow((com.relaydesk.v1.DeleteWorkflowRequest) request,
              (io.grpc.stub.StreamObserver<com.relaydesk.v1.DeleteWorkflowResponse>) responseObserver);
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
          getCreateActivityMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              com.relaydesk.v1.CreateActivityRequest,
              com.relaydesk.v1.CreateActivityResponse>(
                service, METHODID_CREATE_ACTIVITY)))
        .addMethod(
          getGetActivityMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              com.relaydesk.v1.GetActivityRequest,
              com.relaydesk.v1.GetActivityResponse>(
                service, METHODID_GET_ACTIVITY)))
        .addMethod(
          getListActivitiesMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              com.relaydesk.v1.ListActivitiesRequest,
              com.relaydesk.v1.ListActivitiesResponse>(
                service, METHODID_LIST_ACTIVITIES)))
        .addMethod(
          getUpdateActivityMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              com.relaydesk.v1.UpdateActivityRequest,
              com.relaydesk.v1.UpdateActivityResponse>(
                service, METHODID_UPDATE_ACTIVITY)))
        .addMethod(
          getDeleteActivityMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              com.relaydesk.v1.DeleteActivityRequest,
              com.relaydesk.v1.DeleteActivityResponse>(
                service, METHODID_DELETE_ACTIVITY)))
        .addMethod(
          getCreateWorkerMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              com.relaydesk.v1.CreateWorkerRequest,
              com.relaydesk.v1.CreateWorkerResponse>(
                service, METHODID_CREATE_WORKER)))
        .addMethod(
          getGetWorkerMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              com.relaydesk.v1.GetWorkerRequest,
              com.relaydesk.v1.GetWorkerResponse>(
                service, METHODID_GET_WORKER)))
        .addMethod(
          getListWorkersMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              com.relaydesk.v1.ListWorkersRequest,
              com.relaydesk.v1.ListWorkersResponse>(
                service, METHODID_LIST_WORKERS)))
        .addMethod(
          getUpdateWorkerMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              com.relaydesk.v1.UpdateWorkerRequest,
              com.relaydesk.v1.UpdateWorkerResponse>(
                service, METHODID_UPDATE_WORKER)))
        .addMethod(
          getDeleteWorkerMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              com.relaydesk.v1.DeleteWorkerRequest,
              com.relaydesk.v1.DeleteWorkerResponse>(
                service, METHODID_DELETE_WORKER)))
        .addMethod(
          getSetWorkerActivityMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              com.relaydesk.v1.SetWorkerActivityRequest,
              com.relaydesk.v1.SetWorkerActivityResponse>(
                service, METHODID_SET_WORKER_ACTIVITY)))
        .addMethod(
          getCreateQueueMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              com.relaydesk.v1.CreateQueueRequest,
              com.relaydesk.v1.CreateQueueResponse>(
                service, METHODID_CREATE_QUEUE)))
        .addMethod(
          getGetQueueMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              com.relaydesk.v1.GetQueueRequest,
              com.relaydesk.v1.GetQueueResponse>(
                service, METHODID_GET_QUEUE)))
        .addMethod(
          getListQueuesMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              com.relaydesk.v1.ListQueuesRequest,
              com.relaydesk.v1.ListQueuesResponse>(
                service, METHODID_LIST_QUEUES)))
        .addMethod(
          getUpdateQueueMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              com.relaydesk.v1.UpdateQueueRequest,
              com.relaydesk.v1.UpdateQueueResponse>(
                service, METHODID_UPDATE_QUEUE)))
        .addMethod(
          getDeleteQueueMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              com.relaydesk.v1.DeleteQueueRequest,
              com.relaydesk.v1.DeleteQueueResponse>(
                service, METHODID_DELETE_QUEUE)))
        .addMethod(
          getGetQueueStatisticsMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              com.relaydesk.v1.GetQueueStatisticsRequest,
              com.relaydesk.v1.GetQueueStatisticsResponse>(
                service, METHODID_GET_QUEUE_STATISTICS)))
        .addMethod(
          getCreateWorkflowMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              com.relaydesk.v1.CreateWorkflowRequest,
              com.relaydesk.v1.CreateWorkflowResponse>(
                service, METHODID_CREATE_WORKFLOW)))
        .addMethod(
          getGetWorkflowMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              com.relaydesk.v1.GetWorkflowRequest,
              com.relaydesk.v1.GetWorkflowResponse>(
                service, METHODID_GET_WORKFLOW)))
        .addMethod(
          getListWorkflowsMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              com.relaydesk.v1.ListWorkflowsRequest,
              com.relaydesk.v1.ListWorkflowsResponse>(
                service, METHODID_LIST_WORKFLOWS)))
        .addMethod(
          getUpdateWorkflowMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              com.relaydesk.v1.UpdateWorkflowRequest,
              com.relaydesk.v1.UpdateWorkflowResponse>(
                service, METHODID_UPDATE_WORKFLOW)))
        .addMethod(
          getDeleteWorkflowMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              com.relaydesk.v1.DeleteWorkflowRequest,
              com.relaydesk.v1.DeleteWorkflowResponse>(
                service, METHODID_DELETE_WORKFLOW)))
        .build();
  }

  private static abstract class WorkforceServiceBaseDescriptorSupplier
      implements io.grpc.protobuf.ProtoFileDescriptorSupplier, io.grpc.protobuf.ProtoServiceDescriptorSupplier {
    WorkforceServiceBaseDescriptorSupplier() {}

    @java.lang.Override
    public com.google.protobuf.Descriptors.FileDescriptor getFileDescriptor() {
      return com.relaydesk.v1.WorkforceServiceProto.getDescriptor();
    }

    @java.lang.Override
    public com.google.protobuf.Descriptors.ServiceDescriptor getServiceDescriptor() {
      return getFileDescriptor().findServiceByName("WorkforceService");
    }
  }

  private static final class WorkforceServiceFileDescriptorSupplier
      extends WorkforceServiceBaseDescriptorSupplier {
    WorkforceServiceFileDescriptorSupplier() {}
  }

  private static final class WorkforceServiceMethodDescriptorSupplier
      extends WorkforceServiceBaseDescriptorSupplier
      implements io.grpc.protobuf.ProtoMethodDescriptorSupplier {
    private final java.lang.String methodName;

    WorkforceServiceMethodDescriptorSupplier(java.lang.String methodName) {
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
      synchronized (WorkforceServiceGrpc.class) {
        result = serviceDescriptor;
        if (result == null) {
          serviceDescriptor = result = io.grpc.ServiceDescriptor.newBuilder(SERVICE_NAME)
              .setSchemaDescriptor(new WorkforceServiceFileDescriptorSupplier())
              .addMethod(getCreateActivityMethod())
              .addMethod(getGetActivityMethod())
              .addMethod(getListActivitiesMethod())
              .addMethod(getUpdateActivityMethod())
              .addMethod(getDeleteActivityMethod())
              .addMethod(getCreateWorkerMethod())
              .addMethod(getGetWorkerMethod())
              .addMethod(getListWorkersMethod())
              .addMethod(getUpdateWorkerMethod())
              .addMethod(getDeleteWorkerMethod())
              .addMethod(getSetWorkerActivityMethod())
              .addMethod(getCreateQueueMethod())
              .addMethod(getGetQueueMethod())
              .addMethod(getListQueuesMethod())
              .addMethod(getUpdateQueueMethod())
              .addMethod(getDeleteQueueMethod())
              .addMethod(getGetQueueStatisticsMethod())
              .addMethod(getCreateWorkflowMethod())
              .addMethod(getGetWorkflowMethod())
              .addMethod(getListWorkflowsMethod())
              .addMethod(getUpdateWorkflowMethod())
              .addMethod(getDeleteWorkflowMethod())
              .build();
        }
      }
    }
    return result;
  }
}
