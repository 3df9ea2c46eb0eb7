import Foundation
import RecordLog
import TradelogServices

/// The pipeline measurements on one backend. Each measurement uses logs of its own.
struct PipelineRun {
  let backend: PipelineBackend
  /// Where snapshots go (and, on SQLite, the logs).
  let directory: URL
  let offeredRate: Double
  static let appendBatch = 10_000

  /// Pre-appends `commands`, then sequences them from position 0 and times until the last event
  /// batch is visible to a tailing reader; then appends the same event bytes to a fresh log with
  /// nothing else running: the backend's raw rate, the reference.
  func throughput(commands: [[UInt8]], into table: inout PipelineTable) throws {
    let logs = try PipelineLogs(backend: backend, name: "throughput")
    try append(commands, to: logs.commands)
    let started = ContinuousClock.now
    let processorStarted = ProcessorTime.now()
    let sequencer = startSequencer(logs, snapshots: "throughput")
    var events: [[UInt8]] = []
    events.reserveCapacity(commands.count)
    var tail = EventsTail(log: try backend.open(logs.events))
    var firstSeen: ContinuousClock.Instant?
    try tail.follow(until: commands.count) { record, instant in
      if firstSeen == nil { firstSeen = instant }
      events.append(record.value)
    }
    let finished = ContinuousClock.now
    let processorSeconds = ProcessorTime.now() - processorStarted
    let seconds = started.duration(to: finished).seconds
    try sequencer.stop()
    let rate = Double(commands.count) / seconds
    let raw = try rawAppendRate(of: events)
    let eventBytes = events.reduce(0) { $0 + $1.count }
    // Start-up (claim, recovery, first read) is part of the end-to-end figure; shown apart because a
    // short run (the mock keeps ~5 MiB) spends a visible share of its time there.
    let startup = started.duration(to: firstSeen ?? finished).seconds
    print(
      "  \(grouped(Double(commands.count))) commands in \(fixed(seconds, 3)) s, the first event batch after "
        + "\(fixed(startup, 3)) s; events \(grouped(Double(eventBytes))) bytes "
        + "(\(fixed(Double(eventBytes) / Double(events.count), 1)) per batch); CPU \(fixed(processorSeconds, 3)) s, "
        + "\(fixed(processorSeconds * 1e6 / Double(commands.count), 2)) µs per command (all threads\(backend.processorTimeNote))"
    )
    table.add(
      backend: backend.name, metric: "end to end, commands/s", figure: grouped(rate),
      reference: "\(raw.name) \(grouped(raw.recordsPerSecond))/s", ratio: fixed(rate / raw.recordsPerSecond))
  }

  func append(_ values: [[UInt8]], to address: LogAddress) throws {
    try Self.append(values, to: try backend.open(address), batch: Self.appendBatch)
  }

  /// Appends `values` to `log` in appends of `batch` records.
  static func append(_ values: [[UInt8]], to log: any LogConnection, batch: Int) throws {
    var start = 0
    while start < values.count {
      let end = min(start + batch, values.count)
      try log.append(values[start..<end].map { NewRecord(value: $0) })
      start = end
    }
  }

  /// A sequencer on a thread of its own, as `tradelog sequencer` runs it, without snapshots by count
  /// or time (one is written when it stops).
  func startSequencer(_ logs: PipelineLogs, snapshots: String) -> SequencerThread {
    let configuration = SequencerConfiguration(
      commands: logs.commands, events: logs.events,
      snapshotDirectory: directory.appending(path: "\(backend.name)-\(snapshots)-snapshots").path,
      snapshotEveryCommands: nil, snapshotInterval: nil, snapshotsKept: 1, idleWait: .milliseconds(20),
      progressInterval: .seconds(3_600), logOptions: backend.logOptions, log: { _ in })
    return SequencerThread(configuration: configuration)
  }
}

/// A commands log and an events log, both new.
struct PipelineLogs {
  let commands: LogAddress
  let events: LogAddress

  init(backend: PipelineBackend, name: String) throws {
    commands = try backend.newLog("\(name)-commands")
    events = try backend.newLog("\(name)-events")
  }
}

/// A sequencer running on its own thread until `stop()`.
struct SequencerThread {
  let stopRequest = StopRequest()
  let thread: ThreadRun<String?>

  init(configuration: SequencerConfiguration) {
    let stopRequest = stopRequest
    thread = ThreadRun.start {
      do {
        try Sequencer(configuration: configuration, stopRequest: stopRequest).run()
        return nil
      } catch {
        return "\(error)"
      }
    }
  }

  /// Asks the sequencer to stop, waits for it, and throws what it failed with, if anything.
  func stop() throws {
    stopRequest.request()
    if let failure = thread.join() { throw PipelineBenchmarkError("the sequencer failed: \(failure)") }
  }
}
