import Dispatch
import RecordLog

/// The events log, read from a thread of its own: a log connection blocks its thread while it reads
/// or tails, which must never happen on Swift's cooperative pool. The connection is opened and used
/// only on `queue`, one call at a time, which is what makes this type honestly `Sendable`; it is
/// released with the reader, when no call can be under way (a call holds the reader).
final class LogReader: @unchecked Sendable {
  private let queue = DispatchQueue(label: "tradelog.clickhouse-projection.log")
  private var connection: (any LogConnection)?

  init(address: String, options: LogOpenOptions) throws(ClickHouseProjectionError) {
    let opened: Result<any LogConnection, RecordLogError> = queue.sync {
      Result { () throws(RecordLogError) in try openLog(address, options: options) }
    }
    switch opened {
    case .success(let connection): self.connection = connection
    case .failure(let error): throw .log(error)
    }
  }

  /// Records from `position` on; when none exist yet, waits up to `timeout` for some.
  func read(
    from position: Int64, max limit: ReadLimit, waitingUpTo timeout: Duration
  ) async throws(ClickHouseProjectionError)
    -> [LogRecord]
  {
    try await onQueue { connection throws(RecordLogError) in
      timeout == .zero
        ? try connection.read(from: position, max: limit)
        : try connection.read(from: position, max: limit, waitingUpTo: timeout)
    }
  }

  func endPosition() async throws(ClickHouseProjectionError) -> Int64 {
    try await onQueue { connection throws(RecordLogError) in try connection.endPosition() }
  }

  private func onQueue<Value: Sendable>(
    _ work: @escaping @Sendable (any LogConnection) throws(RecordLogError) -> Value
  ) async throws(ClickHouseProjectionError) -> Value {
    let result: Result<Value, RecordLogError> = await withCheckedContinuation { continuation in
      queue.async {
        guard let connection = self.connection else { preconditionFailure("LogReader used after release") }
        continuation.resume(returning: Result { () throws(RecordLogError) in try work(connection) })
      }
    }
    switch result {
    case .success(let value): return value
    case .failure(let error): throw .log(error)
    }
  }
}
