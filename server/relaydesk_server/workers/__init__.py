"""The server's background services: each watches stored work (timers, outbound
deliveries, webhook postings, bots' HTTP calls) and does it when it falls due,
in units of work of its own through the domain's Store port.
"""
