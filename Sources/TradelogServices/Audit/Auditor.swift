import Foundation
import RecordLog
import SnapshotStore

/// Audits an events log against its commands log (DESIGN.md, "Exactly once"): replays every command
/// from the start through a fresh engine, exactly as the sequencer does (the same decoder, the
/// records' own timestamps, the same chain), and checks that each re-derived batch is byte for byte
/// the events log's batch with that `seq`. Along the way it checks the engine's invariants every
/// `invariantsEvery` commands and every snapshot at its position.
///
/// Reads only; blocks its thread while it reads the logs. The first divergence stops the replay:
/// past it the two chains differ, so every later batch would differ too and say nothing new.
public struct Auditor: Sendable {
  public let configuration: AuditConfiguration

  public init(configuration: AuditConfiguration) {
    self.configuration = configuration
  }

  /// Runs the audit and returns its report; `progress` is called every few thousand commands and
  /// once at the end. Throws only when a log or the snapshot directory cannot be read: what is wrong
  /// with their contents is in the report.
  public func run(progress: (AuditProgress) -> Void = { _ in }) throws(AuditError) -> AuditReport {
    // The snapshots first, then the events log's end, then the commands log's: the sequencer writes
    // a command's batch after the command and a snapshot after its batches, so everything listed
    // here lies within what is read next, even while a sequencer is running.
    let (store, snapshots) = try listSnapshots()
    let events = try open(configuration.events, options: configuration.eventsLogOptions)
    let commands = try open(configuration.commands, options: configuration.commandsLogOptions)
    let eventsEnd = try endPosition(of: events)
    let commandsEnd = try endPosition(of: commands)
    var pass = AuditPass(
      configuration: configuration,
      commands: LogRecordStream(log: commands, end: commandsEnd),
      events: LogRecordStream(log: events, end: eventsEnd),
      store: store, snapshots: snapshots)
    try pass.run(progress: progress)
    return pass.report
  }

  /// The snapshot files in ascending position order, and the store to load them from.
  private func listSnapshots() throws(AuditError) -> (SnapshotStore?, [SnapshotStoreEntry]) {
    guard let directory = configuration.snapshotDirectory else { return (nil, []) }
    var isDirectory: ObjCBool = false
    // SnapshotStore creates a missing directory; an audit must not invent an empty one.
    guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue
    else {
      throw AuditError(
        kind: .snapshotsUnavailable,
        message: "\(directory) is not a directory: give the sequencer's --snapshots directory")
    }
    do {
      let store = try SnapshotStore(directory: directory)
      return (store, try store.list().sorted { $0.commandPosition < $1.commandPosition })
    } catch {
      throw AuditError(error)
    }
  }

  private func open(_ address: LogAddress, options: LogOpenOptions) throws(AuditError) -> any LogConnection {
    var options = options
    // A mistyped path must be an error, not an empty log that audits clean.
    options.sqlite.createIfMissing = false
    do {
      return try openLog(address, options: options)
    } catch {
      throw AuditError(error, while: "opening \(address)")
    }
  }

  private func endPosition(of log: any LogConnection) throws(AuditError) -> Int64 {
    do {
      return try log.endPosition()
    } catch {
      throw AuditError(error, while: "reading the end position of \(log.address)")
    }
  }
}
