import ArgumentParser
import Foundation
import LZ4Frame
import TradelogCore
import TradelogSimulation

/// `tradelog-bench engine`: the matching engine's speed, allocations, memory and snapshot times.
struct EngineBenchmarkCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "engine",
    abstract: "Engine throughput on real and synthetic flow, allocations, memory, snapshot times.")

  @Option(help: ArgumentHelp("The LOBSTER command stream.", valueName: "path"))
  var lobster = "../shared/data/lobster/aapl-2012-06-21-0930-1030.commands.csv"

  @Option(help: "Commands in the synthetic workload.")
  var syntheticCommands = 1_000_000

  @Option(help: "Resting orders for the memory and snapshot figures.")
  var restingOrders = 1_000_000

  @Option(help: "Chain steps (SHA-256 of a 148-byte input) per timed run of the hashing section.")
  var chainSteps = 200_000

  @Option(help: "Timed repetitions; the fastest counts.")
  var repetitions = 5

  /// A part of the benchmark, to run alone (under a profiler, say).
  enum Section: String, ExpressibleByArgument, CaseIterable {
    case lobster, synthetic, resting, hashing
  }

  @Option(help: "Run only these sections (repeatable); all when left out.")
  var only: [Section] = []

  /// Liquibook (C++, a book without a ledger) replaying the same LOBSTER hour on this kind of machine,
  /// without a depth view (shared/ENVIRONMENT.md). It cannot be built here, so its published figure
  /// stands in for a same-run measurement.
  static let liquibookCommandsPerSecond = 6_200_000.0

  func run() throws {
    let sections = only.isEmpty ? Section.allCases : only
    if sections.contains(.lobster) { try lobsterThroughput() }
    if sections.contains(.synthetic) { syntheticThroughput() }
    if sections.contains(.resting) { try restingOrdersAndSnapshot() }
    if sections.contains(.hashing) { try chainHashThroughput() }
  }

  private func lobsterThroughput() throws {
    let bytes = Array(try Data(contentsOf: URL(filePath: lobster)))
    let stream = try LobsterCommandStream(commandsCSV: bytes, accounts: .roundRobin(count: 64))
    let commands = stream.setup + stream.steps.compactMap(\.command)
    print("== LOBSTER AAPL 2012-06-21 09:30-10:30: \(grouped(Double(commands.count))) commands")
    report(commands: commands, reference: Self.liquibookCommandsPerSecond, referenceName: "Liquibook")
  }

  private func syntheticThroughput() {
    var workload = Workload(seed: 42)
    let commands = (0..<syntheticCommands).map { _ in workload.next()! }
    print("\n== synthetic workload, seed 42: \(grouped(Double(commands.count))) commands")
    report(commands: commands, reference: nil, referenceName: nil)
  }

  /// Times full runs over `commands` on fresh engines, then counts allocations in the second half of
  /// one run, when the engine has grown to its working size.
  private func report(commands: [Command], reference: Double?, referenceName: String?) {
    var buffer = EventBuffer(capacity: 1_024)
    var rejections = 0
    let best = RunMeasurement.best(of: repetitions) {
      var engine = Engine()
      rejections = 0
      for (position, command) in commands.enumerated() {
        engine.apply(command, timestamp: Int64(position), into: &buffer)
        if case .orderRejected = buffer.events.first { rejections += 1 }
      }
    }
    let commandsPerSecond = Double(commands.count) / best.seconds
    print("commands/s:            \(grouped(commandsPerSecond))   (best of \(repetitions))")
    print("ns/command:            \(fixed(best.seconds * 1e9 / Double(commands.count), 1))")
    if let reference, let referenceName {
      print(
        "vs \(referenceName):          \(fixed(commandsPerSecond / reference))x  (\(grouped(reference)) commands/s)"
      )
    }
    print("orders rejected:       \(rejections)")
    var engine = Engine()
    let half = commands.count / 2
    for (position, command) in commands[..<half].enumerated() {
      engine.apply(command, timestamp: Int64(position), into: &buffer)
    }
    let steady = RunMeasurement.of {
      for (position, command) in commands[half...].enumerated() {
        engine.apply(command, timestamp: Int64(half + position), into: &buffer)
      }
    }
    print(
      "allocations/command:   \(fixed(Double(steady.allocations) / Double(commands.count - half), 4))"
        + "   (second half: \(steady.allocations) in \(grouped(Double(commands.count - half))) commands)")
    WireDecodingBenchmark.report(commands: commands, repetitions: repetitions)
  }

  private func restingOrdersAndSnapshot() throws {
    print("\n== \(grouped(Double(restingOrders))) resting orders")
    var engine = Engine()
    let heapBefore = heapBytesInUse()
    RestingBook.fill(&engine, orders: restingOrders)
    let heapAfter = heapBytesInUse()
    let resting = engine.book(market: RestingBook.market, depth: Int.max)
    let restingCount = (resting.bids + resting.asks).reduce(0) { $0 + $1.orderCount }
    guard restingCount == restingOrders else {
      throw ValidationError("expected \(restingOrders) resting orders, found \(restingCount)")
    }
    let statistics = engine.statistics
    let accounted =
      Double(statistics.restingOrderStride) + statistics.orderIdIndexBytesPerOrder
      + statistics.clientOrderIdIndexBytesPerEntry
    print(
      "bytes/resting order:   \(fixed(accounted, 1))   (slot \(statistics.restingOrderStride), orderId index "
        + "\(fixed(statistics.orderIdIndexBytesPerOrder, 1)), clientOrderId index "
        + "\(fixed(statistics.clientOrderIdIndexBytesPerEntry, 1)))")
    print(
      "heap growth/order:     \(fixed(Double(heapAfter - heapBefore) / Double(restingOrders), 1))"
        + "   (everything the engine grew by, spare capacity of its tables included)")
    try snapshotTimes(of: engine)
  }

  private func snapshotTimes(of engine: Engine) throws {
    var body: [UInt8] = []
    var frame: [UInt8] = []
    let encode = RunMeasurement.best(of: 3) { body = engine.encodeSnapshotBody() }
    let compress = try RunMeasurement.best(of: 3) { frame = try LZ4FrameEncoder.compress(body) }
    var restored = Engine()
    let restore = try RunMeasurement.best(of: 3) {
      let decompressed = try LZ4FrameDecoder.decompress(frame, maximumOutputSize: body.count)
      restored = try Engine(snapshotBody: decompressed)
    }
    guard restored.stateHash() == engine.stateHash() else {
      throw ValidationError("the restored engine's state hash differs from the original's")
    }
    print(
      "snapshot body:         \(grouped(Double(body.count))) bytes, LZ4 frame \(grouped(Double(frame.count)))"
    )
    print(
      "encode + compress:     \(fixed(encode.seconds + compress.seconds, 3)) s"
        + "   (encode \(fixed(encode.seconds, 3)) s, LZ4 \(fixed(compress.seconds, 3)) s)")
    print("decompress + decode:   \(fixed(restore.seconds, 3)) s   (state hash verified)")
    try compareWithLZ4Tool(body: body, ourCompressSeconds: compress.seconds)
  }

  /// The `lz4` command line tool on the same bytes, file to file, in the same run.
  private func compareWithLZ4Tool(body: [UInt8], ourCompressSeconds: Double) throws {
    let directory = FileManager.default.temporaryDirectory.appending(path: "tradelog-bench-\(getpid())")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let input = directory.appending(path: "body")
    try Data(body).write(to: input)
    let tool = try RunMeasurement.best(of: 3) {
      try runTool("/usr/bin/lz4", ["-1", "-q", "-f", input.path, directory.appending(path: "body.lz4").path])
    }
    print(
      "vs lz4 -1 (same bytes): \(fixed(tool.seconds / ourCompressSeconds))x as fast as the tool "
        + "(\(fixed(tool.seconds, 3)) s, process start included)")
  }

  private func runTool(_ path: String, _ arguments: [String]) throws {
    let process = Process()
    process.executableURL = URL(filePath: path)
    process.arguments = arguments
    try process.run()
    process.waitUntilExit()
    guard process.terminationStatus == 0 else {
      throw ValidationError("\(path) exited with status \(process.terminationStatus)")
    }
  }
}
