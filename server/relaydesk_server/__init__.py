"""relaydesk: messaging orchestration for contact centers, as one gRPC service."""

__version__ = "0.1.0"
