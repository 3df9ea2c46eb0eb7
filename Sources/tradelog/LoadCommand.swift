import ArgumentParser
import Foundation
import RecordLog
import TradelogServices
import TradelogSimulation

/// `tradelog load`: appends a seeded workload to a commands log as protobuf records, optionally
/// paced to a rate.
struct LoadCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "load",
    abstract: "Append a seeded synthetic command stream to a commands log, optionally at a given rate.",
    discussion: """
      The commands are those of `tradelog workload` with the same seed and options (markets and \
      deposits first, then orders, cancels, transfers and a small rate of malformed commands), \
      encoded as protobuf records and appended in batches: the same seed appends the same bytes. \
      With --rate the appends are paced to that many commands per second; without it they go as \
      fast as the log takes them. Progress (count, rate, ETA) goes to standard error, updated in \
      place on a terminal.

      Example: tradelog load --commands sqlite:commands.db --count 1000000 --rate 50000 --seed 7
      """)

  @Option(
    help: ArgumentHelp("The commands log (sqlite:PATH or kafka://HOST:PORT/TOPIC).", valueName: "address"))
  var commands: String

  @Option(help: "How many commands to append.")
  var count: Int

  @Option(help: ArgumentHelp("Commands per second; as fast as possible if omitted.", valueName: "per-second"))
  var rate: Double?

  @Option(help: "The seed: the same seed appends the same records.")
  var seed: UInt64 = 1

  @Option(help: "Markets to create (1 to 64).")
  var markets: Int = 4

  @Option(help: "Accounts to trade with (1 to 100,000).")
  var accounts: Int = 10

  @Option(help: ArgumentHelp("Records per append at most (1 to 100,000).", valueName: "count"))
  var batchSize = 1_000

  @OptionGroup var log: LogOptions

  func validate() throws {
    guard count >= 0 else { throw ValidationError("--count must be 0 or more, not \(count).") }
    if let rate {
      guard rate.isFinite, rate > 0 else {
        throw ValidationError("--rate must be a positive number of commands per second, not \(rate).")
      }
    }
    guard (1...64).contains(markets) else {
      throw ValidationError("--markets must be 1 to 64, not \(markets).")
    }
    guard (1...100_000).contains(accounts) else {
      throw ValidationError("--accounts must be 1 to 100,000, not \(accounts).")
    }
    guard (1...100_000).contains(batchSize) else {
      throw ValidationError("--batch-size must be 1 to 100,000, not \(batchSize).")
    }
  }

  func run() throws {
    let connection = try log.open(commands, createIfMissing: true)
    var workload = Workload(
      seed: seed, configuration: WorkloadConfiguration(marketCount: markets, accountCount: accounts))
    let load = CommandLoad(
      configuration: .init(count: count, ratePerSecond: rate, batchSizeMaximum: batchSize))
    let progressLine = ProgressLine(label: "tradelog load")
    let final = try load.run(&workload, into: connection) { progressLine.update($0.line) }
    progressLine.finish("\(final.line), to \(connection.address)")
  }
}
