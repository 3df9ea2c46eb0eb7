import RecordLog

/// Reads a log from a position and hands each record, classified, to its caller: what
/// `tradelog tail` does.
///
/// Without `follow` it reads what the log held when it started and returns: records appended
/// meanwhile are not waited for, so the read always ends. With `follow` it keeps waiting for new
/// records until `shouldStop` says so; it asks between waits, so it stops within one
/// `waitInterval` of being told.
public struct LogTail {
  public struct Configuration: Sendable {
    /// The first position to read (0 is the start of the log).
    public var from: Int64
    public var follow: Bool
    public var kind: RecordKindSelection
    /// Records per read.
    public var readLimit: ReadLimit
    /// How long one wait for new records lasts before `shouldStop` is asked again.
    public var waitInterval: Duration

    public init(
      from: Int64 = 0, follow: Bool = false, kind: RecordKindSelection = .auto,
      readLimit: ReadLimit = ReadLimit(),
      waitInterval: Duration = .milliseconds(200)
    ) {
      precondition(from >= 0, "a log position is 0 or more")
      self.from = from
      self.follow = follow
      self.kind = kind
      self.readLimit = readLimit
      self.waitInterval = waitInterval
    }
  }

  /// A record and what it holds.
  public struct Entry: Sendable, Equatable {
    public let record: LogRecord
    public let content: TailedRecord
  }

  public let configuration: Configuration

  public init(configuration: Configuration) {
    self.configuration = configuration
  }

  /// Reads `log`, calling `output` once per read with its records in position order; returns the
  /// number of records read. Errors thrown by `output` (a closed pipe) end the tail and propagate.
  public func run(
    _ log: any LogConnection, output: ([Entry]) throws -> Void, shouldStop: () -> Bool = { false }
  ) throws -> Int {
    var next = configuration.from
    var count = 0
    // Kafka positions can have gaps (transaction markers), so "the end" is a position, not a count.
    let endAtStart = configuration.follow ? Int64.max : try readEnd(of: log)
    while next < endAtStart, !shouldStop() {
      let records = try read(log, from: next)
      if records.isEmpty {
        guard configuration.follow else { break }
        continue
      }
      let entries = try records.prefix { $0.position < endAtStart }.map { (record) throws(TailError) in
        Entry(record: record, content: try TailedRecord(classifying: record, as: configuration.kind))
      }
      try output(entries)
      count += entries.count
      next = records[records.count - 1].position + 1
    }
    return count
  }

  private func readEnd(of log: any LogConnection) throws(TailError) -> Int64 {
    do {
      return try log.endPosition()
    } catch {
      throw .readFailed(error)
    }
  }

  private func read(_ log: any LogConnection, from position: Int64) throws(TailError) -> [LogRecord] {
    do {
      return configuration.follow
        ? try log.read(from: position, max: configuration.readLimit, waitingUpTo: configuration.waitInterval)
        : try log.read(from: position, max: configuration.readLimit)
    } catch {
      throw .readFailed(error)
    }
  }
}
