import ClickHouseClient
import RecordLog
import TradelogWire

/// What stops the ClickHouse projector. Each says what happened and what to do; `isRetryable` tells
/// the ones that pass by themselves (the server away or overloaded) from those that need a person.
public enum ClickHouseProjectionError: Error, Sendable, CustomStringConvertible {
  /// Talking to ClickHouse failed.
  case clickHouse(ClickHouseError, during: String)
  /// The events log could not be opened or read.
  case log(RecordLogError)
  /// A record of the events log is not an event batch.
  case undecodableBatch(position: Int64, reason: WireDecodingError)
  /// The batch after `expected - 1` is missing.
  case seqGap(expected: UInt64, found: UInt64, position: Int64)
  /// The batch's chain hash does not follow from the previous one.
  case brokenChain(seq: UInt64, position: Int64)
  /// The tables hold batches up to `seq`, but the events log has no such batch.
  case batchNotInLog(seq: UInt64, logEnd: Int64)
  /// The database's schema is newer than this build knows.
  case schemaTooNew(database: String, version: Int, newestKnown: Int)
  /// A stored answer did not have the expected shape.
  case unexpectedAnswer(query: String, answer: String)

  public var isRetryable: Bool {
    guard case .clickHouse(let error, _) = self else { return false }
    switch error {
    case .connectionFailed, .transportFailed: return true
    case .invalidURL: return false
    case .server:
      // No ClickHouse error code: something else answered (a proxy, a server starting up).
      guard let code = error.code else { return true }
      return Self.retryableServerCodes.contains(code)
    }
  }

  /// ClickHouse error codes that pass with time: timeouts, too many queries or parts, memory, network.
  static let retryableServerCodes: [Int] = [159, 164, 202, 203, 209, 210, 241, 242, 252, 425]

  public var description: String {
    switch self {
    case .clickHouse(let error, let step):
      "\(step): \(error)"
    case .log(let error):
      "the events log: \(error)"
    case .undecodableBatch(let position, let reason):
      "the events log record at position \(position) is not an event batch (\(reason)): "
        + "is --events the events log, not the commands log?"
    case .seqGap(let expected, let found, let position):
      "the events log skips from batch \(expected - 1) to batch \(found) (at position \(position)): "
        + "batches are missing; nothing after \(expected - 1) was projected. Check the sequencer's log."
    case .brokenChain(let seq, let position):
      "batch \(seq) (at position \(position)) does not continue the hash chain: the events log was "
        + "altered or mixes two logs; nothing from it was projected. Audit the log."
    case .batchNotInLog(let seq, let logEnd):
      "the tables hold batches up to \(seq), but the events log (\(logEnd) records) has no batch \(seq): "
        + "the database was projected from another log. Use another --database, or --rebuild."
    case .schemaTooNew(let database, let version, let newestKnown):
      "database \(database) has ClickHouse schema version \(version), but this build knows versions up "
        + "to \(newestKnown): it was migrated by a newer tradelog. Run that version, or use another "
        + "--database."
    case .unexpectedAnswer(let query, let answer):
      "ClickHouse answered \"\(answer)\" to \(query), which is not what this build expects"
    }
  }
}
