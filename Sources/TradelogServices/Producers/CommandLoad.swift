import Foundation
import RecordLog
import TradelogCore
import TradelogWire

/// Appends a stream of commands (a seeded workload) to a log as protobuf command records, in
/// batches, optionally paced to a rate: what `tradelog load` does.
///
/// The records are a pure function of the commands, so the same stream always appends the same
/// bytes. Pacing never changes what is appended, only when.
public struct CommandLoad {
  public struct Configuration: Sendable {
    /// How many commands to append; fewer only if the stream ends first.
    public var count: Int
    /// Commands per second to pace to; nil appends as fast as the log takes them.
    public var ratePerSecond: Double?
    /// Records per append when not paced: large enough to amortize a commit.
    public var batchSizeMaximum: Int

    public init(count: Int, ratePerSecond: Double? = nil, batchSizeMaximum: Int = 1_000) {
      precondition(count >= 0, "a load appends 0 or more commands")
      precondition(ratePerSecond.map { $0 > 0 } ?? true, "a pacing rate is positive")
      precondition(batchSizeMaximum >= 1, "a batch holds at least one record")
      self.count = count
      self.ratePerSecond = ratePerSecond
      self.batchSizeMaximum = batchSizeMaximum
    }

    /// Paced batches are small enough that the rate is kept about every 10 ms rather than in bursts
    /// of a whole batch.
    var batchSize: Int {
      guard let ratePerSecond else { return batchSizeMaximum }
      return Swift.max(1, Swift.min(batchSizeMaximum, Int(ratePerSecond / 100)))
    }
  }

  public let configuration: Configuration

  public init(configuration: Configuration) {
    self.configuration = configuration
  }

  /// Appends up to `count` commands of `commands` to `log`, calling `progress` after each batch.
  /// Returns the final progress.
  public func run(
    _ commands: inout some IteratorProtocol<Command>, into log: any LogConnection,
    progress: (LoadProgress) -> Void = { _ in }
  ) throws(ProducerError) -> LoadProgress {
    let clock = ContinuousClock()
    let start = clock.now
    var appended = 0
    var batch: [NewRecord] = []
    batch.reserveCapacity(configuration.batchSize)
    while appended < configuration.count {
      batch.removeAll(keepingCapacity: true)
      while batch.count < Swift.min(configuration.batchSize, configuration.count - appended),
        let command = commands.next()
      {
        batch.append(NewRecord(value: CommandEncoder.encode(command)))
      }
      guard !batch.isEmpty else { break }
      waitForPace(appended: appended, since: start, clock: clock)
      do {
        try log.append(batch)
      } catch {
        throw .loadAppendFailed(error, appended: appended)
      }
      appended += batch.count
      progress(
        LoadProgress(appended: appended, total: configuration.count, elapsed: start.duration(to: clock.now)))
    }
    return LoadProgress(
      appended: appended, total: configuration.count, elapsed: start.duration(to: clock.now))
  }

  /// Sleeps until the moment the rate allows the next batch: `appended / rate` after the start. A
  /// slow log is never made up for with a burst beyond the batch size.
  private func waitForPace(appended: Int, since start: ContinuousClock.Instant, clock: ContinuousClock) {
    guard let ratePerSecond = configuration.ratePerSecond else { return }
    let due = start + .seconds(Double(appended) / ratePerSecond)
    let wait = clock.now.duration(to: due)
    guard wait > .zero else { return }
    let (seconds, attoseconds) = wait.components
    Thread.sleep(forTimeInterval: Double(seconds) + Double(attoseconds) / 1e18)
  }
}
