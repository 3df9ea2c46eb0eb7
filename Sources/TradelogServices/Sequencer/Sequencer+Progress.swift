import RecordLog
import SnapshotStore

extension Sequencer {
  /// Logs commands/s, the total since start, the events log's last seq, the lag (commands waiting in
  /// the commands log) and the last snapshot, every `progressInterval`.
  func reportProgressIfDue(lastSnapshot: SnapshotPoint?) {
    guard let rate = progress.reportDue(at: ContinuousClock.now) else { return }
    // The lag is for people: a failed end-position read must not stop the sequencer.
    let lag = (try? commands.endPosition()).map { String($0 - nextCommandPosition) } ?? "unknown"
    let snapshot = lastSnapshot.map { "at command position \($0.commandPosition)" } ?? "none this run"
    configuration.log(
      "sequencer: \(rate) commands/s, \(progress.totalCommands) total, events seq \(chain.nextSeq - 1), "
        + "lag \(lag), last snapshot \(snapshot)")
  }
}
