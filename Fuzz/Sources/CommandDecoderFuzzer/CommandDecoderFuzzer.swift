import TradelogCore
@_spi(WireReference) import TradelogWire

// libFuzzer calls this with each input it generates. Every command record comes from outside, so
// the decoders must survive any bytes: no trap, no hang, and what they read must survive a round
// trip (decode(encode(command)) == command), or the engine and an auditor replaying the re-encoded
// log could disagree. The direct binary decoders must also read every input exactly as the
// reference path through SwiftProtobuf's messages does. A broken property traps, which libFuzzer
// reports with the input that did it.
@_cdecl("LLVMFuzzerTestOneInput")
public func commandDecoderFuzzer(_ start: UnsafeRawPointer?, _ count: Int) -> CInt {
  let bytes = UnsafeRawBufferPointer(start: start, count: count)
  checkBinaryCommand(bytes)
  checkJSONCommand(bytes)
  checkEventBatch(bytes)
  return 0
}

func checkBinaryCommand(_ bytes: UnsafeRawBufferPointer) {
  let command = CommandDecoder.decode(bytes)
  let reference = CommandDecoder.decodeThroughMessages(bytes)
  require(reference == command, "the direct decoder and SwiftProtobuf differ", (command, reference))
  checkRoundTrips(command)
}

func checkJSONCommand(_ bytes: UnsafeRawBufferPointer) {
  let command = CommandDecoder.decode(jsonUTF8: Array(bytes))
  if let line = String(validating: bytes, as: UTF8.self) {
    require(
      CommandDecoder.decode(jsonLine: line) == command, "String and UTF-8 JSON decode differently", command)
  }
  checkRoundTrips(command)
}

func checkRoundTrips(_ command: Command) {
  let binary = CommandEncoder.encode(command)
  require(CommandDecoder.decode(binary) == command, "binary round trip changed", command)
  let json = CommandEncoder.encodeJSON(command)
  require(!json.utf8.contains(UInt8(ascii: "\n")), "JSON of a command spans lines", command)
  require(CommandDecoder.decode(jsonLine: json) == command, "JSON round trip changed", command)
}

/// Event batches are decoded by projectors and auditors from logs that could be corrupt: a failure
/// must be a thrown error, and what decodes must re-encode to itself.
func checkEventBatch(_ bytes: UnsafeRawBufferPointer) {
  let direct = Result { () throws(WireDecodingError) in try EventBatchRecord(serializedBytes: bytes) }
  let reference = Result { () throws(WireDecodingError) in try EventBatchRecord(throughMessages: bytes) }
  require(
    sameOutcome(direct, reference), "the direct batch decoder and SwiftProtobuf differ", (direct, reference))
  guard case .success(let record) = direct else { return }
  require(
    (try? EventBatchRecord(serializedBytes: record.serializedBytes())) == record, "batch round trip changed",
    record)
  require(
    (try? EventBatchRecord(jsonLine: record.jsonLine())) == record, "batch JSON round trip changed", record)
}

/// The same record, or failures for the same reason: `undecodable` reasons are worded differently
/// by the two paths, every other error must be the same.
func sameOutcome(
  _ direct: Result<EventBatchRecord, WireDecodingError>,
  _ reference: Result<EventBatchRecord, WireDecodingError>
) -> Bool {
  switch (direct, reference) {
  case (.success(let left), .success(let right)): left == right
  case (.failure(.undecodable), .failure(.undecodable)): true
  case (.failure(let left), .failure(let right)): left == right
  case (.success, .failure), (.failure, .success): false
  }
}

func require<Value>(_ condition: Bool, _ message: String, _ value: Value) {
  if !condition { fatalError("\(message): \(value)") }
}
