// An agent that takes one conversation: it goes Available, accepts the first reservation
// offered to it, prints what the customer wrote, replies, and completes the task.
//
//   RELAYDESK_SERVER  the server, HOST:PORT (default 127.0.0.1:50051; plaintext, for loopback)
//   RELAYDESK_TOKEN   an agent access token (`relaydesk token --identity ID --role agent`)
//   RELAYDESK_REPLY   the reply to send (default "Thanks for writing in: I am on it.")

import com.google.protobuf.TextFormat;
import com.relaydesk.client.EventStream;
import com.relaydesk.client.Relaydesk;
import com.relaydesk.v1.AcceptReservationRequest;
import com.relaydesk.v1.Activity;
import com.relaydesk.v1.ChannelServiceGrpc;
import com.relaydesk.v1.CompleteTaskRequest;
import com.relaydesk.v1.Event;
import com.relaydesk.v1.EventType;
import com.relaydesk.v1.GetTaskRequest;
import com.relaydesk.v1.ListActivitiesRequest;
import com.relaydesk.v1.ListMessagesRequest;
import com.relaydesk.v1.ListWorkersRequest;
import com.relaydesk.v1.Message;
import com.relaydesk.v1.MessageDirection;
import com.relaydesk.v1.Reservation;
import com.relaydesk.v1.ReservationStatus;
import com.relaydesk.v1.SendMessageRequest;
import com.relaydesk.v1.SetWorkerActivityRequest;
import com.relaydesk.v1.SubscribeRequest;
import com.relaydesk.v1.Task;
import com.relaydesk.v1.TaskServiceGrpc;
import com.relaydesk.v1.Worker;
import com.relaydesk.v1.WorkforceServiceGrpc;
import io.grpc.ManagedChannel;
import io.grpc.StatusRuntimeException;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

public final class Agent {
  public static void main(String[] args) throws InterruptedException {
    String server = env("RELAYDESK_SERVER", "127.0.0.1:50051");
    String token = env("RELAYDESK_TOKEN", "");
    String reply = env("RELAYDESK_REPLY", "Thanks for writing in: I am on it.");
    if (token.isEmpty()) {
      System.err.println("RELAYDESK_TOKEN is not set: mint an agent token with"
          + " `relaydesk token --identity <worker identity> --role agent`");
      System.exit(2);
    }
    ManagedChannel channel = Relaydesk.connect(server, token);
    int status = 0;
    try {
      takeOneConversation(channel, reply);
    } catch (StatusRuntimeException e) {
      System.err.printf("error: %s: %s%n", e.getStatus().getCode(), e.getStatus().getDescription());
      for (com.google.protobuf.Message detail : Relaydesk.errorDetails(e)) {
        System.err.printf("  %s: %s%n", detail.getDescriptorForType().getFullName(),
            TextFormat.printer().shortDebugString(detail));
      }
      status = 1;
    } catch (IllegalStateException e) {
      System.err.printf("error: %s%n", e.getMessage());
      status = 1;
    } finally {
      channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }
    System.exit(status);
  }

  static void takeOneConversation(ManagedChannel channel, String reply)
      throws InterruptedException {
    var workforce = WorkforceServiceGrpc.newBlockingStub(channel);
    var tasks = TaskServiceGrpc.newBlockingStub(channel);
    var channels = ChannelServiceGrpc.newBlockingStub(channel);

    // An agent sees only its own worker: the one whose identity is the token's.
    Worker worker = workforce.listWorkers(ListWorkersRequest.getDefaultInstance())
        .getWorkersList().stream().findFirst()
        .orElseThrow(() -> new IllegalStateException("no worker has this token's identity"));
    Activity available = workforce.listActivities(ListActivitiesRequest.getDefaultInstance())
        .getActivitiesList().stream().filter(Activity::getAvailable).findFirst()
        .orElseThrow(() -> new IllegalStateException("the server has no available activity"));

    SubscribeRequest live = SubscribeRequest.newBuilder()
        .addTypes(EventType.EVENT_TYPE_RESERVATION_CREATED)
        .addTypes(EventType.EVENT_TYPE_RESERVATION_UPDATED)
        .build();
    Reservation offer;
    try (EventStream events = EventStream.subscribe(channel, live)) {
      // Go Available only once the stream is live, so that no offer can slip by unseen.
      events.awaitLive(Duration.ofSeconds(10));
      workforce.setWorkerActivity(SetWorkerActivityRequest.newBuilder()
          .setName(worker.getName()).setActivity(available.getName()).setRequestId(requestId())
          .build());
      System.out.printf("%s (%s) is %s, waiting for a conversation%n",
          worker.getIdentity(), worker.getName(), available.getDisplayName());
      offer = nextOffer(events, worker.getName());
    }
    tasks.acceptReservation(AcceptReservationRequest.newBuilder()
        .setName(offer.getName()).setRequestId(requestId()).build());
    System.out.printf("accepted %s%n", offer.getName());

    // Accepting made the agent a member of the task's conversation: it may read it now.
    Task task =
        tasks.getTask(GetTaskRequest.newBuilder().setName(offer.getTask()).build()).getTask();
    var history = channels.listMessages(ListMessagesRequest.newBuilder()
        .setParent(task.getChannel()).setPageSize(100).build());
    for (Message message : history.getMessagesList()) {
      if (message.getDirection() == MessageDirection.MESSAGE_DIRECTION_INBOUND) {
        System.out.printf("customer %s wrote: %s%n", message.getAuthor(), message.getBody());
      }
    }

    channels.sendMessage(SendMessageRequest.newBuilder()
        .setParent(task.getChannel()).setBody(reply).setRequestId(requestId()).build());
    System.out.printf("replied: %s%n", reply);

    // ASSIGNED -> COMPLETED is allowed directly; WrapUpTask is for agents with after-call work.
    Task done = tasks.completeTask(CompleteTaskRequest.newBuilder()
        .setName(task.getName()).setReason("answered").setRequestId(requestId()).build()).getTask();
    System.out.printf("completed %s (%s)%n", done.getName(), done.getStatus());
  }

  // The first reservation offered to the worker: one still PENDING (heartbeats come too,
  // carrying no reservation, and so do updates of reservations that are already decided).
  static Reservation nextOffer(EventStream events, String worker) throws InterruptedException {
    for (Event event = events.next(); event != null; event = events.next()) {
      Reservation reservation = event.getReservation();
      if (reservation.getWorker().equals(worker)
          && reservation.getStatus() == ReservationStatus.RESERVATION_STATUS_PENDING) {
        return reservation;
      }
    }
    throw new IllegalStateException("the server ended the event stream");
  }

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isEmpty() ? fallback : value;
  }

  // A fresh id per write: a retry with the same id cannot apply it twice.
  private static String requestId() {
    return UUID.randomUUID().toString();
  }
}
