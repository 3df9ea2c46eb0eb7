import PostgresClient
import RecordLog

/// Why the projector stopped or could not start: what happened and what to do about it.
public enum ProjectionError: Error, Sendable, CustomStringConvertible {
  /// The database holds a newer projection schema than this build knows.
  case schemaNewerThanBuild(found: Int, supported: Int)
  /// The next batch in the events log is not the one after the last applied: batches are missing.
  case sequenceGap(expected: UInt64, found: UInt64, position: Int64)
  /// A batch's chain hash does not link to the previous batch: the log was altered or mixed up.
  case brokenChain(seq: UInt64, position: Int64)
  /// A record of the events log is not an event batch this build can read.
  case undecodableBatch(position: Int64, reason: String)
  /// An event does not fit the state the tables hold (a fill of an order that is not open): the
  /// tables were changed by something else, or the log is not the one they were built from.
  case eventDoesNotFit(seq: UInt64, detail: String)
  /// The tables hold data the projector cannot read back (edited by hand, or another program's).
  case unreadableState(String)
  /// Another projector holds this database: only one may write its tables.
  case anotherProjectorRunning
  case postgres(PostgresError)
  case log(RecordLogError)

  /// True when waiting and reconnecting can cure it: the server went away, restarted or was busy.
  public var isRetriable: Bool {
    switch self {
    case .postgres(let error):
      if error.isConnectionError { return true }
      guard let sqlState = error.sqlState else { return false }
      // 08: connection exception; 57P: operator intervention (shutdown, terminated backend);
      // 40001 / 40P01: serialization failure and deadlock, which a retry resolves.
      return sqlState.hasPrefix("08") || sqlState.hasPrefix("57P") || sqlState == "40001"
        || sqlState == "40P01"
    case .log(let error):
      return error.kind == .busy
    case .anotherProjectorRunning:
      // It may be a projector that was just killed, whose connection the server has not closed yet.
      return true
    case .schemaNewerThanBuild, .sequenceGap, .brokenChain, .undecodableBatch, .eventDoesNotFit,
      .unreadableState:
      return false
    }
  }

  public var description: String {
    switch self {
    case .schemaNewerThanBuild(let found, let supported):
      "the database holds projection schema version \(found), but this build knows versions up to "
        + "\(supported): a newer tradelog wrote these tables. Run that newer tradelog, or project into "
        + "another database."
    case .sequenceGap(let expected, let found, let position):
      "the events log skips from seq \(expected - 1) to seq \(found) at position \(position): batches "
        + "are missing, so nothing past seq \(expected - 1) was applied. Check that --events names the "
        + "log these tables were built from, or rebuild with --rebuild."
    case .brokenChain(let seq, let position):
      "the chain hash of seq \(seq) at position \(position) does not link to the previous batch: the "
        + "events log was altered or is not the log these tables were built from. Nothing past seq "
        + "\(seq - 1) was applied; audit the log, or rebuild with --rebuild."
    case .undecodableBatch(let position, let reason):
      "the record at position \(position) of the events log is not an event batch this build reads "
        + "(\(reason)). Nothing past it was applied; check that --events names an events log."
    case .eventDoesNotFit(let seq, let detail):
      "seq \(seq) does not fit the projection tables (\(detail)): they were changed by something else "
        + "or built from another log. Nothing of seq \(seq) was applied; rebuild with --rebuild."
    case .unreadableState(let detail):
      "the projection tables hold what this projector cannot read back: \(detail). Rebuild them with "
        + "--rebuild."
    case .anotherProjectorRunning:
      "another projector is writing to this database (it holds the projector's advisory lock): only "
        + "one may. Stop the other one, or project into another database."
    case .postgres(let error):
      error.description
    case .log(let error):
      error.description
    }
  }
}
