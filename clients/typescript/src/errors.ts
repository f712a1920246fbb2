// Reading relaydesk's errors: the status code, the message and the
// google.rpc error details (ErrorInfo, BadRequest, ...) the server attaches.
//
// protos/ does not include google/rpc/error_details.proto, so there is no
// generated code for it: the few detail types relaydesk sends are described
// here, by field number, enough to decode them (fields not listed are kept as
// unknown fields, not lost).

import { createFileRegistry, fromJson, toJsonString } from "@bufbuild/protobuf";
import type { FileRegistry, Message } from "@bufbuild/protobuf";
import { FileDescriptorProtoSchema, file_google_protobuf_duration } from "@bufbuild/protobuf/wkt";
import type { DescriptorProtoJson, FileDescriptorProtoJson } from "@bufbuild/protobuf/wkt";
import { Code, ConnectError } from "@connectrpc/connect";

// A field: its name, number, and type (a string unless it names a message);
// `[]` after a message type means repeated.
type Field = [name: string, number: number, type?: string];

function message(name: string, fields: Field[], nested: DescriptorProtoJson[] = []): DescriptorProtoJson {
  return {
    name,
    nestedType: nested,
    field: fields.map(([field, number, type]) => {
      const repeated = type?.endsWith("[]") ?? false;
      const typeName = type?.replace("[]", "");
      return {
        name: field,
        number,
        label: repeated ? "LABEL_REPEATED" : "LABEL_OPTIONAL",
        type: typeName ? "TYPE_MESSAGE" : "TYPE_STRING",
        ...(typeName ? { typeName } : {}),
      };
    }),
  };
}

const stringMap = (name: string): DescriptorProtoJson => ({
  ...message(name, [["key", 1], ["value", 2]]),
  options: { mapEntry: true },
});

const errorDetailsProto: FileDescriptorProtoJson = {
  name: "google/rpc/error_details.proto",
  package: "google.rpc",
  syntax: "proto3",
  dependency: ["google/protobuf/duration.proto"],
  messageType: [
    message("ErrorInfo", [["reason", 1], ["domain", 2], ["metadata", 3, ".google.rpc.ErrorInfo.MetadataEntry[]"]], [
      stringMap("MetadataEntry"),
    ]),
    message("RetryInfo", [["retry_delay", 1, ".google.protobuf.Duration"]]),
    message("QuotaFailure", [["violations", 1, ".google.rpc.QuotaFailure.Violation[]"]], [
      message("Violation", [["subject", 1], ["description", 2]]),
    ]),
    message("PreconditionFailure", [["violations", 1, ".google.rpc.PreconditionFailure.Violation[]"]], [
      message("Violation", [["type", 1], ["subject", 2], ["description", 3]]),
    ]),
    message("BadRequest", [["field_violations", 1, ".google.rpc.BadRequest.FieldViolation[]"]], [
      message("FieldViolation", [["field", 1], ["description", 2], ["reason", 3]]),
    ]),
    message("ResourceInfo", [["resource_type", 1], ["resource_name", 2], ["owner", 3], ["description", 4]]),
  ],
};

/** The google.rpc detail types relaydesk's errors carry, for `ConnectError.findDetails`. */
export const errorDetailTypes: FileRegistry = createFileRegistry(
  fromJson(FileDescriptorProtoSchema, errorDetailsProto),
  (file) => (file === file_google_protobuf_duration.proto.name ? file_google_protobuf_duration : undefined),
);

/** The decoded google.rpc details of an error (empty for anything but a ConnectError). */
export function errorDetails(error: unknown): Message[] {
  return error instanceof ConnectError ? error.findDetails(errorDetailTypes) : [];
}

/** A code's gRPC name: `Code.InvalidArgument` is `INVALID_ARGUMENT`. */
export function codeName(code: Code): string {
  return Code[code].replace(/(?<=.)([A-Z])/g, "_$1").toUpperCase();
}

/**
 * An error as a few lines of text: the status code and message, then each
 * google.rpc detail as JSON.
 */
export function describeError(error: unknown): string {
  if (!(error instanceof ConnectError)) {
    return String(error);
  }
  const lines = [`${codeName(error.code)}: ${error.rawMessage}`];
  for (const detail of errorDetails(error)) {
    const schema = errorDetailTypes.getMessage(detail.$typeName);
    if (schema) {
      lines.push(`  ${detail.$typeName} ${toJsonString(schema, detail, { useProtoFieldName: true })}`);
    }
  }
  return lines.join("\n");
}
