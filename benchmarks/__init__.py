"""relaydesk benchmarks: `python -m benchmarks` (or `make bench`), `--quick` for a smoke run.

Each relaydesk figure is printed next to a baseline measured the same way, in the same run,
against a bare grpc.aio server that does no relaydesk work (no auth, no storage, no event
log), on the same event loop (uvloop), so the ratio says how much of plain gRPC's speed
relaydesk keeps:

1. unary throughput and latency, driven by ghz (benchmarks/ghz.py): SendMessage (a durable
   commit per call) and DeliverInbound starting a new conversation, against the bare echo;
   the writer hop (a bare echo whose calls wait for a writer thread that does nothing)
   against the same echo, which splits relaydesk's gap into the hop's share and its own;
   and SendMessage on a relaydesk serving Prometheus metrics against one that does not;
2. fan-out: MESSAGE_ADDED deliveries per second to 100 and 1000 subscribers, against a
   server that copies pre-encoded events from memory into every subscriber's queue;
3. delivery latency at a steady 200 messages/s to 100 subscribers (p50, p99);
4. the server's resident memory with 1000 idle subscribers;
5. routing: assignment decisions and a burst of offers at contact-center scale.

Each server runs in its own child process; the unary load comes from ghz, a process of its
own, and every other client runs in the benchmark process, so both sides get the same
client, the same channel settings and the same split of the machine, and the server's
memory and CPU can be read from /proc. The servers are measured one at a time, alternating
figure by figure and round by round, so that whatever else the machine is doing weighs on
both alike; throughput figures are medians of the rounds. Everything is on loopback and
every loop and wait is bounded, so a run stops by itself. A relaydesk RPC that answers
UNIMPLEMENTED makes its row read "not available yet (UNIMPLEMENTED)"; any other failure is
printed in its row and makes the run exit with status 1.

The run prints the table and notes, writes every figure and the machine it ran on to a JSON
file (`--json`, default build/bench/latest.json), and draws a chart of the ratios and
latencies from that file (`--chart`, default build/bench/latest.png; benchmarks/chart.py).
"""
