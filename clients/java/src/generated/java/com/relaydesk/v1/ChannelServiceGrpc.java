package com.relaydesk.v1;

import static io.grpc.MethodDescriptor.generateFullMethodName;

/**
 * <pre>
 * Manages conversations: channels, their members and their messages.
 * Admins and services reach every channel; an agent reaches the channels it is
 * a member of and reads public ones; a customer reaches only its own channel.
 * Anything else is PERMISSION_DENIED, with no hint whether it exists.
 * </pre>
 */
@io.grpc.stub.annotations.GrpcGenerated
public final class ChannelServiceGrpc {

  private ChannelServiceGrpc() {}

  public static final java.lang.String SERVICE_NAME = "relaydesk.v1.ChannelService";

  // Static method descriptors that strictly reflect the proto.
  private static volatile io.grpc.MethodDescriptor<com.relaydesk.v1.CreateChannelRequest,
      com.relaydesk.v1.CreateChannelResponse> getCreateChannelMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "CreateChannel",
      requestType = com.relaydesk.v1.CreateChannelRequest.class,
      responseType = com.relaydesk.v1.CreateChannelResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<com.relaydesk.v1.CreateChannelRequest,
      com.relaydesk.v1.CreateChannelResponse> getCreateChannelMethod() {
    io.grpc.MethodDescriptor<com.relaydesk.v1.CreateChannelRequest, com.relaydesk.v1.CreateChannelResponse> getCreateChannelMethod;
    if ((getCreateChannelMethod = ChannelServiceGrpc.getCreateChannelMethod) == null) {
      synchronized (ChannelServiceGrpc.class) {
        if ((getCreateChannelMethod = ChannelServiceGrpc.getCreateChannelMethod) == null) {
          ChannelServiceGrpc.getCreateChannelMethod = getCreateChannelMethod =
              io.grpc.MethodDescriptor.<com.relaydesk.v1.CreateChannelRequest, com.relaydesk.v1.CreateChannelResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "CreateChannel"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.relaydesk.v1.CreateChannelRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.relaydesk.v1.CreateChannelResponse.getDefaultInstance()))
              .setSchemaDescriptor(new ChannelServiceMethodDescriptorSupplier("CreateChannel"))
              .build();
        }
      }
    }
    return getCreateChannelMethod;
  }

  private static volatile io.grpc.MethodDescriptor<com.relaydesk.v1.GetChannelRequest,
      com.relaydesk.v1.GetChannelResponse> getGetChannelMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "GetChannel",
      requestType = com.relaydesk.v1.GetChannelRequest.class,
      responseType = com.relaydesk.v1.GetChannelResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<com.relaydesk.v1.GetChannelRequest,
      com.relaydesk.v1.GetChannelResponse> getGetChannelMethod() {
    io.grpc.MethodDescriptor<com.relaydesk.v1.GetChannelRequest, com.relaydesk.v1.GetChannelResponse> getGetChannelMethod;
    if ((getGetChannelMethod = ChannelServiceGrpc.getGetChannelMethod) == null) {
      synchronized (ChannelServiceGrpc.class) {
        if ((getGetChannelMethod = ChannelServiceGrpc.getGetChannelMethod) == null) {
          ChannelServiceGrpc.getGetChannelMethod = getGetChannelMethod =
              io.grpc.MethodDescriptor.<com.relaydesk.v1.GetChannelRequest, com.relaydesk.v1.GetChannelResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "GetChannel"))
              .setSafe(true)
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.relaydesk.v1.GetChannelRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.relaydesk.v1.GetChannelResponse.getDefaultInstance()))
              .setSchemaDescriptor(new ChannelServiceMethodDescriptorSupplier("GetChannel"))
              .build();
        }
      }
    }
    return getGetChannelMethod;
  }

  private static volatile io.grpc.MethodDescriptor<com.relaydesk.v1.ListChannelsRequest,
      com.relaydesk.v1.ListChannelsResponse> getListChannelsMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "ListChannels",
      requestType = com.relaydesk.v1.ListChannelsRequest.class,
      responseType = com.relaydesk.v1.ListChannelsResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<com.relaydesk.v1.ListChannelsRequest,
      com.relaydesk.v1.ListChannelsResponse> getListChannelsMethod() {
    io.grpc.MethodDescriptor<com.relaydesk.v1.ListChannelsRequest, com.relaydesk.v1.ListChannelsResponse> getListChannelsMethod;
    if ((getListChannelsMethod = ChannelServiceGrpc.getListChannelsMethod) == null) {
      synchronized (ChannelServiceGrpc.class) {
        if ((getListChannelsMethod = ChannelServiceGrpc.getListChannelsMethod) == null) {
          ChannelServiceGrpc.getListChannelsMethod = getListChannelsMethod =
              io.grpc.MethodDescriptor.<com.relaydesk.v1.ListChannelsRequest, com.relaydesk.v1.ListChannelsResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "ListChannels"))
              .setSafe(true)
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.relaydesk.v1.ListChannelsRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.relaydesk.v1.ListChannelsResponse.getDefaultInstance()))
              .setSchemaDescriptor(new ChannelServiceMethodDescriptorSupplier("ListChannels"))
              .build();
        }
      }
    }
    return getListChannelsMethod;
  }

  private static volatile io.grpc.MethodDescriptor<com.relaydesk.v1.UpdateChannelRequest,
      com.relaydesk.v1.UpdateChannelResponse> getUpdateChannelMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "UpdateChannel",
      requestType = com.relaydesk.v1.UpdateChannelRequest.class,
      responseType = com.relaydesk.v1.UpdateChannelResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<com.relaydesk.v1.UpdateChannelRequest,
      com.relaydesk.v1.UpdateChannelResponse> getUpdateChannelMethod() {
    io.grpc.MethodDescriptor<com.relaydesk.v1.UpdateChannelRequest, com.relaydesk.v1.UpdateChannelResponse> getUpdateChannelMethod;
    if ((getUpdateChannelMethod = ChannelServiceGrpc.getUpdateChannelMethod) == null) {
      synchronized (ChannelServiceGrpc.class) {
        if ((getUpdateChannelMethod = ChannelServiceGrpc.getUpdateChannelMethod) == null) {
          ChannelServiceGrpc.getUpdateChannelMethod = getUpdateChannelMethod =
              io.grpc.MethodDescriptor.<com.relaydesk.v1.UpdateChannelRequest, com.relaydesk.v1.UpdateChannelResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "UpdateChannel"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.relaydesk.v1.UpdateChannelRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.relaydesk.v1.UpdateChannelResponse.getDefaultInstance()))
              .setSchemaDescriptor(new ChannelServiceMethodDescriptorSupplier("UpdateChannel"))
              .build();
        }
      }
    }
    return getUpdateChannelMethod;
  }

  private static volatile io.grpc.MethodDescriptor<com.relaydesk.v1.CloseChannelRequest,
      com.relaydesk.v1.CloseChannelResponse> getCloseChannelMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "CloseChannel",
      requestType = com.relaydesk.v1.CloseChannelRequest.class,
      responseType = com.relaydesk.v1.CloseChannelResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<com.relaydesk.v1.CloseChannelRequest,
      com.relaydesk.v1.CloseChannelResponse> getCloseChannelMethod() {
    io.grpc.MethodDescriptor<com.relaydesk.v1.CloseChannelRequest, com.relaydesk.v1.CloseChannelResponse> getCloseChannelMethod;
    if ((getCloseChannelMethod = ChannelServiceGrpc.getCloseChannelMethod) == null) {
      synchronized (ChannelServiceGrpc.class) {
        if ((getCloseChannelMethod = ChannelServiceGrpc.getCloseChannelMethod) == null) {
          ChannelServiceGrpc.getCloseChannelMethod = getCloseChannelMethod =
              io.grpc.MethodDescriptor.<com.relaydesk.v1.CloseChannelRequest, com.relaydesk.v1.CloseChannelResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "CloseChannel"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.relaydesk.v1.CloseChannelRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.relaydesk.v1.CloseChannelResponse.getDefaultInstance()))
              .setSchemaDescriptor(new ChannelServiceMethodDescriptorSupplier("CloseChannel"))
              .build();
        }
      }
    }
    return getCloseChannelMethod;
  }

  private static volatile io.grpc.MethodDescriptor<com.relaydesk.v1.DeleteChannelRequest,
      com.relaydesk.v1.DeleteChannelResponse> getDeleteChannelMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "DeleteChannel",
      requestType = com.relaydesk.v1.DeleteChannelRequest.class,
      responseType = com.relaydesk.v1.DeleteChannelResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<com.relaydesk.v1.DeleteChannelRequest,
      com.relaydesk.v1.DeleteChannelResponse> getDeleteChannelMethod() {
    io.grpc.MethodDescriptor<com.relaydesk.v1.DeleteChannelRequest, com.relaydesk.v1.DeleteChannelResponse> getDeleteChannelMethod;
    if ((getDeleteChannelMethod = ChannelServiceGrpc.getDeleteChannelMethod) == null) {
      synchronized (ChannelServiceGrpc.class) {
        if ((getDeleteChannelMethod = ChannelServiceGrpc.getDeleteChannelMethod) == null) {
          ChannelServiceGrpc.getDeleteChannelMethod = getDeleteChannelMethod =
              io.grpc.MethodDescriptor.<com.relaydesk.v1.DeleteChannelRequest, com.relaydesk.v1.DeleteChannelResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "DeleteChannel"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.relaydesk.v1.DeleteChannelRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.relaydesk.v1.DeleteChannelResponse.getDefaultInstance()))
              .setSchemaDescriptor(new ChannelServiceMethodDescriptorSupplier("DeleteChannel"))
              .build();
        }
      }
    }
    return getDeleteChannelMethod;
  }

  private static volatile io.grpc.MethodDescriptor<com.relaydesk.v1.AddMemberRequest,
      com.relaydesk.v1.AddMemberResponse> getAddMemberMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "AddMember",
      requestType = com.relaydesk.v1.AddMemberRequest.class,
      responseType = com.relaydesk.v1.AddMemberResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<com.relaydesk.v1.AddMemberRequest,
      com.relaydesk.v1.AddMemberResponse> getAddMemberMethod() {
    io.grpc.MethodDescriptor<com.relaydesk.v1.AddMemberRequest, com.relaydesk.v1.AddMemberResponse> getAddMemberMethod;
    if ((getAddMemberMethod = ChannelServiceGrpc.getAddMemberMethod) == null) {
      synchronized (ChannelServiceGrpc.class) {
        if ((getAddMemberMethod = ChannelServiceGrpc.getAddMemberMethod) == null) {
          ChannelServiceGrpc.getAddMemberMethod = getAddMemberMethod =
              io.grpc.MethodDescriptor.<com.relaydesk.v1.AddMemberRequest, com.relaydesk.v1.AddMemberResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "AddMember"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.relaydesk.v1.AddMemberRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.relaydesk.v1.AddMemberResponse.getDefaultInstance()))
              .setSchemaDescriptor(new ChannelServiceMethodDescriptorSupplier("AddMember"))
              .build();
        }
      }
    }
    return getAddMemberMethod;
  }

  private static volatile io.grpc.MethodDescriptor<com.relaydesk.v1.ListMembersRequest,
      com.relaydesk.v1.ListMembersResponse> getListMembersMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "ListMembers",
      requestType = com.relaydesk.v1.ListMembersRequest.class,
      responseType = com.relaydesk.v1.ListMembersResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<com.relaydesk.v1.ListMembersRequest,
      com.relaydesk.v1.ListMembersResponse> getListMembersMethod() {
    io.grpc.MethodDescriptor<com.relaydesk.v1.ListMembersRequest, com.relaydesk.v1.ListMembersResponse> getListMembersMethod;
    if ((getListMembersMethod = ChannelServiceGrpc.getListMembersMethod) == null) {
      synchronized (ChannelServiceGrpc.class) {
        if ((getListMembersMethod = ChannelServiceGrpc.getListMembersMethod) == null) {
          ChannelServiceGrpc.getListMembersMethod = getListMembersMethod =
              io.grpc.MethodDescriptor.<com.relaydesk.v1.ListMembersRequest, com.relaydesk.v1.ListMembersResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "ListMembers"))
              .setSafe(true)
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.relaydesk.v1.ListMembersRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.relaydesk.v1.ListMembersResponse.getDefaultInstance()))
              .setSchemaDescriptor(new ChannelServiceMethodDescriptorSupplier("ListMembers"))
              .build();
        }
      }
    }
    return getListMembersMethod;
  }

  private static volatile io.grpc.MethodDescriptor<com.relaydesk.v1.RemoveMemberRequest,
      com.relaydesk.v1.RemoveMemberResponse> getRemoveMemberMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "RemoveMember",
      requestType = com.relaydesk.v1.RemoveMemberRequest.class,
      responseType = com.relaydesk.v1.RemoveMemberResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<com.relaydesk.v1.RemoveMemberRequest,
      com.relaydesk.v1.RemoveMemberResponse> getRemoveMemberMethod() {
    io.grpc.MethodDescriptor<com.relaydesk.v1.RemoveMemberRequest, com.relaydesk.v1.RemoveMemberResponse> getRemoveMemberMethod;
    if ((getRemoveMemberMethod = ChannelServiceGrpc.getRemoveMemberMethod) == null) {
      synchronized (ChannelServiceGrpc.class) {
        if ((getRemoveMemberMethod = ChannelServiceGrpc.getRemoveMemberMethod) == null) {
          ChannelServiceGrpc.getRemoveMemberMethod = getRemoveMemberMethod =
              io.grpc.MethodDescriptor.<com.relaydesk.v1.RemoveMemberRequest, com.relaydesk.v1.RemoveMemberResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "RemoveMember"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.relaydesk.v1.RemoveMemberRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.relaydesk.v1.RemoveMemberResponse.getDefaultInstance()))
              .setSchemaDescriptor(new ChannelServiceMethodDescriptorSupplier("RemoveMember"))
              .build();
        }
      }
    }
    return getRemoveMemberMethod;
  }

  private static volatile io.grpc.MethodDescriptor<com.relaydesk.v1.UpdateReadHorizonRequest,
      com.relaydesk.v1.UpdateReadHorizonResponse> getUpdateReadHorizonMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "UpdateReadHorizon",
      requestType = com.relaydesk.v1.UpdateReadHorizonRequest.class,
      responseType = com.relaydesk.v1.UpdateReadHorizonResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<com.relaydesk.v1.UpdateReadHorizonRequest,
      com.relaydesk.v1.UpdateReadHorizonResponse> getUpdateReadHorizonMethod() {
    io.grpc.MethodDescriptor<com.relaydesk.v1.UpdateReadHorizonRequest, com.relaydesk.v1.UpdateReadHorizonResponse> getUpdateReadHorizonMethod;
    if ((getUpdateReadHorizonMethod = ChannelServiceGrpc.getUpdateReadHorizonMethod) == null) {
      synchronized (ChannelServiceGrpc.class) {
        if ((getUpdateReadHorizonMethod = ChannelServiceGrpc.getUpdateReadHorizonMethod) == null) {
          ChannelServiceGrpc.getUpdateReadHorizonMethod = getUpdateReadHorizonMethod =
              io.grpc.MethodDescriptor.<com.relaydesk.v1.UpdateReadHorizonRequest, com.relaydesk.v1.UpdateReadHorizonResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "UpdateReadHorizon"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.relaydesk.v1.UpdateReadHorizonRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.relaydesk.v1.UpdateReadHorizonResponse.getDefaultInstance()))
              .setSchemaDescriptor(new ChannelServiceMethodDescriptorSupplier("UpdateReadHorizon"))
              .build();
        }
      }
    }
    return getUpdateReadHorizonMethod;
  }

  private static volatile io.grpc.MethodDescriptor<com.relaydesk.v1.SendMessageRequest,
      com.relaydesk.v1.SendMessageResponse> getSendMessageMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "SendMessage",
      requestType = com.relaydesk.v1.SendMessageRequest.class,
      responseType = com.relaydesk.v1.SendMessageResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<com.relaydesk.v1.SendMessageRequest,
      com.relaydesk.v1.SendMessageResponse> getSendMessageMethod() {
    io.grpc.MethodDescriptor<com.relaydesk.v1.SendMessageRequest, com.relaydesk.v1.SendMessageResponse> getSendMessageMethod;
    if ((getSendMessageMethod = ChannelServiceGrpc.getSendMessageMethod) == null) {
      synchronized (ChannelServiceGrpc.class) {
        if ((getSendMessageMethod = ChannelServiceGrpc.getSendMessageMethod) == null) {
          ChannelServiceGrpc.getSendMessageMethod = getSendMessageMethod =
              io.grpc.MethodDescriptor.<com.relaydesk.v1.SendMessageRequest, com.relaydesk.v1.SendMessageResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "SendMessage"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.relaydesk.v1.SendMessageRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.relaydesk.v1.SendMessageResponse.getDefaultInstance()))
              .setSchemaDescriptor(new ChannelServiceMethodDescriptorSupplier("SendMessage"))
              .build();
        }
      }
    }
    return getSendMessageMethod;
  }

  private static volatile io.grpc.MethodDescriptor<com.relaydesk.v1.GetMessageRequest,
      com.relaydesk.v1.GetMessageResponse> getGetMessageMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "GetMessage",
      requestType = com.relaydesk.v1.GetMessageRequest.class,
      responseType = com.relaydesk.v1.GetMessageResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<com.relaydesk.v1.GetMessageRequest,
      com.relaydesk.v1.GetMessageResponse> getGetMessageMethod() {
    io.grpc.MethodDescriptor<com.relaydesk.v1.GetMessageRequest, com.relaydesk.v1.GetMessageResponse> getGetMessageMethod;
    if ((getGetMessageMethod = ChannelServiceGrpc.getGetMessageMethod) == null) {
      synchronized (ChannelServiceGrpc.class) {
        if ((getGetMessageMethod = ChannelServiceGrpc.getGetMessageMethod) == null) {
          ChannelServiceGrpc.getGetMessageMethod = getGetMessageMethod =
              io.grpc.MethodDescriptor.<com.relaydesk.v1.GetMessageRequest, com.relaydesk.v1.GetMessageResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "GetMessage"))
              .setSafe(true)
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.relaydesk.v1.GetMessageRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.relaydesk.v1.GetMessageResponse.getDefaultInstance()))
              .setSchemaDescriptor(new ChannelServiceMethodDescriptorSupplier("GetMessage"))
              .build();
        }
      }
    }
    return getGetMessageMethod;
  }

  private static volatile io.grpc.MethodDescriptor<com.relaydesk.v1.ListMessagesRequest,
      com.relaydesk.v1.ListMessagesResponse> getListMessagesMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "ListMessages",
      requestType = com.relaydesk.v1.ListMessagesRequest.class,
      responseType = com.relaydesk.v1.ListMessagesResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<com.relaydesk.v1.ListMessagesRequest,
      com.relaydesk.v1.ListMessagesResponse> getListMessagesMethod() {
    io.grpc.MethodDescriptor<com.relaydesk.v1.ListMessagesRequest, com.relaydesk.v1.ListMessagesResponse> getListMessagesMethod;
    if ((getListMessagesMethod = ChannelServiceGrpc.getListMessagesMethod) == null) {
      synchronized (ChannelServiceGrpc.class) {
        if ((getListMessagesMethod = ChannelServiceGrpc.getListMessagesMethod) == null) {
          ChannelServiceGrpc.getListMessagesMethod = getListMessagesMethod =
              io.grpc.MethodDescriptor.<com.relaydesk.v1.ListMessagesRequest, com.relaydesk.v1.ListMessagesResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "ListMessages"))
              .setSafe(true)
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.relaydesk.v1.ListMessagesRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.relaydesk.v1.ListMessagesResponse.getDefaultInstance()))
              .setSchemaDescriptor(new ChannelServiceMethodDescriptorSupplier("ListMessages"))
              .build();
        }
      }
    }
    return getListMessagesMethod;
  }

  private static volatile io.grpc.MethodDescriptor<com.relaydesk.v1.UpdateMessageRequest,
      com.relaydesk.v1.UpdateMessageResponse> getUpdateMessageMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "UpdateMessage",
      requestType = com.relaydesk.v1.UpdateMessageRequest.class,
      responseType = com.relaydesk.v1.UpdateMessageResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<com.relaydesk.v1.UpdateMessageRequest,
      com.relaydesk.v1.UpdateMessageResponse> getUpdateMessageMethod() {
    io.grpc.MethodDescriptor<com.relaydesk.v1.UpdateMessageRequest, com.relaydesk.v1.UpdateMessageResponse> getUpdateMessageMethod;
    if ((getUpdateMessageMethod = ChannelServiceGrpc.getUpdateMessageMethod) == null) {
      synchronized (ChannelServiceGrpc.class) {
        if ((getUpdateMessageMethod = ChannelServiceGrpc.getUpdateMessageMethod) == null) {
          ChannelServiceGrpc.getUpdateMessageMethod = getUpdateMessageMethod =
              io.grpc.MethodDescriptor.<com.relaydesk.v1.UpdateMessageRequest, com.relaydesk.v1.UpdateMessageResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "UpdateMessage"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.relaydesk.v1.UpdateMessageRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.relaydesk.v1.UpdateMessageResponse.getDefaultInstance()))
              .setSchemaDescriptor(new ChannelServiceMethodDescriptorSupplier("UpdateMessage"))
              .build();
        }
      }
    }
    return getUpdateMessageMethod;
  }

  private static volatile io.grpc.MethodDescriptor<com.relaydesk.v1.DeleteMessageRequest,
      com.relaydesk.v1.DeleteMessageResponse> getDeleteMessageMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "DeleteMessage",
      requestType = com.relaydesk.v1.DeleteMessageRequest.class,
      responseType = com.relaydesk.v1.DeleteMessageResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<com.relaydesk.v1.DeleteMessageRequest,
      com.relaydesk.v1.DeleteMessageResponse> getDeleteMessageMethod() {
    io.grpc.MethodDescriptor<com.relaydesk.v1.DeleteMessageRequest, com.relaydesk.v1.DeleteMessageResponse> getDeleteMessageMethod;
    if ((getDeleteMessageMethod = ChannelServiceGrpc.getDeleteMessageMethod) == null) {
      synchronized (ChannelServiceGrpc.class) {
        if ((getDeleteMessageMethod = ChannelServiceGrpc.getDeleteMessageMethod) == null) {
          ChannelServiceGrpc.getDeleteMessageMethod = getDeleteMessageMethod =
              io.grpc.MethodDescriptor.<com.relaydesk.v1.DeleteMessageRequest, com.relaydesk.v1.DeleteMessageResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "DeleteMessage"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.relaydesk.v1.DeleteMessageRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.relaydesk.v1.DeleteMessageResponse.getDefaultInstance()))
              .setSchemaDescriptor(new ChannelServiceMethodDescriptorSupplier("DeleteMessage"))
              .build();
        }
      }
    }
    return getDeleteMessageMethod;
  }

  private static volatile io.grpc.MethodDescriptor<com.relaydesk.v1.SendTypingRequest,
      com.relaydesk.v1.SendTypingResponse> getSendTypingMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "SendTyping",
      requestType = com.relaydesk.v1.SendTypingRequest.class,
      responseType = com.relaydesk.v1.SendTypingResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<com.relaydesk.v1.SendTypingRequest,
      com.relaydesk.v1.SendTypingResponse> getSendTypingMethod() {
    io.grpc.MethodDescriptor<com.relaydesk.v1.SendTypingRequest, com.relaydesk.v1.SendTypingResponse> getSendTypingMethod;
    if ((getSendTypingMethod = ChannelServiceGrpc.getSendTypingMethod) == null) {
      synchronized (ChannelServiceGrpc.class) {
        if ((getSendTypingMethod = ChannelServiceGrpc.getSendTypingMethod) == null) {
          ChannelServiceGrpc.getSendTypingMethod = getSendTypingMethod =
              io.grpc.MethodDescriptor.<com.relaydesk.v1.SendTypingRequest, com.relaydesk.v1.SendTypingResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "SendTyping"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.relaydesk.v1.SendTypingRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.relaydesk.v1.SendTypingResponse.getDefaultInstance()))
              .setSchemaDescriptor(new ChannelServiceMethodDescriptorSupplier("SendTyping"))
              .build();
        }
      }
    }
    return getSendTypingMethod;
  }

  /**
   * Creates a new async stub that supports all call types for the service
   */
  public static ChannelServiceStub newStub(io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<ChannelServiceStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<ChannelServiceStub>() {
        @java.lang.Override
        public ChannelServiceStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new ChannelServiceStub(channel, callOptions);
        }
      };
    return ChannelServiceStub.newStub(factory, channel);
  }

  /**
   * Creates a new blocking-style stub that supports all types of calls on the service
   */
  public static ChannelServiceBlockingV2Stub newBlockingV2Stub(
      io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<ChannelServiceBlockingV2Stub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<ChannelServiceBlockingV2Stub>() {
        @java.lang.Override
        public ChannelServiceBlockingV2Stub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new ChannelServiceBlockingV2Stub(channel, callOptions);
        }
      };
    return ChannelServiceBlockingV2Stub.newStub(factory, channel);
  }

  /**
   * Creates a new blocking-style stub that supports unary and streaming output calls on the service
   */
  public static ChannelServiceBlockingStub newBlockingStub(
      io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<ChannelServiceBlockingStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<ChannelServiceBlockingStub>() {
        @java.lang.Override
        public ChannelServiceBlockingStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new ChannelServiceBlockingStub(channel, callOptions);
        }
      };
    return ChannelServiceBlockingStub.newStub(factory, channel);
  }

  /**
   * Creates a new ListenableFuture-style stub that supports unary calls on the service
   */
  public static ChannelServiceFutureStub newFutureStub(
      io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<ChannelServiceFutureStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<ChannelServiceFutureStub>() {
        @java.lang.Override
        public ChannelServiceFutureStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new ChannelServiceFutureStub(channel, callOptions);
        }
      };
    return ChannelServiceFutureStub.newStub(factory, channel);
  }

  /**
   * <pre>
   * Manages conversations: channels, their members and their messages.
   * Admins and services reach every channel; an agent reaches the channels it is
   * a member of and reads public ones; a customer reaches only its own channel.
   * Anything else is PERMISSION_DENIED, with no hint whether it exists.
   * </pre>
   */
  public interface AsyncService {

    /**
     * <pre>
     * Creates an ACTIVE channel. An agent caller becomes its first member (role
     * AGENT). Emits CHANNEL_CREATED.
     * Errors: INVALID_ARGUMENT (a field is malformed or over its limit),
     * ALREADY_EXISTS (the unique name is taken), FAILED_PRECONDITION (the
     * referenced flow does not exist), PERMISSION_DENIED (a customer caller).
     * </pre>
     */
    default void createChannel(com.relaydesk.v1.CreateChannelRequest request,
        io.grpc.stub.StreamObserver<com.relaydesk.v1.CreateChannelResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getCreateChannelMethod(), responseObserver);
    }

    /**
     * <pre>
     * Returns one channel, by `channels/{id}` or `channels/{unique_name}`.
     * Errors: INVALID_ARGUMENT (empty or malformed name), NOT_FOUND,
     * PERMISSION_DENIED.
     * </pre>
     */
    default void getChannel(com.relaydesk.v1.GetChannelRequest request,
        io.grpc.stub.StreamObserver<com.relaydesk.v1.GetChannelResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getGetChannelMethod(), responseObserver);
    }

    /**
     * <pre>
     * Lists the channels the caller may see, oldest first: a customer gets only
     * its own channel.
     * Errors: INVALID_ARGUMENT (negative page size, bad page token).
     * </pre>
     */
    default void listChannels(com.relaydesk.v1.ListChannelsRequest request,
        io.grpc.stub.StreamObserver<com.relaydesk.v1.ListChannelsResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getListChannelsMethod(), responseObserver);
    }

    /**
     * <pre>
     * Updates the fields named in `update_mask` (all populated fields when unset):
     * `unique_name`, `display_name`, `type`, `long_lived` and `attributes`. Works
     * on INACTIVE channels too. Emits CHANNEL_UPDATED.
     * Errors: INVALID_ARGUMENT (empty name, a field malformed or over its limit,
     * a mask naming a field that cannot be updated), NOT_FOUND,
     * PERMISSION_DENIED, ALREADY_EXISTS (the unique name is taken), ABORTED
     * (stale etag).
     * </pre>
     */
    default void updateChannel(com.relaydesk.v1.UpdateChannelRequest request,
        io.grpc.stub.StreamObserver<com.relaydesk.v1.UpdateChannelResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getUpdateChannelMethod(), responseObserver);
    }

    /**
     * <pre>
     * Closes a conversation: the channel goes INACTIVE with `reason` as its
     * `close_reason`, and its session closes. No task is canceled or completed.
     * Emits CHANNEL_CLOSED, carrying the INACTIVE channel.
     * Errors: INVALID_ARGUMENT, NOT_FOUND, PERMISSION_DENIED,
     * FAILED_PRECONDITION (the channel is already INACTIVE).
     * </pre>
     */
    default void closeChannel(com.relaydesk.v1.CloseChannelRequest request,
        io.grpc.stub.StreamObserver<com.relaydesk.v1.CloseChannelResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getCloseChannelMethod(), responseObserver);
    }

    /**
     * <pre>
     * Deletes a channel with its members and messages; admins and services only.
     * Its active session, if any, ends FAILED; its task is left as it is. Emits
     * CHANNEL_DELETED.
     * Errors: INVALID_ARGUMENT (empty or malformed name), NOT_FOUND,
     * PERMISSION_DENIED.
     * </pre>
     */
    default void deleteChannel(com.relaydesk.v1.DeleteChannelRequest request,
        io.grpc.stub.StreamObserver<com.relaydesk.v1.DeleteChannelResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getDeleteChannelMethod(), responseObserver);
    }

    /**
     * <pre>
     * Adds a member to an ACTIVE channel. Emits MEMBER_JOINED.
     * Errors: INVALID_ARGUMENT (missing identity or role, `system` as identity,
     * a field over its limit), NOT_FOUND (the channel), PERMISSION_DENIED,
     * ALREADY_EXISTS (the identity is already a member), FAILED_PRECONDITION
     * (the channel is INACTIVE, or already has 1000 members).
     * </pre>
     */
    default void addMember(com.relaydesk.v1.AddMemberRequest request,
        io.grpc.stub.StreamObserver<com.relaydesk.v1.AddMemberResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getAddMemberMethod(), responseObserver);
    }

    /**
     * <pre>
     * Lists a channel's members in the order they joined. Customers receive them
     * without attributes.
     * Errors: INVALID_ARGUMENT (empty parent, negative page size, bad page
     * token), NOT_FOUND, PERMISSION_DENIED.
     * </pre>
     */
    default void listMembers(com.relaydesk.v1.ListMembersRequest request,
        io.grpc.stub.StreamObserver<com.relaydesk.v1.ListMembersResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getListMembersMethod(), responseObserver);
    }

    /**
     * <pre>
     * Removes a member from a channel; works on INACTIVE channels too. Emits
     * MEMBER_LEFT.
     * Errors: INVALID_ARGUMENT (empty or malformed name), NOT_FOUND,
     * PERMISSION_DENIED.
     * </pre>
     */
    default void removeMember(com.relaydesk.v1.RemoveMemberRequest request,
        io.grpc.stub.StreamObserver<com.relaydesk.v1.RemoveMemberResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getRemoveMemberMethod(), responseObserver);
    }

    /**
     * <pre>
     * Moves a member's `last_read_index` forward; agents and customers move only
     * their own. A value below the stored one changes nothing and is not an
     * error: the horizon never moves backwards. Works on INACTIVE channels too.
     * Emits MEMBER_UPDATED when the horizon moves.
     * Errors: INVALID_ARGUMENT (empty name, a negative index or one past the
     * channel's last message), NOT_FOUND, PERMISSION_DENIED.
     * </pre>
     */
    default void updateReadHorizon(com.relaydesk.v1.UpdateReadHorizonRequest request,
        io.grpc.stub.StreamObserver<com.relaydesk.v1.UpdateReadHorizonResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getUpdateReadHorizonMethod(), responseObserver);
    }

    /**
     * <pre>
     * Adds a message to an ACTIVE channel, with the channel's next index. The
     * author is the caller's identity; an admin or service names it in `author`,
     * else it is `system`. The direction is INTERNAL when `internal` is set,
     * INBOUND when the author is the channel's customer, else OUTBOUND; an
     * OUTBOUND message in a channel with an active session is queued for a
     * gateway (delivery QUEUED). Emits MESSAGE_ADDED.
     * Errors: INVALID_ARGUMENT (empty parent, neither body nor media, a field
     * over its limit), NOT_FOUND (the channel), PERMISSION_DENIED (the caller is
     * not a member; a customer sets `internal`; an agent or customer names an
     * author other than itself), FAILED_PRECONDITION (the channel is INACTIVE;
     * `author` is neither a member nor `system`), RESOURCE_EXHAUSTED (over the
     * channel's write rate of 30 messages/s, bursts of 150; retry after the
     * RetryInfo delay).
     * </pre>
     */
    default void sendMessage(com.relaydesk.v1.SendMessageRequest request,
        io.grpc.stub.StreamObserver<com.relaydesk.v1.SendMessageResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getSendMessageMethod(), responseObserver);
    }

    /**
     * <pre>
     * Returns one message.
     * Errors: INVALID_ARGUMENT (empty or malformed name), NOT_FOUND (also for an
     * INTERNAL message asked for by a customer), PERMISSION_DENIED.
     * </pre>
     */
    default void getMessage(com.relaydesk.v1.GetMessageRequest request,
        io.grpc.stub.StreamObserver<com.relaydesk.v1.GetMessageResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getGetMessageMethod(), responseObserver);
    }

    /**
     * <pre>
     * Lists a channel's messages by index: ascending unless `order` is
     * DESCENDING, from after `after_index` when it is set. Customers never see
     * INTERNAL messages.
     * Errors: INVALID_ARGUMENT (empty parent, negative page size or
     * `after_index`, bad page token), NOT_FOUND, PERMISSION_DENIED.
     * </pre>
     */
    default void listMessages(com.relaydesk.v1.ListMessagesRequest request,
        io.grpc.stub.StreamObserver<com.relaydesk.v1.ListMessagesResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getListMessagesMethod(), responseObserver);
    }

    /**
     * <pre>
     * Updates the fields named in `update_mask` (all populated fields when
     * unset): `body` and `attributes`. Only the author, an admin or a service
     * updates a message. A new body sets `edited`; it is not sent to the
     * customer again. Emits MESSAGE_UPDATED.
     * Errors: INVALID_ARGUMENT (empty name, a field over its limit, a mask naming
     * another field, a message left with neither body nor media), NOT_FOUND,
     * PERMISSION_DENIED, FAILED_PRECONDITION (the channel is INACTIVE), ABORTED
     * (stale etag).
     * </pre>
     */
    default void updateMessage(com.relaydesk.v1.UpdateMessageRequest request,
        io.grpc.stub.StreamObserver<com.relaydesk.v1.UpdateMessageResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getUpdateMessageMethod(), responseObserver);
    }

    /**
     * <pre>
     * Deletes a message. Only the author, an admin or a service deletes a
     * message. Its index is not reused, and a message already handed to a
     * gateway is not recalled. Emits MESSAGE_DELETED.
     * Errors: INVALID_ARGUMENT (empty or malformed name), NOT_FOUND,
     * PERMISSION_DENIED, FAILED_PRECONDITION (the channel is INACTIVE).
     * </pre>
     */
    default void deleteMessage(com.relaydesk.v1.DeleteMessageRequest request,
        io.grpc.stub.StreamObserver<com.relaydesk.v1.DeleteMessageResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getDeleteMessageMethod(), responseObserver);
    }

    /**
     * <pre>
     * Tells a channel's subscribers that someone is typing: an ephemeral TYPING
     * event, neither stored nor replayed. The typist is the caller; an admin or
     * service names it in `identity`.
     * Errors: INVALID_ARGUMENT (empty parent; an admin or service caller without
     * `identity`), NOT_FOUND, PERMISSION_DENIED (the caller is not a member; an
     * agent or customer names an identity other than its own),
     * FAILED_PRECONDITION (the channel is INACTIVE; `identity` is not a member).
     * </pre>
     */
    default void sendTyping(com.relaydesk.v1.SendTypingRequest request,
        io.grpc.stub.StreamObserver<com.relaydesk.v1.SendTypingResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getSendTypingMethod(), responseObserver);
    }
  }

  /**
   * Base class for the server implementation of the service ChannelService.
   * <pre>
   * Manages conversations: channels, their members and their messages.
   * Admins and services reach every channel; an agent reaches the channels it is
   * a member of and reads public ones; a customer reaches only its own channel.
   * Anything else is PERMISSION_DENIED, with no hint whether it exists.
   * </pre>
   */
  public static abstract class ChannelServiceImplBase
      implements io.grpc.BindableService, AsyncService {

    @java.lang.Override public final io.grpc.ServerServiceDefinition bindService() {
      return ChannelServiceGrpc.bindService(this);
    }
  }

  /**
   * A stub to allow clients to do asynchronous rpc calls to service ChannelService.
   * <pre>
   * Manages conversations: channels, their members and their messages.
   * Admins and services reach every channel; an agent reaches the channels it is
   * a member of and reads public ones; a customer reaches only its own channel.
   * Anything else is PERMISSION_DENIED, with no hint whether it exists.
   * </pre>
   */
  public static final class ChannelServiceStub
      extends io.grpc.stub.AbstractAsyncStub<ChannelServiceStub> {
    private ChannelServiceStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected ChannelServiceStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new ChannelServiceStub(channel, callOptions);
    }

    /**
     * <pre>
     * Creates an ACTIVE channel. An agent caller becomes its first member (role
     * AGENT). Emits CHANNEL_CREATED.
     * Errors: INVALID_ARGUMENT (a field is malformed or over its limit),
     * ALREADY_EXISTS (the unique name is taken), FAILED_PRECONDITION (the
     * referenced flow does not exist), PERMISSION_DENIED (a customer caller).
     * </pre>
     */
    public void createChannel(com.relaydesk.v1.CreateChannelRequest request,
        io.grpc.stub.StreamObserver<com.relaydesk.v1.CreateChannelResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getCreateChannelMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Returns one channel, by `channels/{id}` or `channels/{unique_name}`.
     * Errors: INVALID_ARGUMENT (empty or malformed name), NOT_FOUND,
     * PERMISSION_DENIED.
     * </pre>
     */
    public void getChannel(com.relaydesk.v1.GetChannelRequest request,
        io.grpc.stub.StreamObserver<com.relaydesk.v1.GetChannelResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getGetChannelMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Lists the channels the caller may see, oldest first: a customer gets only
     * its own channel.
     * Errors: INVALID_ARGUMENT (negative page size, bad page token).
     * </pre>
     */
    public void listChannels(com.relaydesk.v1.ListChannelsRequest request,
        io.grpc.stub.StreamObserver<com.relaydesk.v1.ListChannelsResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getListChannelsMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Updates the fields named in `update_mask` (all populated fields when unset):
     * `unique_name`, `display_name`, `type`, `long_lived` and `attributes`. Works
     * on INACTIVE channels too. Emits CHANNEL_UPDATED.
     * Errors: INVALID_ARGUMENT (empty name, a field malformed or over its limit,
     * a mask naming a field that cannot be updated), NOT_FOUND,
     * PERMISSION_DENIED, ALREADY_EXISTS (the unique name is taken), ABORTED
     * (stale etag).
     * </pre>
     */
    public void updateChannel(com.relaydesk.v1.UpdateChannelRequest request,
        io.grpc.stub.StreamObserver<com.relaydesk.v1.UpdateChannelResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getUpdateChannelMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Closes a conversation: the channel goes INACTIVE with `reason` as its
     * `close_reason`, and its session closes. No task is canceled or completed.
     * Emits CHANNEL_CLOSED, carrying the INACTIVE channel.
     * Errors: INVALID_ARGUMENT, NOT_FOUND, PERMISSION_DENIED,
     * FAILED_PRECONDITION (the channel is already INACTIVE).
     * </pre>
     */
    public void closeChannel(com.relaydesk.v1.CloseChannelRequest request,
        io.grpc.stub.StreamObserver<com.relaydesk.v1.CloseChannelResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getCloseChannelMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Deletes a channel with its members and messages; admins and services only.
     * Its active session, if any, ends FAILED; its task is left as it is. Emits
     * CHANNEL_DELETED.
     * Errors: INVALID_ARGUMENT (empty or malformed name), NOT_FOUND,
     * PERMISSION_DENIED.
     * </pre>
     */
    public void deleteChannel(com.relaydesk.v1.DeleteChannelRequest request,
        io.grpc.stub.StreamObserver<com.relaydesk.v1.DeleteChannelResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getDeleteChannelMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Adds a member to an ACTIVE channel. Emits MEMBER_JOINED.
     * Errors: INVALID_ARGUMENT (missing identity or role, `system` as identity,
     * a field over its limit), NOT_FOUND (the channel), PERMISSION_DENIED,
     * ALREADY_EXISTS (the identity is already a member), FAILED_PRECONDITION
     * (the channel is INACTIVE, or already has 1000 members).
     * </pre>
     */
    public void addMember(com.relaydesk.v1.AddMemberRequest request,
        io.grpc.stub.StreamObserver<com.relaydesk.v1.AddMemberResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getAddMemberMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Lists a channel's members in the order they joined. Customers receive them
     * without attributes.
     * Errors: INVALID_ARGUMENT (empty parent, negative page size, bad page
     * token), NOT_FOUND, PERMISSION_DENIED.
     * </pre>
     */
    public void listMembers(com.relaydesk.v1.ListMembersRequest request,
        io.grpc.stub.StreamObserver<com.relaydesk.v1.ListMembersResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getListMembersMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Removes a member from a channel; works on INACTIVE channels too. Emits
     * MEMBER_LEFT.
     * Errors: INVALID_ARGUMENT (empty or malformed name), NOT_FOUND,
     * PERMISSION_DENIED.
     * </pre>
     */
    public void removeMember(com.relaydesk.v1.RemoveMemberRequest request,
        io.grpc.stub.StreamObserver<com.relaydesk.v1.RemoveMemberResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getRemoveMemberMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Moves a member's `last_read_index` forward; agents and customers move only
     * their own. A value below the stored one changes nothing and is not an
     * error: the horizon never moves backwards. Works on INACTIVE channels too.
     * Emits MEMBER_UPDATED when the horizon moves.
     * Errors: INVALID_ARGUMENT (empty name, a negative index or one past the
     * channel's last message), NOT_FOUND, PERMISSION_DENIED.
     * </pre>
     */
    public void updateReadHorizon(com.relaydesk.v1.UpdateReadHorizonRequest request,
        io.grpc.stub.StreamObserver<com.relaydesk.v1.UpdateReadHorizonResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getUpdateReadHorizonMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Adds a message to an ACTIVE channel, with the channel's next index. The
     * author is the caller's identity; an admin or service names it in `author`,
     * else it is `system`. The direction is INTERNAL when `internal` is set,
     * INBOUND when the author is the channel's customer, else OUTBOUND; an
     * OUTBOUND message in a channel with an active session is queued for a
     * gateway (delivery QUEUED). Emits MESSAGE_ADDED.
     * Errors: INVALID_ARGUMENT (empty parent, neither body nor media, a field
     * over its limit), NOT_FOUND (the channel), PERMISSION_DENIED (the caller is
     * not a member; a customer sets `internal`; an agent or customer names an
     * author other than itself), FAILED_PRECONDITION (the channel is INACTIVE;
     * `author` is neither a member nor `system`), RESOURCE_EXHAUSTED (over the
     * channel's write rate of 30 messages/s, bursts of 150; retry after the
     * RetryInfo delay).
     * </pre>
     */
    public void sendMessage(com.relaydesk.v1.SendMessageRequest request,
        io.grpc.stub.StreamObserver<com.relaydesk.v1.SendMessageResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getSendMessageMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Returns one message.
     * Errors: INVALID_ARGUMENT (empty or malformed name), NOT_FOUND (also for an
     * INTERNAL message asked for by a customer), PERMISSION_DENIED.
     * </pre>
     */
    public void getMessage(com.relaydesk.v1.GetMessageRequest request,
        io.grpc.stub.StreamObserver<com.relaydesk.v1.GetMessageResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getGetMessageMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Lists a channel's messages by index: ascending unless `order` is
     * DESCENDING, from after `after_index` when it is set. Customers never see
     * INTERNAL messages.
     * Errors: INVALID_ARGUMENT (empty parent, negative page size or
     * `after_index`, bad page token), NOT_FOUND, PERMISSION_DENIED.
     * </pre>
     */
    public void listMessages(com.relaydesk.v1.ListMessagesRequest request,
        io.grpc.stub.StreamObserver<com.relaydesk.v1.ListMessagesResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getListMessagesMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Updates the fields named in `update_mask` (all populated fields when
     * unset): `body` and `attributes`. Only the author, an admin or a service
     * updates a message. A new body sets `edited`; it is not sent to the
     * customer again. Emits MESSAGE_UPDATED.
     * Errors: INVALID_ARGUMENT (empty name, a field over its limit, a mask naming
     * another field, a message left with neither body nor media), NOT_FOUND,
     * PERMISSION_DENIED, FAILED_PRECONDITION (the channel is INACTIVE), ABORTED
     * (stale etag).
     * </pre>
     */
    public void updateMessage(com.relaydesk.v1.UpdateMessageRequest request,
        io.grpc.stub.StreamObserver<com.relaydesk.v1.UpdateMessageResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getUpdateMessageMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Deletes a message. Only the author, an admin or a service deletes a
     * message. Its index is not reused, and a message already handed to a
     * gateway is not recalled. Emits MESSAGE_DELETED.
     * Errors: INVALID_ARGUMENT (empty or malformed name), NOT_FOUND,
     * PERMISSION_DENIED, FAILED_PRECONDITION (the channel is INACTIVE).
     * </pre>
     */
    public void deleteMessage(com.relaydesk.v1.DeleteMessageRequest request,
        io.grpc.stub.StreamObserver<com.relaydesk.v1.DeleteMessageResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getDeleteMessageMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Tells a channel's subscribers that someone is typing: an ephemeral TYPING
     * event, neither stored nor replayed. The typist is the caller; an admin or
     * service names it in `identity`.
     * Errors: INVALID_ARGUMENT (empty parent; an admin or service caller without
     * `identity`), NOT_FOUND, PERMISSION_DENIED (the caller is not a member; an
     * agent or customer names an identity other than its own),
     * FAILED_PRECONDITION (the channel is INACTIVE; `identity` is not a member).
     * </pre>
     */
    public void sendTyping(com.relaydesk.v1.SendTypingRequest request,
        io.grpc.stub.StreamObserver<com.relaydesk.v1.SendTypingResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getSendTypingMethod(), getCallOptions()), request, responseObserver);
    }
  }

  /**
   * A stub to allow clients to do synchronous rpc calls to service ChannelService.
   * <pre>
   * Manages conversations: channels, their members and their messages.
   * Admins and services reach every channel; an agent reaches the channels it is
   * a member of and reads public ones; a customer reaches only its own channel.
   * Anything else is PERMISSION_DENIED, with no hint whether it exists.
   * </pre>
   */
  public static final class ChannelServiceBlockingV2Stub
      extends io.grpc.stub.AbstractBlockingStub<ChannelServiceBlockingV2Stub> {
    private ChannelServiceBlockingV2Stub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected ChannelServiceBlockingV2Stub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new ChannelServiceBlockingV2Stub(channel, callOptions);
    }

    /**
     * <pre>
     * Creates an ACTIVE channel. An agent caller becomes its first member (role
     * AGENT). Emits CHANNEL_CREATED.
     * Errors: INVALID_ARGUMENT (a field is malformed or over its limit),
     * ALREADY_EXISTS (the unique name is taken), FAILED_PRECONDITION (the
     * referenced flow does not exist), PERMISSION_DENIED (a customer caller).
     * </pre>
     */
    public com.relaydesk.v1.CreateChannelResponse createChannel(com.relaydesk.v1.CreateChannelRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getCreateChannelMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Returns one channel, by `channels/{id}` or `channels/{unique_name}`.
     * Errors: INVALID_ARGUMENT (empty or malformed name), NOT_FOUND,
     * PERMISSION_DENIED.
     * </pre>
     */
    public com.relaydesk.v1.GetChannelResponse getChannel(com.relaydesk.v1.GetChannelRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getGetChannelMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Lists the channels the caller may see, oldest first: a customer gets only
     * its own channel.
     * Errors: INVALID_ARGUMENT (negative page size, bad page token).
     * </pre>
     */
    public com.relaydesk.v1.ListChannelsResponse listChannels(com.relaydesk.v1.ListChannelsRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getListChannelsMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Updates the fields named in `update_mask` (all populated fields when unset):
     * `unique_name`, `display_name`, `type`, `long_lived` and `attributes`. Works
     * on INACTIVE channels too. Emits CHANNEL_UPDATED.
     * Errors: INVALID_ARGUMENT (empty name, a field malformed or over its limit,
     * a mask naming a field that cannot be updated), NOT_FOUND,
     * PERMISSION_DENIED, ALREADY_EXISTS (the unique name is taken), ABORTED
     * (stale etag).
     * </pre>
     */
    public com.relaydesk.v1.UpdateChannelResponse updateChannel(com.relaydesk.v1.UpdateChannelRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getUpdateChannelMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Closes a conversation: the channel goes INACTIVE with `reason` as its
     * `close_reason`, and its session closes. No task is canceled or completed.
     * Emits CHANNEL_CLOSED, carrying the INACTIVE channel.
     * Errors: INVALID_ARGUMENT, NOT_FOUND, PERMISSION_DENIED,
     * FAILED_PRECONDITION (the channel is already INACTIVE).
     * </pre>
     */
    public com.relaydesk.v1.CloseChannelResponse closeChannel(com.relaydesk.v1.CloseChannelRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getCloseChannelMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Deletes a channel with its members and messages; admins and services only.
     * Its active session, if any, ends FAILED; its task is left as it is. Emits
     * CHANNEL_DELETED.
     * Errors: INVALID_ARGUMENT (empty or malformed name), NOT_FOUND,
     * PERMISSION_DENIED.
     * </pre>
     */
    public com.relaydesk.v1.DeleteChannelResponse deleteChannel(com.relaydesk.v1.DeleteChannelRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getDeleteChannelMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Adds a member to an ACTIVE channel. Emits MEMBER_JOINED.
     * Errors: INVALID_ARGUMENT (missing identity or role, `system` as identity,
     * a field over its limit), NOT_FOUND (the channel), PERMISSION_DENIED,
     * ALREADY_EXISTS (the identity is already a member), FAILED_PRECONDITION
     * (the channel is INACTIVE, or already has 1000 members).
     * </pre>
     */
    public com.relaydesk.v1.AddMemberResponse addMember(com.relaydesk.v1.AddMemberRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getAddMemberMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Lists a channel's members in the order they joined. Customers receive them
     * without attributes.
     * Errors: INVALID_ARGUMENT (empty parent, negative page size, bad page
     * token), NOT_FOUND, PERMISSION_DENIED.
     * </pre>
     */
    public com.relaydesk.v1.ListMembersResponse listMembers(com.relaydesk.v1.ListMembersRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getListMembersMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Removes a member from a channel; works on INACTIVE channels too. Emits
     * MEMBER_LEFT.
     * Errors: INVALID_ARGUMENT (empty or malformed name), NOT_FOUND,
     * PERMISSION_DENIED.
     * </pre>
     */
    public com.relaydesk.v1.RemoveMemberResponse removeMember(com.relaydesk.v1.RemoveMemberRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getRemoveMemberMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Moves a member's `last_read_index` forward; agents and customers move only
     * their own. A value below the stored one changes nothing and is not an
     * error: the horizon never moves backwards. Works on INACTIVE channels too.
     * Emits MEMBER_UPDATED when the horizon moves.
     * Errors: INVALID_ARGUMENT (empty name, a negative index or one past the
     * channel's last message), NOT_FOUND, PERMISSION_DENIED.
     * </pre>
     */
    public com.relaydesk.v1.UpdateReadHorizonResponse updateReadHorizon(com.relaydesk.v1.UpdateReadHorizonRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getUpdateReadHorizonMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Adds a message to an ACTIVE channel, with the channel's next index. The
     * author is the caller's identity; an admin or service names it in `author`,
     * else it is `system`. The direction is INTERNAL when `internal` is set,
     * INBOUND when the author is the channel's customer, else OUTBOUND; an
     * OUTBOUND message in a channel with an active session is queued for a
     * gateway (delivery QUEUED). Emits MESSAGE_ADDED.
     * Errors: INVALID_ARGUMENT (empty parent, neither body nor media, a field
     * over its limit), NOT_FOUND (the channel), PERMISSION_DENIED (the caller is
     * not a member; a customer sets `internal`; an agent or customer names an
     * author other than itself), FAILED_PRECONDITION (the channel is INACTIVE;
     * `author` is neither a member nor `system`), RESOURCE_EXHAUSTED (over the
     * channel's write rate of 30 messages/s, bursts of 150; retry after the
     * RetryInfo delay).
     * </pre>
     */
    public com.relaydesk.v1.SendMessageResponse sendMessage(com.relaydesk.v1.SendMessageRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getSendMessageMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Returns one message.
     * Errors: INVALID_ARGUMENT (empty or malformed name), NOT_FOUND (also for an
     * INTERNAL message asked for by a customer), PERMISSION_DENIED.
     * </pre>
     */
    public com.relaydesk.v1.GetMessageResponse getMessage(com.relaydesk.v1.GetMessageRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getGetMessageMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Lists a channel's messages by index: ascending unless `order` is
     * DESCENDING, from after `after_index` when it is set. Customers never see
     * INTERNAL messages.
     * Errors: INVALID_ARGUMENT (empty parent, negative page size or
     * `after_index`, bad page token), NOT_FOUND, PERMISSION_DENIED.
     * </pre>
     */
    public com.relaydesk.v1.ListMessagesResponse listMessages(com.relaydesk.v1.ListMessagesRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getListMessagesMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Updates the fields named in `update_mask` (all populated fields when
     * unset): `body` and `attributes`. Only the author, an admin or a service
     * updates a message. A new body sets `edited`; it is not sent to the
     * customer again. Emits MESSAGE_UPDATED.
     * Errors: INVALID_ARGUMENT (empty name, a field over its limit, a mask naming
     * another field, a message left with neither body nor media), NOT_FOUND,
     * PERMISSION_DENIED, FAILED_PRECONDITION (the channel is INACTIVE), ABORTED
     * (stale etag).
     * </pre>
     */
    public com.relaydesk.v1.UpdateMessageResponse updateMessage(com.relaydesk.v1.UpdateMessageRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getUpdateMessageMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Deletes a message. Only the author, an admin or a service deletes a
     * message. Its index is not reused, and a message already handed to a
     * gateway is not recalled. Emits MESSAGE_DELETED.
     * Errors: INVALID_ARGUMENT (empty or malformed name), NOT_FOUND,
     * PERMISSION_DENIED, FAILED_PRECONDITION (the channel is INACTIVE).
     * </pre>
     */
    public com.relaydesk.v1.DeleteMessageResponse deleteMessage(com.relaydesk.v1.DeleteMessageRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getDeleteMessageMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Tells a channel's subscribers that someone is typing: an ephemeral TYPING
     * event, neither stored nor replayed. The typist is the caller; an admin or
     * service names it in `identity`.
     * Errors: INVALID_ARGUMENT (empty parent; an admin or service caller without
     * `identity`), NOT_FOUND, PERMISSION_DENIED (the caller is not a member; an
     * agent or customer names an identity other than its own),
     * FAILED_PRECONDITION (the channel is INACTIVE; `identity` is not a member).
     * </pre>
     */
    public com.relaydesk.v1.SendTypingResponse sendTyping(com.relaydesk.v1.SendTypingRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getSendTypingMethod(), getCallOptions(), request);
    }
  }

  /**
   * A stub to allow clients to do limited synchronous rpc calls to service ChannelService.
   * <pre>
   * Manages conversations: channels, their members and their messages.
   * Admins and services reach every channel; an agent reaches the channels it is
   * a member of and reads public ones; a customer reaches only its own channel.
   * Anything else is PERMISSION_DENIED, with no hint whether it exists.
   * </pre>
   */
  public static final class ChannelServiceBlockingStub
      extends io.grpc.stub.AbstractBlockingStub<ChannelServiceBlockingStub> {
    private ChannelServiceBlockingStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected ChannelServiceBlockingStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new ChannelServiceBlockingStub(channel, callOptions);
    }

    /**
     * <pre>
     * Creates an ACTIVE channel. An agent caller becomes its first member (role
     * AGENT). Emits CHANNEL_CREATED.
     * Errors: INVALID_ARGUMENT (a field is malformed or over its limit),
     * ALREADY_EXISTS (the unique name is taken), FAILED_PRECONDITION (the
     * referenced flow does not exist), PERMISSION_DENIED (a customer caller).
     * </pre>
     */
    public com.relaydesk.v1.CreateChannelResponse createChannel(com.relaydesk.v1.CreateChannelRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getCreateChannelMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Returns one channel, by `channels/{id}` or `channels/{unique_name}`.
     * Errors: INVALID_ARGUMENT (empty or malformed name), NOT_FOUND,
     * PERMISSION_DENIED.
     * </pre>
     */
    public com.relaydesk.v1.GetChannelResponse getChannel(com.relaydesk.v1.GetChannelRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getGetChannelMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Lists the channels the caller may see, oldest first: a customer gets only
     * its own channel.
     * Errors: INVALID_ARGUMENT (negative page size, bad page token).
     * </pre>
     */
    public com.relaydesk.v1.ListChannelsResponse listChannels(com.relaydesk.v1.ListChannelsRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getListChannelsMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Updates the fields named in `update_mask` (all populated fields when unset):
     * `unique_name`, `display_name`, `type`, `long_lived` and `attributes`. Works
     * on INACTIVE channels too. Emits CHANNEL_UPDATED.
     * Errors: INVALID_ARGUMENT (empty name, a field malformed or over its limit,
     * a mask naming a field that cannot be updated), NOT_FOUND,
     * PERMISSION_DENIED, ALREADY_EXISTS (the unique name is taken), ABORTED
     * (stale etag).
     * </pre>
     */
    public com.relaydesk.v1.UpdateChannelResponse updateChannel(com.relaydesk.v1.UpdateChannelRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getUpdateChannelMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Closes a conversation: the channel goes INACTIVE with `reason` as its
     * `close_reason`, and its session closes. No task is canceled or completed.
     * Emits CHANNEL_CLOSED, carrying the INACTIVE channel.
     * Errors: INVALID_ARGUMENT, NOT_FOUND, PERMISSION_DENIED,
     * FAILED_PRECONDITION (the channel is already INACTIVE).
     * </pre>
     */
    public com.relaydesk.v1.CloseChannelResponse closeChannel(com.relaydesk.v1.CloseChannelRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getCloseChannelMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Deletes a channel with its members and messages; admins and services only.
     * Its active session, if any, ends FAILED; its task is left as it is. Emits
     * CHANNEL_DELETED.
     * Errors: INVALID_ARGUMENT (empty or malformed name), NOT_FOUND,
     * PERMISSION_DENIED.
     * </pre>
     */
    public com.relaydesk.v1.DeleteChannelResponse deleteChannel(com.relaydesk.v1.DeleteChannelRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getDeleteChannelMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Adds a member to an ACTIVE channel. Emits MEMBER_JOINED.
     * Errors: INVALID_ARGUMENT (missing identity or role, `system` as identity,
     * a field over its limit), NOT_FOUND (the channel), PERMISSION_DENIED,
     * ALREADY_EXISTS (the identity is already a member), FAILED_PRECONDITION
     * (the channel is INACTIVE, or already has 1000 members).
     * </pre>
     */
    public com.relaydesk.v1.AddMemberResponse addMember(com.relaydesk.v1.AddMemberRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getAddMemberMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Lists a channel's members in the order they joined. Customers receive them
     * without attributes.
     * Errors: INVALID_ARGUMENT (empty parent, negative page size, bad page
     * token), NOT_FOUND, PERMISSION_DENIED.
     * </pre>
     */
    public com.relaydesk.v1.ListMembersResponse listMembers(com.relaydesk.v1.ListMembersRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getListMembersMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Removes a member from a channel; works on INACTIVE channels too. Emits
     * MEMBER_LEFT.
     * Errors: INVALID_ARGUMENT (empty or malformed name), NOT_FOUND,
     * PERMISSION_DENIED.
     * </pre>
     */
    public com.relaydesk.v1.RemoveMemberResponse removeMember(com.relaydesk.v1.RemoveMemberRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getRemoveMemberMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Moves a member's `last_read_index` forward; agents and customers move only
     * their own. A value below the stored one changes nothing and is not an
     * error: the horizon never moves backwards. Works on INACTIVE channels too.
     * Emits MEMBER_UPDATED when the horizon moves.
     * Errors: INVALID_ARGUMENT (empty name, a negative index or one past the
     * channel's last message), NOT_FOUND, PERMISSION_DENIED.
     * </pre>
     */
    public com.relaydesk.v1.UpdateReadHorizonResponse updateReadHorizon(com.relaydesk.v1.UpdateReadHorizonRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getUpdateReadHorizonMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Adds a message to an ACTIVE channel, with the channel's next index. The
     * author is the caller's identity; an admin or service names it in `author`,
     * else it is `system`. The direction is INTERNAL when `internal` is set,
     * INBOUND when the author is the channel's customer, else OUTBOUND; an
     * OUTBOUND message in a channel with an active session is queued for a
     * gateway (delivery QUEUED). Emits MESSAGE_ADDED.
     * Errors: INVALID_ARGUMENT (empty parent, neither body nor media, a field
     * over its limit), NOT_FOUND (the channel), PERMISSION_DENIED (the caller is
     * not a member; a customer sets `internal`; an agent or customer names an
     * author other than itself), FAILED_PRECONDITION (the channel is INACTIVE;
     * `author` is neither a member nor `system`), RESOURCE_EXHAUSTED (over the
     * channel's write rate of 30 messages/s, bursts of 150; retry after the
     * RetryInfo delay).
     * </pre>
     */
    public com.relaydesk.v1.SendMessageResponse sendMessage(com.relaydesk.v1.SendMessageRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getSendMessageMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Returns one message.
     * Errors: INVALID_ARGUMENT (empty or malformed name), NOT_FOUND (also for an
     * INTERNAL message asked for by a customer), PERMISSION_DENIED.
     * </pre>
     */
    public com.relaydesk.v1.GetMessageResponse getMessage(com.relaydesk.v1.GetMessageRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getGetMessageMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Lists a channel's messages by index: ascending unless `order` is
     * DESCENDING, from after `after_index` when it is set. Customers never see
     * INTERNAL messages.
     * Errors: INVALID_ARGUMENT (empty parent, negative page size or
     * `after_index`, bad page token), NOT_FOUND, PERMISSION_DENIED.
     * </pre>
     */
    public com.relaydesk.v1.ListMessagesResponse listMessages(com.relaydesk.v1.ListMessagesRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getListMessagesMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Updates the fields named in `update_mask` (all populated fields when
     * unset): `body` and `attributes`. Only the author, an admin or a service
     * updates a message. A new body sets `edited`; it is not sent to the
     * customer again. Emits MESSAGE_UPDATED.
     * Errors: INVALID_ARGUMENT (empty name, a field over its limit, a mask naming
     * another field, a message left with neither body nor media), NOT_FOUND,
     * PERMISSION_DENIED, FAILED_PRECONDITION (the channel is INACTIVE), ABORTED
     * (stale etag).
     * </pre>
     */
    public com.relaydesk.v1.UpdateMessageResponse updateMessage(com.relaydesk.v1.UpdateMessageRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getUpdateMessageMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Deletes a message. Only the author, an admin or a service deletes a
     * message. Its index is not reused, and a message already handed to a
     * gateway is not recalled. Emits MESSAGE_DELETED.
     * Errors: INVALID_ARGUMENT (empty or malformed name), NOT_FOUND,
     * PERMISSION_DENIED, FAILED_PRECONDITION (the channel is INACTIVE).
     * </pre>
     */
    public com.relaydesk.v1.DeleteMessageResponse deleteMessage(com.relaydesk.v1.DeleteMessageRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getDeleteMessageMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Tells a channel's subscribers that someone is typing: an ephemeral TYPING
     * event, neither stored nor replayed. The typist is the caller; an admin or
     * service names it in `identity`.
     * Errors: INVALID_ARGUMENT (empty parent; an admin or service caller without
     * `identity`), NOT_FOUND, PERMISSION_DENIED (the caller is not a member; an
     * agent or customer names an identity other than its own),
     * FAILED_PRECONDITION (the channel is INACTIVE; `identity` is not a member).
     * </pre>
     */
    public com.relaydesk.v1.SendTypingResponse sendTyping(com.relaydesk.v1.SendTypingRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getSendTypingMethod(), getCallOptions(), request);
    }
  }

  /**
   * A stub to allow clients to do ListenableFuture-style rpc calls to service ChannelService.
   * <pre>
   * Manages conversations: channels, their members and their messages.
   * Admins and services reach every channel; an agent reaches the channels it is
   * a member of and reads public ones; a customer reaches only its own channel.
   * Anything else is PERMISSION_DENIED, with no hint whether it exists.
   * </pre>
   */
  public static final class ChannelServiceFutureStub
      extends io.grpc.stub.AbstractFutureStub<ChannelServiceFutureStub> {
    private ChannelServiceFutureStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected ChannelServiceFutureStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new ChannelServiceFutureStub(channel, callOptions);
    }

    /**
     * <pre>
     * Creates an ACTIVE channel. An agent caller becomes its first member (role
     * AGENT). Emits CHANNEL_CREATED.
     * Errors: INVALID_ARGUMENT (a field is malformed or over its limit),
     * ALREADY_EXISTS (the unique name is taken), FAILED_PRECONDITION (the
     * referenced flow does not exist), PERMISSION_DENIED (a customer caller).
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<com.relaydesk.v1.CreateChannelResponse> createChannel(
        com.relaydesk.v1.CreateChannelRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getCreateChannelMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Returns one channel, by `channels/{id}` or `channels/{unique_name}`.
     * Errors: INVALID_ARGUMENT (empty or malformed name), NOT_FOUND,
     * PERMISSION_DENIED.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<com.relaydesk.v1.GetChannelResponse> getChannel(
        com.relaydesk.v1.GetChannelRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getGetChannelMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Lists the channels the caller may see, oldest first: a customer gets only
     * its own channel.
     * Errors: INVALID_ARGUMENT (negative page size, bad page token).
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<com.relaydesk.v1.ListChannelsResponse> listChannels(
        com.relaydesk.v1.ListChannelsRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getListChannelsMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Updates the fields named in `update_mask` (all populated fields when unset):
     * `unique_name`, `display_name`, `type`, `long_lived` and `attributes`. Works
     * on INACTIVE channels too. Emits CHANNEL_UPDATED.
     * Errors: INVALID_ARGUMENT (empty name, a field malformed or over its limit,
     * a mask naming a field that cannot be updated), NOT_FOUND,
     * PERMISSION_DENIED, ALREADY_EXISTS (the unique name is taken), ABORTED
     * (stale etag).
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<com.relaydesk.v1.UpdateChannelResponse> updateChannel(
        com.relaydesk.v1.UpdateChannelRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getUpdateChannelMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Closes a conversation: the channel goes INACTIVE with `reason` as its
     * `close_reason`, and its session closes. No task is canceled or completed.
     * Emits CHANNEL_CLOSED, carrying the INACTIVE channel.
     * Errors: INVALID_ARGUMENT, NOT_FOUND, PERMISSION_DENIED,
     * FAILED_PRECONDITION (the channel is already INACTIVE).
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<com.relaydesk.v1.CloseChannelResponse> closeChannel(
        com.relaydesk.v1.CloseChannelRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getCloseChannelMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Deletes a channel with its members and messages; admins and services only.
     * Its active session, if any, ends FAILED; its task is left as it is. Emits
     * CHANNEL_DELETED.
     * Errors: INVALID_ARGUMENT (empty or malformed name), NOT_FOUND,
     * PERMISSION_DENIED.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<com.relaydesk.v1.DeleteChannelResponse> deleteChannel(
        com.relaydesk.v1.DeleteChannelRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getDeleteChannelMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Adds a member to an ACTIVE channel. Emits MEMBER_JOINED.
     * Errors: INVALID_ARGUMENT (missing identity or role, `system` as identity,
     * a field over its limit), NOT_FOUND (the channel), PERMISSION_DENIED,
     * ALREADY_EXISTS (the identity is already a member), FAILED_PRECONDITION
     * (the channel is INACTIVE, or already has 1000 members).
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<com.relaydesk.v1.AddMemberResponse> addMember(
        com.relaydesk.v1.AddMemberRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getAddMemberMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Lists a channel's members in the order they joined. Customers receive them
     * without attributes.
     * Errors: INVALID_ARGUMENT (empty parent, negative page size, bad page
     * token), NOT_FOUND, PERMISSION_DENIED.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<com.relaydesk.v1.ListMembersResponse> listMembers(
        com.relaydesk.v1.ListMembersRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getListMembersMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Removes a member from a channel; works on INACTIVE channels too. Emits
     * MEMBER_LEFT.
     * Errors: INVALID_ARGUMENT (empty or malformed name), NOT_FOUND,
     * PERMISSION_DENIED.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<com.relaydesk.v1.RemoveMemberResponse> removeMember(
        com.relaydesk.v1.RemoveMemberRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getRemoveMemberMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Moves a member's `last_read_index` forward; agents and customers move only
     * their own. A value below the stored one changes nothing and is not an
     * error: the horizon never moves backwards. Works on INACTIVE channels too.
     * Emits MEMBER_UPDATED when the horizon moves.
     * Errors: INVALID_ARGUMENT (empty name, a negative index or one past the
     * channel's last message), NOT_FOUND, PERMISSION_DENIED.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<com.relaydesk.v1.UpdateReadHorizonResponse> updateReadHorizon(
        com.relaydesk.v1.UpdateReadHorizonRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getUpdateReadHorizonMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Adds a message to an ACTIVE channel, with the channel's next index. The
     * author is the caller's identity; an admin or service names it in `author`,
     * else it is `system`. The direction is INTERNAL when `internal` is set,
     * INBOUND when the author is the channel's customer, else OUTBOUND; an
     * OUTBOUND message in a channel with an active session is queued for a
     * gateway (delivery QUEUED). Emits MESSAGE_ADDED.
     * Errors: INVALID_ARGUMENT (empty parent, neither body nor media, a field
     * over its limit), NOT_FOUND (the channel), PERMISSION_DENIED (the caller is
     * not a member; a customer sets `internal`; an agent or customer names an
     * author other than itself), FAILED_PRECONDITION (the channel is INACTIVE;
     * `author` is neither a member nor `system`), RESOURCE_EXHAUSTED (over the
     * channel's write rate of 30 messages/s, bursts of 150; retry after the
     * RetryInfo delay).
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<com.relaydesk.v1.SendMessageResponse> sendMessage(
        com.relaydesk.v1.SendMessageRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getSendMessageMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Returns one message.
     * Errors: INVALID_ARGUMENT (empty or malformed name), NOT_FOUND (also for an
     * INTERNAL message asked for by a customer), PERMISSION_DENIED.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<com.relaydesk.v1.GetMessageResponse> getMessage(
        com.relaydesk.v1.GetMessageRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getGetMessageMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Lists a channel's messages by index: ascending unless `order` is
     * DESCENDING, from after `after_index` when it is set. Customers never see
     * INTERNAL messages.
     * Errors: INVALID_ARGUMENT (empty parent, negative page size or
     * `after_index`, bad page token), NOT_FOUND, PERMISSION_DENIED.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<com.relaydesk.v1.ListMessagesResponse> listMessages(
        com.relaydesk.v1.ListMessagesRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getListMessagesMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Updates the fields named in `update_mask` (all populated fields when
     * unset): `body` and `attributes`. Only the author, an admin or a service
     * updates a message. A new body sets `edited`; it is not sent to the
     * customer again. Emits MESSAGE_UPDATED.
     * Errors: INVALID_ARGUMENT (empty name, a field over its limit, a mask naming
     * another field, a message left with neither body nor media), NOT_FOUND,
     * PERMISSION_DENIED, FAILED_PRECONDITION (the channel is INACTIVE), ABORTED
     * (stale etag).
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<com.relaydesk.v1.UpdateMessageResponse> updateMessage(
        com.relaydesk.v1.UpdateMessageRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getUpdateMessageMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Deletes a message. Only the author, an admin or a service deletes a
     * message. Its index is not reused, and a message already handed to a
     * gateway is not recalled. Emits MESSAGE_DELETED.
     * Errors: INVALID_ARGUMENT (empty or malformed name), NOT_FOUND,
     * PERMISSION_DENIED, FAILED_PRECONDITION (the channel is INACTIVE).
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<com.relaydesk.v1.DeleteMessageResponse> deleteMessage(
        com.relaydesk.v1.DeleteMessageRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getDeleteMessageMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Tells a channel's subscribers that someone is typing: an ephemeral TYPING
     * event, neither stored nor replayed. The typist is the caller; an admin or
     * service names it in `identity`.
     * Errors: INVALID_ARGUMENT (empty parent; an admin or service caller without
     * `identity`), NOT_FOUND, PERMISSION_DENIED (the caller is not a member; an
     * agent or customer names an identity other than its own),
     * FAILED_PRECONDITION (the channel is INACTIVE; `identity` is not a member).
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<com.relaydesk.v1.SendTypingResponse> sendTyping(
        com.relaydesk.v1.SendTypingRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getSendTypingMethod(), getCallOptions()), request);
    }
  }

  private static final int METHODID_CREATE_CHANNEL = 0;
  private static final int METHODID_GET_CHANNEL = 1;
  private static final int METHODID_LIST_CHANNELS = 2;
  private static final int METHODID_UPDATE_CHANNEL = 3;
  private static final int METHODID_CLOSE_CHANNEL = 4;
  private static final int METHODID_DELETE_CHANNEL = 5;
  private static final int METHODID_ADD_MEMBER = 6;
  private static final int METHODID_LIST_MEMBERS = 7;
  private static final int METHODID_REMOVE_MEMBER = 8;
  private static final int METHODID_UPDATE_READ_HORIZON = 9;
  private static final int METHODID_SEND_MESSAGE = 10;
  private static final int METHODID_GET_MESSAGE = 11;
  private static final int METHODID_LIST_MESSAGES = 12;
  private static final int METHODID_UPDATE_MESSAGE = 13;
  private static final int METHODID_DELETE_MESSAGE = 14;
  private static final int METHODID_SEND_TYPING = 15;

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
        case METHODID_CREATE_CHANNEL:
          serviceImpl.createChannel((com.relaydesk.v1.CreateChannelRequest) request,
              (io.grpc.stub.StreamObserver<com.relaydesk.v1.CreateChannelResponse>) responseObserver);
          break;
        case METHODID_GET_CHANNEL:
          serviceImpl.getChannel((com.relaydesk.v1.GetChannelRequest) request,
              (io.grpc.stub.StreamObserver<com.relaydesk.v1.GetChannelResponse>) responseObserver);
          break;
        case METHODID_LIST_CHANNELS:
          serviceImpl.listChannels((com.relaydesk.v1.ListChannelsRequest) request,
              (io.grpc.stub.StreamObserver<com.relaydesk.v1.ListChannelsResponse>) responseObserver);
          break;
        case METHODID_UPDATE_CHANNEL:
          serviceImpl.updateChannel((com.relaydesk.v1.UpdateChannelRequest) request,
              (io.grpc.stub.StreamObserver<com.relaydesk.v1.UpdateChannelResponse>) responseObserver);
          break;
        case METHODID_CLOSE_CHANNEL:
          serviceImpl.closeChannel((com.relaydesk.v1.CloseChannelRequest) request,
              (io.grpc.stub.StreamObserver<com.relaydesk.v1.CloseChannelResponse>) responseObserver);
          break;
        case METHODID_DELETE_CHANNEL:
          serviceImpl.deleteChannel((com.relaydesk.v1.DeleteChannelRequest) request,
              (io.grpc.stub.StreamObserver<com.relaydesk.v1.DeleteChannelResponse>) responseObserver);
          break;
        case METHODID_ADD_MEMBER:
          serviceImpl.addMember((com.relaydesk.v1.AddMemberRequest) request,
              (io.grpc.stub.StreamObserver<com.relaydesk.v1.AddMemberResponse>) responseObserver);
          break;
        case METHODID_LIST_MEMBERS:
          serviceImpl.listMembers((com.relaydesk.v1.ListMembersRequest) request,
              (io.grpc.stub.StreamObserver<com.relaydesk.v1.ListMembersResponse>) responseObserver);
          break;
        case METHODID_REMOVE_MEMBER:
          serviceImpl.removeMember((com.relaydesk.v1.RemoveMemberRequest) request,
              (io.grpc.stub.StreamObserver<com.relaydesk.v1.RemoveMemberResponse>) responseObserver);
          break;
        case METHODID_UPDATE_READ_HORIZON:
          serviceImpl.updateReadHorizon((com.relaydesk.v1.UpdateReadHorizonRequest) request,
              (io.grpc.stub.StreamObserver<com.relaydesk.v1.UpdateReadHorizonResponse>) responseObserver);
          break;
        case METHODID_SEND_MESSAGE:
          serviceImpl.sendMessage((com.relaydesk.v1.SendMessageRequest) request,
              (io.grpc.stub.StreamObserver<com.relaydesk.v1.SendMessageResponse>) responseObserver);
          break;
        case METHODID_GET_MESSAGE:
          serviceImpl.getMessage((com.relaydesk.v1.GetMessageRequest) request,
              (io.grpc.stub.StreamObserver<com.relaydesk.v1.GetMessageResponse>) responseObserver);
          break;
        case METHODID_LIST_MESSAGES:
          serviceImpl.listMessages((com.relaydesk.v1.ListMessagesRequest) request,
              (io.grpc.stub.StreamObserver<com.relaydesk.v1.ListMessagesResponse>) responseObserver);
          break;
        case METHODID_UPDATE_MESSAGE:
          serviceImpl.updateMessage((com.relaydesk.v1.UpdateMessageRequest) request,
              (io.grpc.stub.StreamObserver<com.relaydesk.v1.UpdateMessageResponse>) responseObserver);
          break;
        case METHODID_DELETE_MESSAGE:
          serviceImpl.deleteMessage((com.relaydesk.v1.DeleteMessageRequest) request,
              (io.grpc.stub.StreamObserver<com.relaydesk.v1.DeleteMessageResponse>) responseObserver);
          break;
        case METHODID_SEND_TYPING:
          serviceImpl.sendTyping((com.relaydesk.v1.SendTypingRequest) request,
              (io.grpc.stub.StreamObserver<com.relaydesk.v1.SendTypingResponse>) responseObserver);
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
          getCreateChannelMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              com.relaydesk.v1.CreateChannelRequest,
              com.relaydesk.v1.CreateChannelResponse>(
                service, METHODID_CREATE_CHANNEL)))
        .addMethod(
          getGetChannelMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              com.relaydesk.v1.GetChannelRequest,
              com.relaydesk.v1.GetChannelResponse>(
                service, METHODID_GET_CHANNEL)))
        .addMethod(
          getListChannelsMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              com.relaydesk.v1.ListChannelsRequest,
              com.relaydesk.v1.ListChannelsResponse>(
                service, METHODID_LIST_CHANNELS)))
        .addMethod(
          getUpdateChannelMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              com.relaydesk.v1.UpdateChannelRequest,
              com.relaydesk.v1.UpdateChannelResponse>(
                service, METHODID_UPDATE_CHANNEL)))
        .addMethod(
          getCloseChannelMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              com.relaydesk.v1.CloseChannelRequest,
              com.relaydesk.v1.CloseChannelResponse>(
                service, METHODID_CLOSE_CHANNEL)))
        .addMethod(
          getDeleteChannelMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              com.relaydesk.v1.DeleteChannelRequest,
              com.relaydesk.v1.DeleteChannelResponse>(
                service, METHODID_DELETE_CHANNEL)))
        .addMethod(
          getAddMemberMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              com.relaydesk.v1.AddMemberRequest,
              com.relaydesk.v1.AddMemberResponse>(
                service, METHODID_ADD_MEMBER)))
        .addMethod(
          getListMembersMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              com.relaydesk.v1.ListMembersRequest,
              com.relaydesk.v1.ListMembersResponse>(
                service, METHODID_LIST_MEMBERS)))
        .addMethod(
          getRemoveMemberMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              com.relaydesk.v1.RemoveMemberRequest,
              com.relaydesk.v1.RemoveMemberResponse>(
                service, METHODID_REMOVE_MEMBER)))
        .addMethod(
          getUpdateReadHorizonMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              com.relaydesk.v1.UpdateReadHorizonRequest,
              com.relaydesk.v1.UpdateReadHorizonResponse>(
                service, METHODID_UPDATE_READ_HORIZON)))
        .addMethod(
          getSendMessageMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              com.relaydesk.v1.SendMessageRequest,
              com.relaydesk.v1.SendMessageResponse>(
                service, METHODID_SEND_MESSAGE)))
        .addMethod(
          getGetMessageMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              com.relaydesk.v1.GetMessageRequest,
              com.relaydesk.v1.GetMessageResponse>(
                service, METHODID_GET_MESSAGE)))
        .addMethod(
          getListMessagesMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              com.relaydesk.v1.ListMessagesRequest,
              com.relaydesk.v1.ListMessagesResponse>(
                service, METHODID_LIST_MESSAGES)))
        .addMethod(
          getUpdateMessageMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              com.relaydesk.v1.UpdateMessageRequest,
              com.relaydesk.v1.UpdateMessageResponse>(
                service, METHODID_UPDATE_MESSAGE)))
        .addMethod(
          getDeleteMessageMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              com.relaydesk.v1.DeleteMessageRequest,
              com.relaydesk.v1.DeleteMessageResponse>(
                service, METHODID_DELETE_MESSAGE)))
        .addMethod(
          getSendTypingMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              com.relaydesk.v1.SendTypingRequest,
              com.relaydesk.v1.SendTypingResponse>(
                service, METHODID_SEND_TYPING)))
        .build();
  }

  private static abstract class ChannelServiceBaseDescriptorSupplier
      implements io.grpc.protobuf.ProtoFileDescriptorSupplier, io.grpc.protobuf.ProtoServiceDescriptorSupplier {
    ChannelServiceBaseDescriptorSupplier() {}

    @java.lang.Override
    public com.google.protobuf.Descriptors.FileDescriptor getFileDescriptor() {
      return com.relaydesk.v1.ChannelServiceProto.getDescriptor();
    }

    @java.lang.Override
    public com.google.protobuf.Descriptors.ServiceDescriptor getServiceDescriptor() {
      return getFileDescriptor().findServiceByName("ChannelService");
    }
  }

  private static final class ChannelServiceFileDescriptorSupplier
      extends ChannelServiceBaseDescriptorSupplier {
    ChannelServiceFileDescriptorSupplier() {}
  }

  private static final class ChannelServiceMethodDescriptorSupplier
      extends ChannelServiceBaseDescriptorSupplier
      implements io.grpc.protobuf.ProtoMethodDescriptorSupplier {
    private final java.lang.String methodName;

    ChannelServiceMethodDescriptorSupplier(java.lang.String methodName) {
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
      synchronized (ChannelServiceGrpc.class) {
        result = serviceDescriptor;
        if (result == null) {
          serviceDescriptor = result = io.grpc.ServiceDescriptor.newBuilder(SERVICE_NAME)
              .setSchemaDescriptor(new ChannelServiceFileDescriptorSupplier())
              .addMethod(getCreateChannelMethod())
              .addMethod(getGetChannelMethod())
              .addMethod(getListChannelsMethod())
              .addMethod(getUpdateChannelMethod())
              .addMethod(getCloseChannelMethod())
              .addMethod(getDeleteChannelMethod())
              .addMethod(getAddMemberMethod())
              .addMethod(getListMembersMethod())
              .addMethod(getRemoveMemberMethod())
              .addMethod(getUpdateReadHorizonMethod())
              .addMethod(getSendMessageMethod())
              .addMethod(getGetMessageMethod())
              .addMethod(getListMessagesMethod())
              .addMethod(getUpdateMessageMethod())
              .addMethod(getDeleteMessageMethod())
              .addMethod(getSendTypingMethod())
              .build();
        }
      }
    }
    return result;
  }
}
