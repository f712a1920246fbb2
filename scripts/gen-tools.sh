#!/usr/bin/env bash
# Installs the code generators that buf.gen.yaml runs, each from its own
# language's registry at the version that language's build pins, and the gRPC
# command-line tools the tests and benchmarks drive:
#   - protoc-gen-go, protoc-gen-go-grpc: the `tool` lines of clients/go/go.mod;
#   - protoc-gen-es: clients/typescript/package.json (npm ci);
#   - protoc and protoc-gen-grpc-java: clients/java/pom.xml (Maven Central);
#   - grpcurl and ghz: the `tool` lines of scripts/tools/go.mod.
# Everything lands in .tools/bin or clients/typescript/node_modules.
set -euo pipefail
cd "$(dirname "$0")/.."
tools="$PWD/.tools/bin"
mkdir -p "$tools"

(cd clients/go && GOBIN="$tools" GOFLAGS=-mod=mod go install tool)
(cd scripts/tools && GOBIN="$tools" GOFLAGS=-mod=mod go install tool)

(cd clients/typescript && npm ci --no-audit --no-fund --loglevel=error)

mvn -q -f clients/java/pom.xml -P codegen-tools -Dtools.dir="$tools" initialize
chmod +x "$tools/protoc" "$tools/protoc-gen-grpc-java"
