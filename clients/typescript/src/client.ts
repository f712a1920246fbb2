// Small conveniences over the generated relaydesk.v1 services. Nothing here
// depends on Node: they take any Connect Transport (gRPC from
// @connectrpc/connect-node, or Connect/gRPC-Web from @connectrpc/connect-web).

import { createClient } from "@connectrpc/connect";
import type { CallOptions, Client, Interceptor, Transport } from "@connectrpc/connect";

import { AuthService } from "./gen/relaydesk/v1/auth_service_pb.js";
import { BotService } from "./gen/relaydesk/v1/bot_service_pb.js";
import { ChannelService } from "./gen/relaydesk/v1/channel_service_pb.js";
import { EngagementService } from "./gen/relaydesk/v1/engagement_service_pb.js";
import { EventService } from "./gen/relaydesk/v1/event_service_pb.js";
import { FlowService } from "./gen/relaydesk/v1/flow_service_pb.js";
import { GatewayService } from "./gen/relaydesk/v1/gateway_service_pb.js";
import { SessionService } from "./gen/relaydesk/v1/session_service_pb.js";
import { TaskService } from "./gen/relaydesk/v1/task_service_pb.js";
import { WorkforceService } from "./gen/relaydesk/v1/workforce_service_pb.js";

/** The deadline `withDefaultTimeout` gives unary calls unless told otherwise. */
export const DEFAULT_TIMEOUT_MS = 30_000;

/** One client per relaydesk.v1 service, all over the same transport. */
export interface Relaydesk {
  auth: Client<typeof AuthService>;
  bots: Client<typeof BotService>;
  channels: Client<typeof ChannelService>;
  engagements: Client<typeof EngagementService>;
  events: Client<typeof EventService>;
  flows: Client<typeof FlowService>;
  gateway: Client<typeof GatewayService>;
  sessions: Client<typeof SessionService>;
  tasks: Client<typeof TaskService>;
  workforce: Client<typeof WorkforceService>;
}

export function createClients(transport: Transport): Relaydesk {
  return {
    auth: createClient(AuthService, transport),
    bots: createClient(BotService, transport),
    channels: createClient(ChannelService, transport),
    engagements: createClient(EngagementService, transport),
    events: createClient(EventService, transport),
    flows: createClient(FlowService, transport),
    gateway: createClient(GatewayService, transport),
    sessions: createClient(SessionService, transport),
    tasks: createClient(TaskService, transport),
    workforce: createClient(WorkforceService, transport),
  };
}

/**
 * Sends `authorization: Bearer <credential>` (an API key secret or an access
 * token) on every call that does not set its own.
 */
export function bearer(credential: string): Interceptor {
  return (next) => (request) => {
    if (!request.header.has("authorization")) {
      request.header.set("authorization", `Bearer ${credential}`);
    }
    return next(request);
  };
}

/**
 * Gives every unary call without a timeout of its own a deadline of
 * `timeoutMs`. Streams are left alone: an event stream is meant to stay open.
 * (A transport's own `defaultTimeoutMs` would cut streams too.)
 */
export function withDefaultTimeout(transport: Transport, timeoutMs = DEFAULT_TIMEOUT_MS): Transport {
  return {
    unary: (method, signal, callTimeoutMs, header, input, contextValues) =>
      transport.unary(method, signal, callTimeoutMs ?? timeoutMs, header, input, contextValues),
    stream: (method, signal, callTimeoutMs, header, input, contextValues) =>
      transport.stream(method, signal, callTimeoutMs, header, input, contextValues),
  };
}

/**
 * Starts a server-streaming call and resolves once the server has sent its
 * response headers: from then on the stream is live, so whatever happens next
 * is delivered on it. Rejects if the call fails first. Read the stream with
 * `for await`; end it early with the `signal` of `options`.
 *
 *     const events = await openStream(rd.events.subscribe, {}, { signal });
 */
export async function openStream<Req, Res>(
  method: (request: Req, options?: CallOptions) => AsyncIterable<Res>,
  request: Req,
  options: CallOptions = {},
): Promise<AsyncIterable<Res>> {
  let live!: () => void;
  const headers = new Promise<void>((resolve) => (live = resolve));
  const iterator = method(request, {
    ...options,
    onHeader: (header) => {
      options.onHeader?.(header);
      live();
    },
  })[Symbol.asyncIterator]();
  // Connect starts the call on the first next(); that one resolves with the
  // first message (or rejects if the call fails, headers or not).
  let first: Promise<IteratorResult<Res>> | undefined = iterator.next();
  await Promise.race([headers, first]);
  return {
    [Symbol.asyncIterator]: () => ({
      next: () => {
        const result = first ?? iterator.next();
        first = undefined;
        return result;
      },
    }),
  };
}
