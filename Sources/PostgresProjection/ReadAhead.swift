import Dispatch
import RecordLog
import TradelogServices

/// Reads and decodes the next records on a thread of its own while the projector's thread waits for
/// PostgreSQL to commit, so that the server's work and the decoding overlap instead of taking turns.
///
/// The log connection is not thread-safe: it is lent to this read ahead from its start until
/// `wait()` returns, and the projector touches it in between no more than it touches it during its
/// own reads. That hand-over through the semaphore is what makes this type honestly `Sendable`.
final class ReadAhead: @unchecked Sendable {
  /// Where the records read ahead start.
  let position: Int64
  private let finished = DispatchSemaphore(value: 0)
  private var outcome: Result<[DecodedEventBatch], ProjectionError>?
  private var waited = false

  /// Starts reading up to `limit` records from `position`, the first linked to `previousHash`.
  init(
    log: any LogConnection, from position: Int64, max limit: ReadLimit, linkingTo previousHash: [UInt8],
    parallelism: Int
  ) {
    self.position = position
    let lent = LentConnection(log)
    DispatchQueue.global().async { [self] in
      do throws(RecordLogError) {
        let records = try lent.connection.read(from: position, max: limit)
        outcome = .success(
          DecodedEventBatch.decode(records, linkingFirstTo: previousHash, parallelism: parallelism))
      } catch {
        outcome = .failure(.log(error))
      }
      finished.signal()
    }
  }

  /// Waits for the records read ahead; the log is the caller's again on return. Called once.
  func wait() -> Result<[DecodedEventBatch], ProjectionError> {
    precondition(!waited, "a read ahead is waited for once")
    waited = true
    finished.wait()
    return outcome!
  }

  /// The log connection on loan to the reading thread (see the type's comment).
  private struct LentConnection: @unchecked Sendable {
    let connection: any LogConnection

    init(_ connection: any LogConnection) {
      self.connection = connection
    }
  }
}
