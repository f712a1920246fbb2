// @relaydesk/client: the generated relaydesk.v1 messages and service
// descriptors (protobuf-es), and small helpers for calling them with Connect.
// Everything here runs in browsers too; Node's gRPC `connect()` is in
// "@relaydesk/client/node".

export * from "./client.js";
export * from "./errors.js";
export * from "./gen/relaydesk/v1/activity_pb.js";
export * from "./gen/relaydesk/v1/api_key_pb.js";
export * from "./gen/relaydesk/v1/auth_service_pb.js";
export * from "./gen/relaydesk/v1/bot_pb.js";
export * from "./gen/relaydesk/v1/bot_service_pb.js";
export * from "./gen/relaydesk/v1/channel_pb.js";
export * from "./gen/relaydesk/v1/channel_service_pb.js";
export * from "./gen/relaydesk/v1/common_pb.js";
export * from "./gen/relaydesk/v1/engagement_service_pb.js";
export * from "./gen/relaydesk/v1/event_pb.js";
export * from "./gen/relaydesk/v1/event_service_pb.js";
export * from "./gen/relaydesk/v1/execution_pb.js";
export * from "./gen/relaydesk/v1/flow_pb.js";
export * from "./gen/relaydesk/v1/flow_service_pb.js";
export * from "./gen/relaydesk/v1/gateway_service_pb.js";
export * from "./gen/relaydesk/v1/member_pb.js";
export * from "./gen/relaydesk/v1/message_pb.js";
export * from "./gen/relaydesk/v1/queue_pb.js";
export * from "./gen/relaydesk/v1/reservation_pb.js";
export * from "./gen/relaydesk/v1/session_pb.js";
export * from "./gen/relaydesk/v1/session_service_pb.js";
export * from "./gen/relaydesk/v1/task_pb.js";
export * from "./gen/relaydesk/v1/task_service_pb.js";
export * from "./gen/relaydesk/v1/worker_pb.js";
export * from "./gen/relaydesk/v1/workflow_pb.js";
export * from "./gen/relaydesk/v1/workforce_service_pb.js";
