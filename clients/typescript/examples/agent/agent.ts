// An agent, end to end: go Available, accept the first conversation offered,
// read what the customer wrote, reply, and complete the task.
//
//   RELAYDESK_SERVER  the server, host:port (default 127.0.0.1:50051; plaintext, for loopback)
//   RELAYDESK_TOKEN   an agent's access token (required): `relaydesk token --identity ID --role agent`
//   RELAYDESK_REPLY   what to answer the customer
//
// Build with `npm run build`, then run `node dist/examples/agent/agent.js`.

import { randomUUID } from "node:crypto";

// An application would import these from "@relaydesk/client" and "@relaydesk/client/node".
import { describeError, EventType, MessageDirection, openStream, ReservationStatus } from "../../src/index.js";
import type { Reservation, SubscribeResponse } from "../../src/index.js";
import { connect } from "../../src/node.js";

const server = process.env.RELAYDESK_SERVER || "127.0.0.1:50051";
const token = process.env.RELAYDESK_TOKEN;
const reply = process.env.RELAYDESK_REPLY || "Thanks for writing in: I am on it.";

async function main(token: string): Promise<void> {
  const rd = connect(server, token);

  // An agent sees only its own worker.
  const { workers } = await rd.workforce.listWorkers({});
  const worker = workers[0];
  if (!worker) {
    throw new Error("no worker has this token's identity: create one first");
  }
  const { activities } = await rd.workforce.listActivities({});
  const available = activities.find((activity) => activity.available);
  if (!available) {
    throw new Error("no activity is available");
  }

  // Subscribe first, and go Available only once the stream is live: an offer
  // made the moment the worker is available cannot slip past unseen.
  const stop = new AbortController();
  let reservation: Reservation;
  try {
    const events = await openStream(rd.events.subscribe, {}, { signal: stop.signal });
    await rd.workforce.setWorkerActivity({ name: worker.name, activity: available.name, requestId: randomUUID() });
    console.log(`${worker.identity} is ${available.displayName}; waiting for a conversation`);
    reservation = await firstOffer(events, worker.name);
  } finally {
    stop.abort(); // this example handles one conversation: no more events needed
  }

  await rd.tasks.acceptReservation({ name: reservation.name, requestId: randomUUID() });
  console.log(`accepted ${reservation.name}`);

  // Accepting made the agent a member of the task's channel: it may read the history.
  const { task } = await rd.tasks.getTask({ name: reservation.task });
  if (!task?.channel) {
    throw new Error(`${reservation.task} has no conversation`);
  }
  const { messages } = await rd.channels.listMessages({ parent: task.channel });
  for (const message of messages) {
    if (message.direction === MessageDirection.INBOUND) {
      console.log(`customer: ${message.body}`);
    }
  }

  const { message: sent } = await rd.channels.sendMessage({ parent: task.channel, body: reply, requestId: randomUUID() });
  console.log(`replied: ${sent?.body}`);

  // ASSIGNED -> COMPLETED directly: there is no after-conversation work here
  // (WrapUpTask would hold the task, and the worker's capacity, in WRAPPING).
  const { task: completed } = await rd.tasks.completeTask({ name: task.name, reason: "answered", requestId: randomUUID() });
  console.log(`completed ${completed?.name}`);
}

/** The first reservation offered to `worker` (heartbeats and other events are skipped). */
async function firstOffer(events: AsyncIterable<SubscribeResponse>, worker: string): Promise<Reservation> {
  for await (const { event } of events) {
    const offer =
      (event?.type === EventType.RESERVATION_CREATED || event?.type === EventType.RESERVATION_UPDATED) &&
      event.payload.case === "reservation" &&
      event.payload.value;
    if (offer && offer.worker === worker && offer.status === ReservationStatus.PENDING) {
      return offer;
    }
  }
  throw new Error("the event stream ended before any offer");
}

if (!token) {
  console.error("RELAYDESK_TOKEN is not set: give it an agent's access token (relaydesk token --identity ID --role agent)");
  process.exit(2);
}
try {
  await main(token);
} catch (error) {
  // A ConnectError prints as its status code and message, then its google.rpc details.
  console.error(`error: ${describeError(error)}`);
  process.exitCode = 1;
}
