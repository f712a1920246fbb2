"""The rules of relaydesk: resources, state machines and invariants.

Nothing here imports grpc or SQL; storage is reached through the ports in
`ports.py`, and callers see failures as the exceptions of `errors.py`.
"""
