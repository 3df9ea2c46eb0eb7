import Foundation
import RecordLog
import TradelogWire

extension PipelineRun {
  /// A command as the producer appended it: its position and when its append returned.
  struct OfferedCommand: Sendable {
    var position: Int64
    var appended: ContinuousClock.Instant
  }

  /// A producer thread offers `commands` at `offeredRate` to a running sequencer while this thread
  /// tails the events log; each command's latency runs from its append returning to its event batch
  /// being read. Then the same producer appends the same commands to a log only this thread reads:
  /// one hop through the log, of which a command takes two (into the sequencer, out to a reader).
  func latency(commands: [[UInt8]], into table: inout PipelineTable) throws {
    let logs = try PipelineLogs(backend: backend, name: "latency")
    let sequencer = startSequencer(logs, snapshots: "latency")
    var seen: [Int64: ContinuousClock.Instant] = [:]
    let appended = try offer(commands, to: logs.commands, tailing: logs.events) { record, instant in
      seen[Int64(try EventBatchRecord(serializedBytes: record.value).commandOffset)] = instant
    }
    try sequencer.stop()
    let latencies = try Latencies(appended, seen: seen)
    // A short run can fit in one append: no span to divide by.
    let span = appended[0].appended.duration(to: appended[appended.count - 1].appended).seconds
    let achieved = span > 0 ? grouped(Double(appended.count) / span) : "-"
    print(
      "  latency: \(grouped(Double(appended.count))) commands offered at \(achieved)/s achieved, "
        + "appended every \(backend.producerAppendInterval)")
    let target = 5.0
    for (name, value) in [("p50", latencies.p50), ("p99", latencies.p99), ("max", latencies.max)] {
      table.add(
        backend: backend.name, metric: "latency \(name), ms", figure: fixed(value, 3),
        reference: "target p99 \(fixed(target, 0)) ms", ratio: fixed(value / target))
    }

    let hopLog = try backend.newLog("latency-hop")
    var hopSeen: [Int64: ContinuousClock.Instant] = [:]
    let hops = try Latencies(
      try offer(commands, to: hopLog, tailing: hopLog) { record, instant in hopSeen[record.position] = instant
      },
      seen: hopSeen)
    table.add(
      backend: backend.name, metric: "one log hop (no sequencer), p50 / p99, ms",
      figure: "\(fixed(hops.p50, 3)) / \(fixed(hops.p99, 3))",
      reference: "a command makes two hops and a sequencer append", ratio: "-")
  }

  /// Has a producer thread append `commands` at `offeredRate` to `address` while this thread tails
  /// `tailed`, handing `seen` each record it reads with the instant it read it, until `tailed`
  /// holds a record per command; returns the commands as appended. The producer appends the first
  /// command and waits until it is seen: the clock runs only once the sequencer (if any) has
  /// recovered and is tailing, and the producer's connection is up (a Kafka producer's first
  /// append waits for the broker's metadata).
  private func offer(
    _ commands: [[UInt8]], to address: LogAddress, tailing tailed: LogAddress,
    seen: (LogRecord, ContinuousClock.Instant) throws -> Void
  ) throws -> [OfferedCommand] {
    var tail = EventsTail(log: try backend.open(tailed))
    let go = StartSignal()
    let producer = startProducer(warmUp: commands[0], Array(commands[1...]), to: address, go: go)
    try tail.follow(until: 1)
    go.give()
    try tail.follow(until: commands.count, seen)
    return try producer.join().get()
  }

  /// The latencies of `appended` commands, each from its append to when `seen` says it was read.
  struct Latencies {
    /// Milliseconds, ascending.
    let sorted: [Double]

    init(_ appended: [OfferedCommand], seen: [Int64: ContinuousClock.Instant]) throws {
      sorted = try appended.map { command in
        guard let instant = seen[command.position] else {
          throw PipelineBenchmarkError("nothing was read for the command at position \(command.position)")
        }
        return command.appended.duration(to: instant).seconds * 1_000
      }.sorted()
    }

    var p50: Double { sorted[sorted.count / 2] }
    var p99: Double { sorted[sorted.count * 99 / 100] }
    var max: Double { sorted[sorted.count - 1] }
  }

  /// Appends `commands` at `offeredRate`: at the end of every `backend.producerAppendInterval`, whatever came
  /// due during it, in one append.
  private func startProducer(
    warmUp: [UInt8], _ commands: [[UInt8]], to address: LogAddress, go: StartSignal
  ) -> ThreadRun<Result<[OfferedCommand], PipelineBenchmarkError>> {
    let appendInterval = backend.producerAppendInterval.seconds
    let offeredRate = offeredRate
    let options = backend.logOptions
    return ThreadRun.start {
      do {
        let log = try openLog(address, options: options)
        try log.append(NewRecord(value: warmUp))
        while !go.isGiven { Thread.sleep(forTimeInterval: 0.000_5) }
        var offered: [OfferedCommand] = []
        offered.reserveCapacity(commands.count)
        let start = ContinuousClock.now
        while offered.count < commands.count {
          // Whole intervals only: what came due during one interval is appended at its end.
          let elapsed = start.duration(to: .now).seconds
          let intervals = (elapsed / appendInterval).rounded(.down)
          let due = min(commands.count, Int((intervals * appendInterval * offeredRate).rounded()))
          guard due > offered.count else {
            Thread.sleep(forTimeInterval: 0.000_1)
            continue
          }
          let positions = try log.append(commands[offered.count..<due].map { NewRecord(value: $0) })
          let appended = ContinuousClock.now
          offered += positions.map { OfferedCommand(position: $0, appended: appended) }
        }
        return .success(offered)
      } catch {
        return .failure(PipelineBenchmarkError("the latency producer failed: \(error)"))
      }
    }
  }
}
