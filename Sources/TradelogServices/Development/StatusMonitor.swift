import Foundation
import RecordLog
import SnapshotStore
import TradelogCore
import TradelogWire

/// Watches the pipeline from outside, as any reader would: the ends of both logs, the trades in the
/// event batches appended since it started (it reads and decodes them), and the newest snapshot.
final class StatusMonitor {
  private let commands: any LogConnection
  private let events: any LogConnection
  private let store: SnapshotStore
  private let clock = ContinuousClock()
  /// The next event batch position to read for counting trades.
  private var nextEventPosition: Int64
  private var trades = 0
  private var lastBatchCount: Int64
  private var lastReportAt: ContinuousClock.Instant

  init(configuration: DevelopmentConfiguration) throws(DevelopmentError) {
    do {
      commands = try openLog(configuration.commandsAddress)
      events = try openLog(configuration.eventsAddress)
      store = try SnapshotStore(directory: configuration.snapshotDirectory)
      nextEventPosition = try events.endPosition()
    } catch {
      throw DevelopmentError(message: "cannot watch the data directory: \(error)")
    }
    lastBatchCount = nextEventPosition
    lastReportAt = clock.now
  }

  /// Sleeps for `duration` in short steps, returning early when `shouldWake` says so.
  func pause(for duration: Duration, unless shouldWake: () -> Bool) {
    let deadline = clock.now + duration
    while clock.now < deadline, !shouldWake() {
      Thread.sleep(forTimeInterval: 0.05)
    }
  }

  /// The status now; nil if a log could not be read this time (it is retried at the next report).
  func report() -> DevelopmentStatus? {
    // Events first: a command appended between the two reads then shows as lag, never as less.
    guard (try? countNewTrades()) != nil, let commandCount = try? commands.endPosition() else { return nil }
    let now = clock.now
    let batchCount = nextEventPosition
    let rate = Self.perSecond(batchCount - lastBatchCount, over: lastReportAt.duration(to: now))
    lastBatchCount = batchCount
    lastReportAt = now
    return DevelopmentStatus(
      commandsInLog: commandCount, eventBatches: batchCount, commandsPerSecond: rate, tradesThisRun: trades,
      lastSnapshot: try? store.list().first)
  }

  /// Waits until every command appended so far has its event batch, or `limit` passed.
  func waitForCatchUp(within limit: Duration) {
    let deadline = clock.now + limit
    while clock.now < deadline {
      guard let commandCount = try? commands.endPosition(), let batchCount = try? events.endPosition() else {
        return
      }
      if batchCount >= commandCount { return }
      Thread.sleep(forTimeInterval: 0.02)
    }
  }

  /// Reads the event batches appended since the last call and counts their trades. On the embedded
  /// log a batch's position is its `seq` − 1, so the events log's end is the number of batches.
  private func countNewTrades() throws {
    while true {
      let records = try events.read(from: nextEventPosition, max: ReadLimit(records: 10_000))
      guard let last = records.last else { return }
      for record in records {
        let batch = try EventBatchRecord(serializedBytes: record.value)
        for event in batch.events { if case .trade = event { trades += 1 } }
      }
      nextEventPosition = last.position + 1
    }
  }

  private static func perSecond(_ count: Int64, over duration: Duration) -> Int {
    let seconds = Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    return seconds > 0 ? Int((Double(count) / seconds).rounded()) : 0
  }
}
