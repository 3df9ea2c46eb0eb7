import AcceleratedSHA256
import RecordLog
import TradelogCore
import TradelogWire

extension AuditPass {
  /// A batch that differs from the replay's: what the replay had in hand when it found it.
  struct Mismatch {
    var seq: UInt64
    var command: Command
    var commandPosition: Int64
    var expected: [UInt8]
    var found: LogRecord
    /// The chain hash before `seq`: the replay's, and the log's own, since every batch before matched.
    var previousHash: [UInt8]
  }

  /// Says what kind of divergence `mismatch` is and records it with both batches as JSON.
  mutating func recordDivergence(_ mismatch: Mismatch) {
    let expected = Self.decodedBatch(mismatch.expected)
    var divergence = AuditDivergence(
      seq: mismatch.seq, commandPosition: mismatch.commandPosition, eventsPosition: mismatch.found.position,
      commandJSON: CommandEncoder.encodeJSON(mismatch.command), expectedJSON: expected.jsonLine(),
      foundJSON: "", differingFields: [])
    let finding: AuditFinding
    do {
      let found = try EventBatchRecord(serializedBytes: mismatch.found.value)
      divergence.foundJSON = found.jsonLine()
      divergence.differingFields = Self.differingFields(expected, found)
      finding = Self.classify(mismatch, found: found)
    } catch {
      divergence.foundJSON =
        "not an event batch (\(error)): \(Array(mismatch.found.value.prefix(64)).hexadecimal)"
      divergence.differingFields = ["the whole record"]
      finding = AuditFinding(
        kind: .undecodableBatch, commandPosition: mismatch.commandPosition, seq: mismatch.seq,
        message: "the events log's record at position \(mismatch.found.position), where seq \(mismatch.seq) "
          + "belongs, is not an event batch (\(error)): it was damaged or written by something else")
    }
    report.findings.append(finding)
    report.divergence = divergence
  }

  static func classify(_ mismatch: Mismatch, found: EventBatchRecord) -> AuditFinding {
    let seq = mismatch.seq
    let position = mismatch.commandPosition
    let at = "at events log position \(mismatch.found.position)"
    let (kind, message): (AuditFinding.Kind, String)
    if found.seq > seq {
      kind = .missingBatch
      message =
        "batches seq \(seq) to \(found.seq - 1) are missing: \(at) is seq \(found.seq), where seq \(seq) "
        + "(command position \(position)) belongs"
    } else if found.seq < seq {
      kind = .duplicateBatch
      message =
        "seq \(found.seq) is in the events log again \(at), where seq \(seq) (command position \(position)) "
        + "belongs: a batch was written twice"
    } else if found.commandOffset != UInt64(position) {
      kind = .wrongCommandPosition
      message =
        "batch seq \(seq) \(at) names command position \(found.commandOffset), but seq \(seq) belongs to "
        + "the command at position \(position)"
    } else if !chainVerifies(mismatch.found.value, chainHash: found.chainHash, after: mismatch.previousHash) {
      kind = .brokenChain
      message =
        "batch seq \(seq) (command position \(position)) \(at) does not match its own chain hash: its "
        + "bytes were changed after it was written"
    } else {
      kind = .eventsDiffer
      message =
        "batch seq \(seq) (command position \(position)) \(at) differs from the replay of its command, "
        + "yet the events log's own chain verifies: the command was replaced after its events were "
        + "written, or the batch and every chain hash after it were rewritten, or this build computes "
        + "differently from the one that wrote the events log. Compare the command and both batches below"
    }
    return AuditFinding(kind: kind, commandPosition: position, seq: seq, message: message)
  }

  /// Whether a batch as stored carries SHA-256(`previousHash` ‖ its own bytes before the hash):
  /// computed over the log's bytes, not a re-encoding, so a batch rewritten with a recomputed chain
  /// verifies here and is caught only by the replay, while one edited in place is caught here.
  static func chainVerifies(_ bytes: [UInt8], chainHash: [UInt8], after previousHash: [UInt8]) -> Bool {
    // `chain_hash` is the last field, so the stored bytes end with exactly its encoding.
    let hashField = EventBatchRecord.serializedBytes(bytesForChainHash: [], chainHash: chainHash)
    guard !chainHash.isEmpty, bytes.count >= hashField.count,
      bytes.suffix(hashField.count).elementsEqual(hashField)
    else { return false }
    var hasher = SHA256.accelerated()
    hasher.update(previousHash)
    hasher.update(bytes.prefix(bytes.count - hashField.count))
    return hasher.finalize() == chainHash
  }

  static func differingFields(_ expected: EventBatchRecord, _ found: EventBatchRecord) -> [String] {
    var fields: [String] = []
    if expected.seq != found.seq { fields.append("seq") }
    if expected.commandOffset != found.commandOffset { fields.append("commandOffset") }
    if expected.timestamp != found.timestamp { fields.append("timestamp") }
    if expected.events != found.events { fields.append("events") }
    if expected.chainHash != found.chainHash { fields.append("chainHash") }
    // Equal decoded fields in different bytes: an encoding the sequencer never writes.
    return fields.isEmpty ? ["encoding"] : fields
  }

  /// The events log goes on after the last command: every further batch is a finding, reported once.
  mutating func reportBatchesWithoutCommands() throws(AuditError) {
    guard let first = try events.next() else { return }
    var count = 1
    while try events.next() != nil { count += 1 }
    report.batchesRead += count
    let seq = chain.nextSeq
    report.findings.append(
      AuditFinding(
        kind: .batchWithoutCommand, seq: seq,
        message: "the events log goes on after the last command (position \(commands.end - 1)): \(count) "
          + "batch\(count == 1 ? "" : "es") from events log position \(first.position) have no command. "
          + "The events log belongs to a longer commands log, or batches were added"))
    let found = try? EventBatchRecord(serializedBytes: first.value)
    report.divergence = AuditDivergence(
      seq: seq, commandPosition: nil, eventsPosition: first.position, commandJSON: nil, expectedJSON: nil,
      foundJSON: found?.jsonLine() ?? "not an event batch: \(Array(first.value.prefix(64)).hexadecimal)",
      differingFields: ["no command"])
  }

  /// The replay's own bytes always decode: they were just encoded.
  private static func decodedBatch(_ bytes: [UInt8]) -> EventBatchRecord {
    do {
      return try EventBatchRecord(serializedBytes: bytes)
    } catch {
      preconditionFailure("a batch the replay sealed does not decode: \(error)")
    }
  }
}
