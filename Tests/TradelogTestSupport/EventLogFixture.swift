import RecordLog
import TradelogCore
import TradelogServices
import TradelogSimulation
import TradelogWire

/// An events log made the way the sequencer makes one, without a sequencer: a seeded `Workload` run
/// through an `Engine`, each command's events sealed into the hash chain by `EventChain`, each batch
/// a binary `EventBatchRecord`. The engine is kept, so that tests can compare what a consumer of
/// the log built with the engine's own state.
public struct EventLogFixture: Sendable {
  /// The engine after the last command.
  public let engine: Engine
  /// The batches in seq order: `batches[i]` has seq `i + 1`.
  public let batches: [EventBatchRecord]
  /// The same batches encoded, as the events log holds them.
  public let records: [[UInt8]]
  public let eventCount: Int

  /// Timestamps are real epoch milliseconds from a fixed instant (2023-11-14 22:13:20 UTC), so that
  /// runs reproduce and candles fall on real minutes.
  public static let firstTimestamp: Int64 = 1_700_000_000_000

  /// Runs `commandCount` commands of the workload seeded with `seed`, the command at position `i`
  /// stamped `firstTimestamp + i × timestampStepMilliseconds`.
  public init(
    seed: UInt64, commandCount: Int, configuration: WorkloadConfiguration = .standard,
    timestampStepMilliseconds: Int64 = 1
  ) {
    var workload = Workload(seed: seed, configuration: configuration)
    var engine = Engine()
    var buffer = EventBuffer(capacity: 256)
    var chain = EventChain()
    var batches: [EventBatchRecord] = []
    batches.reserveCapacity(commandCount)
    var eventCount = 0
    for position in 0..<commandCount {
      guard let command = workload.next() else { break }
      engine.apply(
        command, timestamp: Self.firstTimestamp + Int64(position) * timestampStepMilliseconds, into: &buffer)
      eventCount += buffer.events.count
      batches.append(chain.seal(buffer, commandOffset: UInt64(position)))
    }
    self.engine = engine
    self.batches = batches
    records = batches.map { $0.serializedBytes() }
    self.eventCount = eventCount
  }

  /// Appends the batches to the SQLite log at `path` (created if missing), in chunks of one
  /// transaction each. `indices` picks which batches, in which order, repeats allowed (a batch
  /// delivered twice); all of them in order by default.
  public func write(toLogAt path: String, indices: [Int]? = nil) throws(RecordLogError) {
    let log = try openLog(.sqlite(path: path))
    let chosen = indices ?? Array(records.indices)
    var start = 0
    while start < chosen.count {
      let end = min(start + 10_000, chosen.count)
      try log.append(chosen[start..<end].map { NewRecord(value: records[$0]) })
      start = end
    }
  }
}
