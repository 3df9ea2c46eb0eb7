import Foundation
import TradelogCore
import TradelogWire

/// Runs a JSON-lines command file through a fresh engine, exactly as the sequencer would run the
/// same commands from a log: the command's position is its 0-based line number and its timestamp
/// equals its position. Event batches are sealed into the same hash chain, so the output is the
/// event log the sequencer would write, byte for byte.
public struct CommandFileReplay {
  public struct Configuration: Sendable {
    public var commandsPath: String
    /// Where event batches go as JSON lines (`-` for standard output), if anywhere.
    public var eventsOutputPath: String?
    /// Where book depth lines go, if anywhere.
    public var bookOutputPath: String?
    /// Write the books after every `bookEvery` commands.
    public var bookEvery: Int
    public var bookDepth: Int

    public init(
      commandsPath: String, eventsOutputPath: String? = nil, bookOutputPath: String? = nil,
      bookEvery: Int = 1, bookDepth: Int = 10
    ) {
      self.commandsPath = commandsPath
      self.eventsOutputPath = eventsOutputPath
      self.bookOutputPath = bookOutputPath
      self.bookEvery = bookEvery
      self.bookDepth = bookDepth
    }
  }

  public let configuration: Configuration

  public init(configuration: Configuration) {
    self.configuration = configuration
  }

  public func run() throws -> ReplaySummary {
    let contents = try readCommandFile()
    let eventsOutput = try configuration.eventsOutputPath.map(BufferedOutput.init(path:))
    let bookOutput = try configuration.bookOutputPath.map(BufferedOutput.init(path:))
    var engine = Engine()
    var buffer = EventBuffer(capacity: 256)
    var chain = EventChain()
    var summary = ReplaySummary()
    let clock = ContinuousClock()
    let start = clock.now
    var position: UInt64 = 0
    for line in CommandLines(contents) {
      let command = CommandDecoder.decode(jsonUTF8: Array(line))
      engine.apply(command, timestamp: Int64(position), into: &buffer)
      summary.count(buffer.events)
      if let eventsOutput {
        try eventsOutput.writeLine(chain.seal(buffer, commandOffset: position).jsonLine())
      }
      if let bookOutput, (position + 1) % UInt64(configuration.bookEvery) == 0 {
        try writeBooks(of: engine, at: position, to: bookOutput)
      }
      position += 1
    }
    summary.elapsed = clock.now - start
    summary.stateHash = engine.stateHash()
    try eventsOutput?.close()
    try bookOutput?.close()
    return summary
  }

  private func readCommandFile() throws -> [UInt8] {
    do {
      return Array(try Data(contentsOf: URL(filePath: configuration.commandsPath)))
    } catch {
      throw ReplayError.cannotRead(path: configuration.commandsPath, reason: error.localizedDescription)
    }
  }

  private func writeBooks(of engine: Engine, at position: UInt64, to output: BufferedOutput) throws {
    for market in engine.markets {
      let depth = engine.book(market: market.market, depth: configuration.bookDepth)
      try output.writeLine(BookDepthLine.json(depth, position: position))
    }
  }
}

/// One line of `--book-out`: `{"position":…,"market":…,"bids":[[price,quantity],…],"asks":[…]}`.
enum BookDepthLine {
  static func json(_ depth: BookDepth, position: UInt64) -> String {
    "{\"position\":\(position),\"market\":\"\(depth.market)\",\"bids\":\(levels(depth.bids)),"
      + "\"asks\":\(levels(depth.asks))}"
  }

  private static func levels(_ levels: [BookLevel]) -> String {
    "[" + levels.map { "[\($0.price),\($0.quantity)]" }.joined(separator: ",") + "]"
  }
}
