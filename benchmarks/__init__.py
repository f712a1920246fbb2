"""relaydesk benchmarks: `python -m benchmarks` (or `make bench`), `--quick` for a smoke run.

Each relaydesk figure is printed next to a baseline measured the same way against a bare
grpc.aio server that does no relaydesk work (no auth, no storage, no event log), so the
ratio says how much of plain gRPC's speed relaydesk keeps:

1. unary throughput: SendMessage (a durable commit per call) against an echo RPC, and
   SendMessage on a relaydesk serving Prometheus metrics against one that does not;
2. fan-out: MESSAGE_ADDED deliveries per second to 100 and 1000 subscribers, against a
   server that copies pre-encoded events from memory into every subscriber's queue;
3. delivery latency at a steady 200 messages/s to 100 subscribers (p50, p99);
4. the server's resident memory with 1000 idle subscribers.

Each server runs in its own child process and every client runs in the benchmark process,
so both sides get the same client code, the same channel settings and the same split of
the machine (server in one process, clients in another), and the server's memory and CPU
can be read from /proc. The two servers are measured one at a time, alternating figure by
figure (and round by round for throughput), so that whatever else the machine is doing
weighs on both alike. Everything is on loopback and every loop and wait is bounded, so a
run stops by itself. A relaydesk RPC that answers UNIMPLEMENTED makes its row read "not
available yet (UNIMPLEMENTED)"; any other failure is printed in its row and makes the run
exit with status 1.
"""
