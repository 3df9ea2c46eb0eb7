import Foundation
import SnapshotStore

/// Compresses, pair-checks and writes snapshots on a thread of its own, one at a time, so that the
/// engine's thread only pays for encoding the state. A snapshot submitted while another is being
/// written is refused (the caller tries again later) rather than queued: memory stays bounded and
/// the newest state is what matters.
///
/// Thread story: `submit`, `lastWritten` and `finish` are called from the engine's thread; the writer
/// thread takes jobs. All shared state is read and written under `condition`'s lock, hence
/// `@unchecked Sendable`.
final class BackgroundSnapshotWriter: @unchecked Sendable {
  private let store: SnapshotStore
  private let log: @Sendable (String) -> Void
  private let condition = NSCondition()
  private var pending: (point: SnapshotPoint, body: [UInt8])?
  private var isWriting = false
  private var isFinishing = false
  private var isFinished = false
  private var written: SnapshotPoint?

  init(store: SnapshotStore, log: @escaping @Sendable (String) -> Void) {
    self.store = store
    self.log = log
    let thread = Thread { [self] in runLoop() }
    thread.name = "snapshot writer"
    thread.start()
  }

  /// Hands a snapshot to the writer thread; false if one is still being written.
  func submit(point: SnapshotPoint, body: [UInt8]) -> Bool {
    condition.withLock {
      guard pending == nil, !isWriting, !isFinishing else { return false }
      pending = (point, body)
      condition.broadcast()
      return true
    }
  }

  /// Whether `submit` would take a snapshot now.
  var isIdle: Bool {
    condition.withLock { pending == nil && !isWriting }
  }

  /// The point of the last snapshot written, if any.
  var lastWritten: SnapshotPoint? {
    condition.withLock { written }
  }

  /// Waits for the snapshot in hand to be written, then ends the writer thread.
  func finish() {
    condition.withLock {
      isFinishing = true
      condition.broadcast()
      while !isFinished { condition.wait() }
    }
  }

  private func runLoop() {
    while let job = nextJob() {
      let started = ContinuousClock.now
      do {
        let header = try store.write(point: job.point, body: job.body)
        log(
          "snapshot written at command position \(header.point.commandPosition), seq \(header.point.lastSeq), "
            + "\(job.body.count) bytes of state in \(ContinuousClock.now - started)")
        condition.withLock { written = header.point }
      } catch {
        // The events log is enough to recover: a failed snapshot costs restart time, not correctness.
        log(
          "warning: snapshot at command position \(job.point.commandPosition) not written: \(error.message)")
      }
      condition.withLock {
        isWriting = false
        condition.broadcast()
      }
    }
  }

  private func nextJob() -> (point: SnapshotPoint, body: [UInt8])? {
    condition.withLock {
      while pending == nil, !isFinishing { condition.wait() }
      guard let job = pending else {
        isFinished = true
        condition.broadcast()
        return nil
      }
      pending = nil
      isWriting = true
      return job
    }
  }
}
