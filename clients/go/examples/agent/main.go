// Command agent is a relaydesk agent in a few RPCs: it goes Available, accepts
// the first conversation offered to it, prints what the customer wrote, replies
// and completes the task.
//
//	RELAYDESK_TOKEN=$(relaydesk token --identity alice --role agent) go run ./examples/agent
package main

import (
	"context"
	"errors"
	"fmt"
	"os"

	"github.com/google/uuid"
	_ "google.golang.org/genproto/googleapis/rpc/errdetails" // so status details decode
	"google.golang.org/grpc/status"
	"google.golang.org/protobuf/encoding/prototext"
	"google.golang.org/protobuf/proto"

	"github.com/relaydesk/relaydesk/clients/go/client"
	pb "github.com/relaydesk/relaydesk/clients/go/relaydesk/v1"
)

func main() {
	server := getenv("RELAYDESK_SERVER", "127.0.0.1:50051")
	token := os.Getenv("RELAYDESK_TOKEN")
	reply := getenv("RELAYDESK_REPLY", "Thanks for writing in: I am on it.")
	if token == "" {
		fmt.Fprintln(os.Stderr, "RELAYDESK_TOKEN is not set: mint an agent token with `relaydesk token --identity ID --role agent`")
		os.Exit(2)
	}
	if err := run(context.Background(), server, token, reply); err != nil {
		report(err)
		os.Exit(1)
	}
}

func run(ctx context.Context, server, token, reply string) error {
	rd, err := client.Connect(server, token)
	if err != nil {
		return err
	}
	defer rd.Close()

	// An agent's ListWorkers shows its own worker only.
	workers, err := rd.Workforce.ListWorkers(ctx, &pb.ListWorkersRequest{})
	if err != nil {
		return err
	}
	if len(workers.Workers) == 0 {
		return errors.New("no worker has this token's identity")
	}
	worker := workers.Workers[0]
	available, err := availableActivity(ctx, rd)
	if err != nil {
		return err
	}

	// Subscribe before going Available, and wait for the stream's headers: the
	// server sends them once the stream is live, so the offer cannot slip by.
	ctx, cancel := context.WithCancel(ctx)
	defer cancel() // ends the stream
	events, err := rd.Events.Subscribe(ctx, &pb.SubscribeRequest{Types: []pb.EventType{
		pb.EventType_EVENT_TYPE_RESERVATION_CREATED, pb.EventType_EVENT_TYPE_RESERVATION_UPDATED,
	}})
	if err != nil {
		return err
	}
	if _, err := events.Header(); err != nil {
		return err
	}
	if _, err := rd.Workforce.SetWorkerActivity(ctx, &pb.SetWorkerActivityRequest{
		Name: worker.Name, Activity: available.Name, RequestId: uuid.NewString(),
	}); err != nil {
		return err
	}
	fmt.Printf("%s (%s) is %s, waiting for a conversation\n", worker.Identity, worker.Name, available.DisplayName)

	var offer *pb.Reservation
	for offer == nil {
		response, err := events.Recv() // heartbeats come too; they carry no reservation
		if err != nil {
			return err
		}
		r := response.GetEvent().GetReservation()
		if r.GetWorker() == worker.Name && r.GetStatus() == pb.ReservationStatus_RESERVATION_STATUS_PENDING {
			offer = r
		}
	}
	if _, err := rd.Tasks.AcceptReservation(ctx, &pb.AcceptReservationRequest{
		Name: offer.Name, RequestId: uuid.NewString(),
	}); err != nil {
		return err
	}
	fmt.Printf("accepted %s\n", offer.Name)

	// Accepting made the agent a member of the task's channel: it may read the history.
	got, err := rd.Tasks.GetTask(ctx, &pb.GetTaskRequest{Name: offer.Task})
	if err != nil {
		return err
	}
	task := got.Task
	for page := ""; ; {
		messages, err := rd.Channels.ListMessages(ctx, &pb.ListMessagesRequest{Parent: task.Channel, PageToken: page})
		if err != nil {
			return err
		}
		for _, m := range messages.Messages {
			if m.Direction == pb.MessageDirection_MESSAGE_DIRECTION_INBOUND {
				fmt.Printf("customer %s: %s\n", m.Author, m.Body)
			}
		}
		if page = messages.NextPageToken; page == "" {
			break
		}
	}

	sent, err := rd.Channels.SendMessage(ctx, &pb.SendMessageRequest{
		Parent: task.Channel, Body: reply, RequestId: uuid.NewString(),
	})
	if err != nil {
		return err
	}
	fmt.Printf("replied %s: %s\n", sent.GetMessage().GetName(), reply)

	// ASSIGNED → COMPLETED is legal directly; WrapUpTask is for after-call work.
	done, err := rd.Tasks.CompleteTask(ctx, &pb.CompleteTaskRequest{
		Name: task.Name, Reason: "answered", RequestId: uuid.NewString(),
	})
	if err != nil {
		return err
	}
	fmt.Printf("completed %s: %s\n", done.GetTask().GetName(), done.GetTask().GetStatus())
	return nil
}

// availableActivity is the first activity in which a worker can be offered tasks.
func availableActivity(ctx context.Context, rd *client.Client) (*pb.Activity, error) {
	for page := ""; ; {
		activities, err := rd.Workforce.ListActivities(ctx, &pb.ListActivitiesRequest{PageToken: page})
		if err != nil {
			return nil, err
		}
		for _, a := range activities.Activities {
			if a.Available {
				return a, nil
			}
		}
		if page = activities.NextPageToken; page == "" {
			return nil, errors.New("no activity is available")
		}
	}
}

// report prints an error; for an RPC error, its code, message and details
// (ErrorInfo, BadRequest, PreconditionFailure, …).
func report(err error) {
	s, ok := status.FromError(err)
	if !ok {
		fmt.Fprintln(os.Stderr, "error:", err)
		return
	}
	fmt.Fprintf(os.Stderr, "error: %s: %s\n", s.Code(), s.Message())
	for _, d := range s.Details() {
		if m, ok := d.(proto.Message); ok {
			fmt.Fprintf(os.Stderr, "  %s: %s\n", m.ProtoReflect().Descriptor().FullName(), prototext.MarshalOptions{}.Format(m))
		} else {
			fmt.Fprintln(os.Stderr, "  undecodable detail:", d)
		}
	}
}

func getenv(name, fallback string) string {
	if v := os.Getenv(name); v != "" {
		return v
	}
	return fallback
}
