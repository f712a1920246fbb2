"""The browser endpoint (API §14, `--http-listen`): every relaydesk.v1 RPC over Connect and
gRPC-Web (rpc.py), the web apps' static files (assets.py), one HTTP server for both with
CORS for the pages that embed the widget (endpoint.py)."""
