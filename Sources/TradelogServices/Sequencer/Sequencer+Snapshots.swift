import Foundation
import TradelogCore

extension Sequencer {
  /// Takes a snapshot when one is due, once the events log holds every batch handed to the
  /// appender: a snapshot is never ahead of the events log.
  func takeSnapshotIfDue(writer: BackgroundSnapshotWriter, appender: EventsAppender) throws(SequencerError) {
    guard snapshotSchedule.isDue(at: ContinuousClock.now), writer.isIdle else { return }
    try waitUntilAppended(appender)
    takeSnapshot(writer: writer, waitingForTheWriter: false)
  }

  /// Encodes the state here, on the engine's thread (the only one that may read it), and hands the
  /// bytes to the writer. If the writer is still busy with the previous snapshot, the new one waits
  /// for a later batch, or, when stopping, for the writer.
  func takeSnapshot(writer: BackgroundSnapshotWriter, waitingForTheWriter: Bool) {
    guard snapshotSchedule.commandsSinceSnapshot > 0 else { return }
    // Encoding costs the engine's thread time: not for a snapshot the writer would refuse.
    guard waitingForTheWriter || writer.isIdle else { return }
    let point = currentPoint
    let body = engine.encodeSnapshotBody()
    while !writer.submit(point: point, body: body) {
      guard waitingForTheWriter else { return }
      Thread.sleep(forTimeInterval: 0.01)
    }
    snapshotSchedule.taken(at: ContinuousClock.now)
  }
}
