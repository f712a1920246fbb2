"""gRPC transport: one servicer per service, each handler validate → domain → convert."""
