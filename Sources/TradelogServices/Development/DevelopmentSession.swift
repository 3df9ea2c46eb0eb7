import Foundation
import RecordLog
import SnapshotStore
import Synchronization
import TradelogCore
import TradelogWire

/// `tradelog dev`: the whole pipeline on the embedded log in one process. A sequencer thread turns
/// the commands log into the events log (with snapshots), a load thread appends a paced, seeded demo
/// stream, and the caller's thread reports the status until a stop is requested.
///
/// Running it again on the same data directory resumes: the sequencer recovers as it always does
/// (snapshot, then replay compared with the events log), and the demo stream continues after the
/// commands already in the log (its first commands are drawn again and dropped, so the stream is
/// the one a single long run would have appended).
///
/// A stop (SIGINT) ends the load first, lets the sequencer catch up with what was appended (for a
/// few seconds at most), then stops the sequencer, which appends its batch in hand and writes a last
/// snapshot: the data directory is left with every command sequenced.
public struct DevelopmentSession: Sendable {
  /// Makes the demo command stream, given how many commands of it are already in the log.
  public typealias CommandStreamFactory =
    @Sendable (_ alreadyAppended: Int64) -> any IteratorProtocol<Command>

  public let configuration: DevelopmentConfiguration
  let makeCommandStream: CommandStreamFactory
  /// How long a stop waits for the sequencer to take in the last appended commands.
  static let catchUpWaitMax: Duration = .seconds(5)

  public init(configuration: DevelopmentConfiguration, commandStream: @escaping CommandStreamFactory) {
    self.configuration = configuration
    self.makeCommandStream = commandStream
  }

  /// Runs until `stopRequest` is requested or a part fails, calling `status` every status interval.
  public func run(
    stopRequest: StopRequest, status: (DevelopmentStatus) -> Void
  ) throws(DevelopmentError) {
    try prepareDataDirectory()
    let failure = FirstFailure()
    let sequencerStop = StopRequest()
    let sequencer = try startSequencer(stopRequest: sequencerStop, failure: failure)
    let loadStop = StopRequest()
    let load = configuration.loadRate.map { startLoad(rate: $0, stopRequest: loadStop, failure: failure) }
    let monitor = try StatusMonitor(configuration: configuration)
    while !stopRequest.isRequested, failure.message == nil {
      monitor.pause(
        for: configuration.statusInterval, unless: { stopRequest.isRequested || failure.message != nil })
      if let report = monitor.report() { status(report) }
    }
    loadStop.request()
    load?.wait()
    if failure.message == nil { monitor.waitForCatchUp(within: Self.catchUpWaitMax) }
    sequencerStop.request()
    sequencer.wait()
    if let report = monitor.report() { status(report) }
    if let message = failure.message { throw DevelopmentError(message: message) }
  }

  private func prepareDataDirectory() throws(DevelopmentError) {
    do {
      try FileManager.default.createDirectory(
        atPath: configuration.snapshotDirectory, withIntermediateDirectories: true)
    } catch {
      throw DevelopmentError(
        message:
          "cannot create the data directory \(configuration.dataDirectory): \(error.localizedDescription)")
    }
  }

  private func startSequencer(
    stopRequest: StopRequest, failure: FirstFailure
  ) throws(DevelopmentError) -> BackgroundThread {
    let logFile = try TimestampedLogFile(path: configuration.sequencerLogPath)
    let sequencerConfiguration = SequencerConfiguration(
      commands: configuration.commandsAddress, events: configuration.eventsAddress,
      snapshotDirectory: configuration.snapshotDirectory, snapshotEveryCommands: 500_000,
      snapshotInterval: .seconds(30), snapshotsKept: 3, log: { logFile.write($0) })
    let dataDirectory = configuration.dataDirectory
    return BackgroundThread(name: "sequencer") {
      do throws(SequencerError) {
        try Sequencer(configuration: sequencerConfiguration, stopRequest: stopRequest).run()
      } catch {
        failure.record(
          error.kind == .fenced
            ? "another sequencer took over \(dataDirectory) (is a second `tradelog dev` running there?)"
            : "the sequencer stopped: \(error.message)")
      }
    }
  }

  private func startLoad(rate: Double, stopRequest: StopRequest, failure: FirstFailure) -> BackgroundThread {
    let address = configuration.commandsAddress
    let makeCommandStream = makeCommandStream
    return BackgroundThread(name: "demo load") {
      do {
        let log = try openLog(address)
        var stream = makeCommandStream(try log.endPosition())
        // Half a second of commands per run of the paced load: a stop waits at most that long.
        let load = CommandLoad(configuration: .init(count: Swift.max(1, Int(rate / 2)), ratePerSecond: rate))
        while !stopRequest.isRequested {
          _ = try load.run(&stream, into: log)
        }
      } catch {
        failure.record("the demo load stopped: \(error)")
      }
    }
  }
}
