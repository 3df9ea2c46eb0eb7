import RecordLog
import TradelogCore
import TradelogWire

/// A log record as a reader understands it: an event batch, or a command.
public enum TailedRecord: Sendable, Equatable {
  case eventBatch(EventBatchRecord)
  /// `Command.unreadable` for a record that is not a command (the sequencer answers it with
  /// `commandRejected(MALFORMED)`).
  case command(Command)

  /// The length of the chain hash the sequencer seals every batch with (SHA-256).
  static let chainHashLength = 32

  /// Reads `record` as `kind` says.
  ///
  /// `auto` decides per record: a record is an event batch when it decodes as a
  /// `tradelog.v1.EventBatch` whose `seq` is at least 1 and which carries a 32-byte chain hash,
  /// as every batch the sequencer writes does; anything else is a command. No command record can
  /// pass for a batch: protobuf is lenient enough that some command records decode as an
  /// `EventBatch`, but a command's fields are all messages, so such a decode never yields a `seq`.
  ///
  /// A record with the header `content-type: application/json` is a JSON command under `auto` and
  /// `commands`. Under `events`, a record that is not an event batch throws, naming its position.
  public init(classifying record: LogRecord, as kind: RecordKindSelection) throws(TailError) {
    switch kind {
    case .commands:
      self = .command(Self.command(in: record))
    case .events:
      let batch: EventBatchRecord
      do {
        batch = try EventBatchRecord(serializedBytes: record.value)
      } catch {
        throw .notAnEventBatch(position: record.position, reason: error.description)
      }
      guard batch.seq >= 1 else {
        throw .notAnEventBatch(
          position: record.position, reason: "its seq is 0, and the sequencer numbers batches from 1")
      }
      self = .eventBatch(batch)
    case .auto:
      if !Self.isJSON(record), let batch = try? EventBatchRecord(serializedBytes: record.value),
        batch.seq >= 1, batch.chainHash.count == Self.chainHashLength
      {
        self = .eventBatch(batch)
      } else {
        self = .command(Self.command(in: record))
      }
    }
  }

  private static func command(in record: LogRecord) -> Command {
    isJSON(record) ? CommandDecoder.decode(jsonUTF8: record.value) : CommandDecoder.decode(record.value)
  }

  /// Producers may send a command as JSON by marking the record with this header (DESIGN.md).
  private static func isJSON(_ record: LogRecord) -> Bool {
    record.header("content-type").map { String(decoding: $0, as: UTF8.self) } == "application/json"
  }
}
