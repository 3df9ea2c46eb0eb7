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
  /// being read.
  func latency(commands: [[UInt8]], into table: inout PipelineTable) throws {
    let logs = try PipelineLogs(backend: backend, name: "latency")
    let sequencer = startSequencer(logs, snapshots: "latency")
    var tail = EventsTail(log: try backend.open(logs.events))
    // The producer appends one command first and waits: the clock runs only once the sequencer has
    // recovered and is tailing, and the producer's connection is up (a Kafka producer's first append
    // waits for the broker's metadata).
    let offered = Array(commands[1...])
    let go = StartSignal()
    let producer = startProducer(warmUp: commands[0], offered, to: logs.commands, go: go)
    try tail.follow(until: 1)
    go.give()
    var visible: [UInt64: ContinuousClock.Instant] = [:]
    visible.reserveCapacity(offered.count)
    try tail.follow(until: commands.count) { record, instant in
      visible[try EventBatchRecord(serializedBytes: record.value).commandOffset] = instant
    }
    try sequencer.stop()
    let appended = try producer.join().get()
    var latencies = try appended.map { command in
      guard let seen = visible[UInt64(command.position)] else {
        throw PipelineBenchmarkError("no event batch for the command at position \(command.position)")
      }
      return command.appended.duration(to: seen).seconds * 1_000
    }
    latencies.sort()
    // A short run can fit in one append: no span to divide by.
    let span = appended[0].appended.duration(to: appended[appended.count - 1].appended).seconds
    let achieved = span > 0 ? grouped(Double(offered.count) / span) : "-"
    print(
      "  latency: \(grouped(Double(offered.count))) commands offered at \(achieved)/s achieved, "
        + "appended every \(backend.producerAppendInterval)")
    let target = 5.0
    for (name, value) in [
      ("p50", latencies[latencies.count / 2]), ("p99", latencies[latencies.count * 99 / 100]),
      ("max", latencies[latencies.count - 1]),
    ] {
      table.add(
        backend: backend.name, metric: "latency \(name), ms", figure: fixed(value, 3),
        reference: "target p99 \(fixed(target, 0)) ms", ratio: fixed(value / target))
    }
  }

  /// Appends `commands` at `offeredRate`: at the end of every `backend.producerAppendInterval`, whatever came
  /// due during it, in one append.
  private func startProducer(
    warmUp: [UInt8], _ commands: [[UInt8]], to address: LogAddress, go: StartSignal
  ) -> ThreadRun<Result<[OfferedCommand], PipelineBenchmarkError>> {
    let appendInterval = backend.producerAppendInterval.seconds
    let commandsPerInterval = max(1, Int((offeredRate * appendInterval).rounded()))
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
          let due = min(commands.count, Int(elapsed / appendInterval) * commandsPerInterval)
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
