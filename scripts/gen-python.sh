#!/usr/bin/env bash
# Generates the Python stubs (messages, gRPC services and their .pyi types) of
# every proto under protos/ into OUT/relaydesk/v1, using only the pinned tools
# installed in the virtualenv BIN.
set -euo pipefail
bin=${1:?usage: gen-python.sh VENV_BIN OUT_DIR}
out=${2:?usage: gen-python.sh VENV_BIN OUT_DIR}
cd "$(dirname "$0")/.."
mkdir -p "$out/relaydesk/v1"
find "$out/relaydesk/v1" -maxdepth 1 \( -name '*_pb2*.py' -o -name '*_pb2*.pyi' \) -delete
mapfile -t protos < <(find protos -name '*.proto' | sort)
"$bin/python" -m grpc_tools.protoc \
  --proto_path=protos \
  --plugin=protoc-gen-mypy="$bin/protoc-gen-mypy" \
  --plugin=protoc-gen-mypy_grpc="$bin/protoc-gen-mypy_grpc" \
  --python_out="$out" \
  --grpc_python_out="$out" \
  --mypy_out=quiet:"$out" \
  --mypy_grpc_out=quiet:"$out" \
  "${protos[@]}"
