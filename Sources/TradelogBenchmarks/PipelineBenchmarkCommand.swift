import ArgumentParser
import Foundation
import RecordLog
import TradelogCore
import TradelogServices
import TradelogSimulation
import TradelogWire

/// `tradelog-bench pipeline`: the sequencer end to end on each log backend (commands log in, events
/// log out), next to the raw append rate of the same backend measured in the same run.
struct PipelineBenchmarkCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "pipeline",
    abstract:
      "Sequencer throughput, command-to-event latency and restart time on the SQLite log and a mock Kafka broker."
  )

  @Option(help: "Commands of the seeded workload sequenced end to end on the SQLite log.")
  var sqliteCommands = 500_000

  /// The mock broker keeps ~5 MiB per partition; records are LZ4-compressed, so the ~7 MB of event
  /// batches of 60,000 commands fit (the run checks that every batch arrived). Fewer would make the
  /// start-up (claim, recovery, first read) most of a run.
  @Option(
    help: "Commands sequenced end to end through the mock Kafka broker (it keeps ~5 MiB per partition).")
  var kafkaCommands = 60_000

  @Option(help: "Commands per second the latency producer offers.")
  var offeredRate = 50_000

  @Option(help: "Commands offered for the latency figures on the SQLite log.")
  var sqliteLatencyCommands = 100_000

  @Option(help: "Commands offered for the latency figures through the mock Kafka broker.")
  var kafkaLatencyCommands = 25_000

  @Option(help: "Resting orders in the snapshot the restart starts from (SQLite log).")
  var restingOrders = 1_000_000

  @Option(help: "Run only this backend: sqlite or kafka.")
  var backend: String?

  func validate() throws {
    guard backend == nil || backend == "sqlite" || backend == "kafka" else {
      throw ValidationError("--backend is sqlite or kafka, not \(backend ?? "").")
    }
    // A latency run appends its first command alone, before the clock starts, and needs offered
    // ones; only the backends that run are held to it.
    for (name, runs, count) in [
      ("--sqlite-latency-commands", runs("sqlite"), sqliteLatencyCommands),
      ("--kafka-latency-commands", runs("kafka"), kafkaLatencyCommands),
    ]
    where runs && count < 2 {
      throw ValidationError("\(name) must be at least 2, not \(count).")
    }
    guard offeredRate >= 1 else {
      throw ValidationError("--offered-rate must be at least 1, not \(offeredRate).")
    }
  }

  /// Whether this run measures `name`'s backend.
  private func runs(_ name: String) -> Bool { backend == nil || backend == name }

  func run() throws {
    // As `tradelog sequencer` runs.
    ServiceMemory.keepFreedMemory()
    let directory = FileManager.default.temporaryDirectory.appending(path: "tradelog-pipeline-\(getpid())")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    // Only as many commands as the backends that run use (generating them takes a while).
    let sqliteLargest = runs("sqlite") ? max(sqliteCommands, sqliteLatencyCommands) : 0
    let kafkaLargest = runs("kafka") ? max(kafkaCommands, kafkaLatencyCommands) : 0
    let largest = max(sqliteLargest, kafkaLargest) + 1
    var workload = Workload(seed: 42)
    let commands = (0..<largest).map { _ in CommandEncoder.encode(workload.next()!) }
    var table = PipelineTable()
    if runs("sqlite") {
      print("== sqlite log (WAL, synchronous=FULL), seeded workload 42")
      let sqlite = PipelineBackend.sqlite(directory: directory)
      let run = PipelineRun(backend: sqlite, directory: directory, offeredRate: Double(offeredRate))
      try run.throughput(commands: Array(commands[..<sqliteCommands]), into: &table)
      try run.latency(commands: Array(commands[..<sqliteLatencyCommands]), into: &table)
      try run.restart(restingOrders: restingOrders, into: &table)
    }
    if runs("kafka") {
      print(
        "== kafka mock broker (\(PipelineBackend.kafkaProperties.joined(separator: ", "))), seeded workload 42"
      )
      let kafka = try PipelineBackend.kafka()
      let run = PipelineRun(backend: kafka, directory: directory, offeredRate: Double(offeredRate))
      try run.throughput(commands: Array(commands[..<kafkaCommands]), into: &table)
      try run.latency(commands: Array(commands[..<kafkaLatencyCommands]), into: &table)
      table.add(
        backend: kafka.name, metric: "restart", figure: "not measured",
        reference: "1,000,000 orders do not fit in the mock's ~5 MiB per partition", ratio: "-")
    }
    print("\n" + table.printed())
    print(
      "\ntargets: end to end >= 150,000 commands/s (sqlite), >= 300,000 commands/s (kafka); latency p99 <= 5 ms "
        + "at \(grouped(Double(offeredRate))) commands/s offered; restart with \(grouped(Double(restingOrders))) "
        + "resting orders <= 2 s")
  }
}
