package com.relaydesk.client;

import com.google.protobuf.Any;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.rpc.BadRequest;
import com.google.rpc.DebugInfo;
import com.google.rpc.ErrorInfo;
import com.google.rpc.Help;
import com.google.rpc.LocalizedMessage;
import com.google.rpc.PreconditionFailure;
import com.google.rpc.QuotaFailure;
import com.google.rpc.RequestInfo;
import com.google.rpc.ResourceInfo;
import com.google.rpc.RetryInfo;
import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.protobuf.StatusProto;
import io.grpc.stub.MetadataUtils;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Connecting to relaydesk: a channel whose every call carries {@code authorization: Bearer
 * <credential>} and whose unary calls get a default deadline, and the google.rpc details of a
 * failed call.
 *
 * <pre>{@code
 * ManagedChannel channel = Relaydesk.connect("127.0.0.1:50051", token);
 * var workforce = WorkforceServiceGrpc.newBlockingStub(channel);
 * try {
 *   workforce.listWorkers(ListWorkersRequest.getDefaultInstance());
 * } catch (StatusRuntimeException e) {
 *   Relaydesk.errorDetails(e); // [ErrorInfo{reason: ...}, BadRequest{...}, ...]
 * }
 * }</pre>
 */
public final class Relaydesk {
  /** The deadline of a unary call that sets none. Streams get none unless the caller asks. */
  public static final Duration DEFAULT_DEADLINE = Duration.ofSeconds(30);

  private static final Metadata.Key<String> AUTHORIZATION =
      Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);

  /** The google.rpc detail types relaydesk sends, decoded by {@link #errorDetails}. */
  private static final List<Class<? extends com.google.protobuf.Message>> DETAIL_TYPES =
      List.of(
          ErrorInfo.class,
          BadRequest.class,
          PreconditionFailure.class,
          ResourceInfo.class,
          RetryInfo.class,
          QuotaFailure.class,
          RequestInfo.class,
          DebugInfo.class,
          Help.class,
          LocalizedMessage.class);

  private Relaydesk() {}

  /**
   * A plaintext channel to {@code target} (HOST:PORT, e.g. a server on loopback) that sends
   * {@code credential} (an API key secret or an access token) on every call.
   */
  public static ManagedChannel connect(String target, String credential) {
    return connect(ManagedChannelBuilder.forTarget(target).usePlaintext(), credential);
  }

  /**
   * A channel from {@code builder} (set up TLS there) that sends {@code credential} on every
   * call and gives unary calls {@link #DEFAULT_DEADLINE} unless they set their own.
   */
  public static ManagedChannel connect(ManagedChannelBuilder<?> builder, String credential) {
    return builder.intercept(bearer(credential), unaryDeadline(DEFAULT_DEADLINE)).build();
  }

  /** Adds {@code authorization: Bearer <credential>} to every call. */
  public static ClientInterceptor bearer(String credential) {
    Metadata headers = new Metadata();
    headers.put(AUTHORIZATION, "Bearer " + credential);
    return MetadataUtils.newAttachHeadersInterceptor(headers);
  }

  /** Gives every unary call without a deadline one {@code deadline} from its start. */
  public static ClientInterceptor unaryDeadline(Duration deadline) {
    return new ClientInterceptor() {
      @Override
      public <Q, R> ClientCall<Q, R> interceptCall(
          MethodDescriptor<Q, R> method, CallOptions options, Channel next) {
        boolean unary = method.getType() == MethodDescriptor.MethodType.UNARY;
        if (unary && options.getDeadline() == null) {
          options = options.withDeadlineAfter(deadline.toNanos(), TimeUnit.NANOSECONDS);
        }
        return next.newCall(method, options);
      }
    };
  }

  /**
   * The google.rpc detail messages (ErrorInfo, BadRequest, ...) a failed call carries, in order:
   * known types decoded, any other left as its {@link Any}. Empty when there are none.
   */
  public static List<com.google.protobuf.Message> errorDetails(Throwable error) {
    com.google.rpc.Status status = StatusProto.fromThrowable(error);
    List<com.google.protobuf.Message> details = new ArrayList<>();
    if (status == null) {
      return details;
    }
    for (Any detail : status.getDetailsList()) {
      details.add(unpack(detail));
    }
    return details;
  }

  private static com.google.protobuf.Message unpack(Any detail) {
    for (Class<? extends com.google.protobuf.Message> type : DETAIL_TYPES) {
      if (detail.is(type)) {
        try {
          return detail.unpack(type);
        } catch (InvalidProtocolBufferException e) {
          return detail;
        }
      }
    }
    return detail;
  }
}
