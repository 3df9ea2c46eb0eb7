import AcceleratedSHA256
import Foundation
import RecordLog
import TradelogCore
import TradelogWire

/// Runs a JSON-lines command file, or a commands log, through a fresh engine, exactly as the
/// sequencer runs commands from a log. From a file, the command's position is its 0-based line number
/// and its timestamp equals its position; from a log (`commandsPath` is a `sqlite:` or `kafka://`
/// address), both are the record's own and every record up to the log's end at start is replayed.
/// Event batches are sealed into the same hash chain, so the output is the events log the sequencer
/// writes, byte for byte.
public struct CommandFileReplay {
  public struct Configuration: Sendable {
    /// A JSON-lines file, or a log address (`sqlite:PATH`, `kafka://…`).
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
    let eventsOutput = try configuration.eventsOutputPath.map(BufferedOutput.init(path:))
    let bookOutput = try configuration.bookOutputPath.map(BufferedOutput.init(path:))
    var engine = Engine()
    var buffer = EventBuffer(capacity: 256)
    var chain = EventChain()
    var summary = ReplaySummary()
    let clock = ContinuousClock()
    let start = clock.now
    try forEachCommand { command, position, timestamp in
      engine.apply(command, timestamp: timestamp, into: &buffer)
      summary.count(buffer.events)
      if let eventsOutput {
        try eventsOutput.writeLine(chain.seal(buffer, commandOffset: position).jsonLine())
      }
      if let bookOutput, (position + 1) % UInt64(configuration.bookEvery) == 0 {
        try writeBooks(of: engine, at: position, to: bookOutput)
      }
    }
    summary.elapsed = clock.now - start
    summary.stateHash = engine.acceleratedStateHash()
    try eventsOutput?.close()
    try bookOutput?.close()
    return summary
  }

  /// Calls `body` with each command, its position and its timestamp, from the file or the log.
  private func forEachCommand(_ body: (Command, UInt64, Int64) throws -> Void) throws {
    if let address = try Self.logAddress(configuration.commandsPath) {
      try CommandLogReader(address: address).forEachRecord { record in
        try body(
          CommandRecordDecoder.command(of: record), UInt64(record.position), record.timestampMilliseconds)
      }
      return
    }
    var position: UInt64 = 0
    for line in CommandLines(try readCommandFile()) {
      try body(CommandDecoder.decode(jsonUTF8: Array(line)), position, Int64(position))
      position += 1
    }
  }

  /// The log `text` names, or nil if it names a file. An address with a log scheme that does not
  /// parse is an error, not a file name.
  public static func logAddress(_ text: String) throws -> LogAddress? {
    let lowercased = text.lowercased()
    guard lowercased.hasPrefix("sqlite:") || lowercased.hasPrefix("kafka:") else { return nil }
    do {
      return try LogAddress(parsing: text)
    } catch {
      throw ReplayError.cannotRead(path: text, reason: error.message)
    }
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
