import Foundation
import RecordLog

/// Appends the sequencer's event batches to the events log on a thread of its own, so that the
/// engine applies the next commands while an append (a Kafka transaction, an SQLite commit) is in
/// flight. Whatever is handed over while an append is in flight goes into the next append, as one
/// atomic batch (a group commit): the time an append takes then sets how many event batches each
/// append carries, not how many commands per second the sequencer can apply.
///
/// Exactly once is unchanged: records are appended in the order they were handed over, each append
/// whole or not at all, and the first failure stops the appender for good. Every later call throws
/// it, and the sequencer stops: its engine is ahead of the log, and a restart replays.
///
/// Thread story: `submit`, `waitUntilAppended` and `finish` are called from the engine's thread; the
/// appender thread is the only user of the events log connection from `init` on. All shared state
/// is read and written under `condition`'s lock, hence `@unchecked Sendable`.
final class EventsAppender: @unchecked Sendable {
  /// The failure that stopped the appender, and how many records the failed append carried.
  struct Failure: Error {
    let error: RecordLogError
    let recordCount: Int
  }

  private let events: any LogConnection
  /// Records waiting for an append beyond this many make `submit` wait: memory stays bounded when
  /// the log is slower than the engine.
  private let pendingLimit: Int
  private let condition = NSCondition()
  private var pending: [NewRecord] = []
  private var isAppending = false
  private var failure: Failure?
  private var isFinishing = false
  private var isFinished = false

  /// Takes over `events` (claimed by the sequencer, which must not use it again) and starts the
  /// appender thread.
  init(events: any LogConnection, pendingLimit: Int) {
    precondition(pendingLimit >= 1, "the appender holds at least one record")
    self.events = events
    self.pendingLimit = pendingLimit
    let thread = Thread { [self] in runLoop() }
    thread.name = "events appender"
    thread.start()
  }

  /// Hands `records` over for appending after everything handed over before. Waits while too much
  /// is pending; throws the failure that stopped the appender, if one did.
  func submit(_ records: [NewRecord]) throws(Failure) {
    let failure: Failure? = condition.withLock {
      while self.failure == nil, !pending.isEmpty, pending.count + records.count > pendingLimit {
        condition.wait()
      }
      guard self.failure == nil else { return self.failure }
      // Usually the appender has taken everything: the batch is handed over as it is, uncopied.
      if pending.isEmpty { pending = records } else { pending.append(contentsOf: records) }
      condition.broadcast()
      return nil
    }
    if let failure { throw failure }
  }

  /// Throws the failure that stopped the appender, if one did: the engine's thread asks on every
  /// turn of its loop, so that a failed append (a fenced writer) stops it even when no more
  /// commands arrive.
  func checkNotFailed() throws(Failure) {
    if let failure = condition.withLock({ self.failure }) { throw failure }
  }

  /// Waits until everything handed over is in the log: before a snapshot, so that no snapshot is
  /// ever ahead of the events log, and before stopping.
  func waitUntilAppended() throws(Failure) {
    let failure: Failure? = condition.withLock {
      while self.failure == nil, !pending.isEmpty || isAppending { condition.wait() }
      return self.failure
    }
    if let failure { throw failure }
  }

  /// Ends the appender thread once it has appended what it holds (or has failed).
  func finish() {
    condition.withLock {
      isFinishing = true
      condition.broadcast()
      while !isFinished { condition.wait() }
    }
  }

  private func runLoop() {
    while let records = nextAppend() {
      var appendFailure: Failure?
      do {
        try events.append(records)
      } catch {
        appendFailure = Failure(error: error, recordCount: records.count)
      }
      condition.withLock {
        isAppending = false
        failure = appendFailure
        condition.broadcast()
      }
    }
  }

  /// Takes everything pending, once there is something and the appender has not failed; nil when
  /// the appender is to end.
  private func nextAppend() -> [NewRecord]? {
    condition.withLock {
      while failure == nil, pending.isEmpty, !isFinishing { condition.wait() }
      guard failure == nil, !pending.isEmpty else {
        isFinished = true
        condition.broadcast()
        return nil
      }
      isAppending = true
      let taken = pending
      pending = []
      condition.broadcast()
      return taken
    }
  }
}
