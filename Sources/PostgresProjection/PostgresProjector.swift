import Foundation
import RecordLog
import TradelogServices

/// Folds the events log into PostgreSQL tables, exactly once: catches up from the batch after the
/// last applied one, then tails the log.
///
/// Exactly once rests on one rule: the rows of a group of batches and the checkpoint (last seq, its
/// chain hash, its log position) are committed in one transaction. After any crash the tables hold
/// whole batches up to the checkpoint, and reading resumes after it; a batch met again (delivered
/// twice) is skipped by its seq. When PostgreSQL goes away the projector reconnects with backoff
/// and resumes from what was committed.
///
/// Blocking: `run()` blocks its thread for as long as it projects (libpq and the log's reads
/// block); call it from a thread of its own.
public final class PostgresProjector {
  public let configuration: PostgresProjectorConfiguration
  private let shouldStop: () -> Bool
  private let progress: ProgressDisplay?
  private let notice: (String) -> Void
  private var summary = ProjectionSummary()
  private let clock = ContinuousClock()

  /// `shouldStop` is asked between reads: once true, the projector commits what it folded and
  /// returns. `notice` receives what a person running it should know (retries).
  public init(
    configuration: PostgresProjectorConfiguration, progress: ProgressDisplay? = nil,
    notice: @escaping (String) -> Void = { _ in }, shouldStop: @escaping () -> Bool = { false }
  ) {
    self.configuration = configuration
    self.progress = progress
    self.notice = notice
    self.shouldStop = shouldStop
  }

  public func run() throws(ProjectionError) -> ProjectionSummary {
    let start = clock.now
    defer { progress?.finish() }
    let log: any LogConnection
    do {
      log = try openLog(configuration.eventsAddress, options: configuration.logOptions)
    } catch {
      throw .log(error)
    }
    var rebuildPending = configuration.rebuild
    var retryDelay = configuration.retryDelayInitial
    while true {
      do {
        let rebuildTarget = rebuildPending ? try endPosition(of: log) : nil
        let session = try ProjectionSession(
          url: configuration.postgresURL, rebuildTargetPosition: rebuildTarget)
        rebuildPending = false
        retryDelay = configuration.retryDelayInitial
        try project(session, log: log)
        summary.lastSeq = session.checkpoint.lastSeq
        summary.elapsed = clock.now - start
        return summary
      } catch  where error.isRetriable {
        guard !shouldStop() else {
          summary.elapsed = clock.now - start
          return summary
        }
        summary.retries += 1
        notice("projector: \(error.description); retrying in \(retryDelay)")
        sleep(for: retryDelay)
        retryDelay = min(retryDelay * 2, configuration.retryDelayMax)
      }
    }
  }

  private func showProgress(_ catchUp: CatchUp, at position: Int64, label: String, force: Bool = false) {
    guard let progress else { return }
    catchUp.show(on: progress, position: position, events: summary.eventsApplied, label: label, force: force)
  }

  private func endPosition(of log: any LogConnection) throws(ProjectionError) -> Int64 {
    do {
      return try log.endPosition()
    } catch {
      throw .log(error)
    }
  }

  /// Folds and commits until caught up (or for ever when following), or until asked to stop. While a
  /// transaction commits after a full read, the next transaction's records are read and decoded
  /// ahead on another thread.
  private func project(
    _ session: ProjectionSession, log: any LogConnection
  ) throws(ProjectionError) {
    var position = session.checkpoint.lastPosition + 1
    let label = session.checkpoint.isRebuilding ? "rebuild" : "catch-up"
    var target = session.checkpoint.rebuildTargetPosition ?? 0
    if !session.checkpoint.isRebuilding { target = try endPosition(of: log) }
    let catchUp = CatchUp(startPosition: position, endPosition: target, eventsBefore: summary.eventsApplied)
    var ahead: ReadAhead?
    // The log is lent to a read ahead until it is waited for: never leave with it still on loan.
    defer { _ = ahead?.wait() }
    // While following, every idle wait ends in an empty read: the caught-up line is shown once.
    var hasShownCaughtUp = false
    while !shouldStop() && !reachedBatchLimit {
      let decoded: [DecodedEventBatch]
      if let readAhead = ahead {
        ahead = nil
        let records = try readAhead.wait().get()
        decoded =
          readAhead.position == position
          ? records : try readAndDecode(log, from: position, session: session)
      } else {
        decoded = try readAndDecode(log, from: position, session: session)
      }
      if decoded.isEmpty {
        try commit(session)
        try session.finishRebuildIfReached(position: position)
        // Caught up: that line always shows, however recently the one before did.
        if !hasShownCaughtUp {
          showProgress(catchUp, at: position, label: label, force: true)
          hasShownCaughtUp = true
        }
        if !configuration.follow { break }
        continue
      }
      for next in decoded {
        try fold(next, into: session)
        position = next.record.position + 1
        if session.pendingBatchCount >= configuration.batchesPerTransactionMax || reachedBatchLimit {
          if ahead == nil, !reachedBatchLimit, decoded.count >= configuration.recordsPerReadMax {
            ahead = readAhead(log, after: decoded)
          }
          try commit(session)
        }
        if reachedBatchLimit { break }
      }
      if position < target {
        showProgress(catchUp, at: position, label: label)
      }
    }
    try commit(session)
  }

  private func readAndDecode(
    _ log: any LogConnection, from position: Int64, session: ProjectionSession
  ) throws(ProjectionError) -> [DecodedEventBatch] {
    let records = try read(
      log, from: position, waiting: session.pendingBatchCount == 0 && configuration.follow)
    return DecodedEventBatch.decode(
      records, linkingFirstTo: session.lastChainHash, parallelism: configuration.decodingParallelism)
  }

  /// Starts reading a transaction's worth of records after `decoded`, the records being folded.
  private func readAhead(_ log: any LogConnection, after decoded: [DecodedEventBatch]) -> ReadAhead {
    let last = decoded[decoded.count - 1]
    let count = max(configuration.recordsPerReadMax, configuration.batchesPerTransactionMax)
    return ReadAhead(
      log: log, from: last.record.position + 1, max: ReadLimit(records: count),
      linkingTo: last.claimedChainHash, parallelism: configuration.decodingParallelism)
  }

  private var reachedBatchLimit: Bool {
    configuration.batchesToApplyMax.map { summary.batchesApplied >= $0 } ?? false
  }

  /// A bad record stops the projection, but the whole batches before it are committed first.
  private func fold(_ record: DecodedEventBatch, into session: ProjectionSession) throws(ProjectionError) {
    let applied: Bool
    do {
      applied = try session.fold(record)
    } catch {
      switch error {
      case .sequenceGap, .brokenChain, .undecodableBatch:
        try commit(session)
      default:
        break
      }
      throw error
    }
    if applied {
      summary.batchesApplied += 1
    } else {
      summary.batchesSkipped += 1
    }
  }

  private func commit(_ session: ProjectionSession) throws(ProjectionError) {
    let events = session.pendingEventCount
    guard session.pendingBatchCount > 0 else { return }
    try session.commit()
    summary.transactions += 1
    summary.eventsApplied += events
  }

  private func read(
    _ log: any LogConnection, from position: Int64, waiting: Bool
  ) throws(ProjectionError)
    -> [LogRecord]
  {
    let limit = ReadLimit(records: configuration.recordsPerReadMax)
    do {
      if waiting {
        return try log.read(from: position, max: limit, waitingUpTo: configuration.tailWait)
      }
      return try log.read(from: position, max: limit)
    } catch {
      throw .log(error)
    }
  }

  /// Sleeps in short steps, so that a stop request is not kept waiting by a long backoff.
  private func sleep(for duration: Duration) {
    let deadline = clock.now + duration
    while clock.now < deadline && !shouldStop() {
      Thread.sleep(forTimeInterval: min(0.05, (deadline - clock.now) / .seconds(1)))
    }
  }
}
