import ArgumentParser
import Foundation
import TradelogServices
import TradelogSimulation
import TradelogWire

/// `tradelog workload`: writes a seeded command stream as JSON lines, the form `tradelog replay`
/// reads (and `submit` will append to a log).
struct WorkloadCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "workload",
    abstract: "Write a seeded, realistic and adversarial command stream as JSON lines.",
    discussion: """
      Markets and deposits first, then limit, market, IOC, FOK and post-only orders around a moving \
      mid price, cancels, reduces, transfers and a small rate of malformed commands. The same seed \
      and options always write the same bytes.

      Example: tradelog workload --seed 7 --count 100000 --output commands.jsonl
      """)

  @Option(help: "The seed: the same seed writes the same commands.")
  var seed: UInt64 = 1

  @Option(help: "How many commands to write.")
  var count: Int = 100_000

  @Option(help: "Markets to create (1 to 64).")
  var markets: Int = 4

  @Option(help: "Accounts to trade with (1 to 100,000); few accounts make self-trades frequent.")
  var accounts: Int = 10

  @Option(help: ArgumentHelp("Write here instead of standard output.", valueName: "path"))
  var output: String?

  func validate() throws {
    guard count >= 0 else { throw ValidationError("--count must be 0 or more, not \(count).") }
    guard (1...64).contains(markets) else {
      throw ValidationError("--markets must be 1 to 64, not \(markets).")
    }
    guard (1...100_000).contains(accounts) else {
      throw ValidationError("--accounts must be 1 to 100,000, not \(accounts).")
    }
  }

  func run() throws {
    var workload = Workload(
      seed: seed, configuration: WorkloadConfiguration(marketCount: markets, accountCount: accounts))
    let destination = try BufferedOutput(path: output ?? "-")
    for _ in 0..<count {
      guard let command = workload.next() else { break }
      try destination.writeLine(CommandEncoder.encodeJSON(command))
    }
    try destination.close()
  }
}
