import AcceleratedSHA256
import SnapshotStore
import TradelogCore

extension AuditPass {
  /// Checks every snapshot at or before `position` against the replay, which has applied every
  /// command before `position` and none after.
  mutating func checkSnapshots(through position: Int64) throws(AuditError) {
    while nextSnapshot < snapshots.count, snapshots[nextSnapshot].commandPosition <= position {
      check(snapshots[nextSnapshot])
      nextSnapshot += 1
    }
  }

  /// A snapshot must load (its own checks), hold the replay's state (state hash) and end with the
  /// events log's batch at its position (seq and chain hash). The replay's chain stands for the
  /// events log's here: every batch before this point matched it byte for byte.
  private mutating func check(_ entry: SnapshotStoreEntry) {
    guard let store else { return }
    report.snapshotsChecked += 1
    let loaded: LoadedSnapshot
    do {
      loaded = try store.load(entry)
    } catch {
      report.findings.append(
        AuditFinding(
          kind: .snapshotUnreadable, commandPosition: entry.commandPosition, message: error.message))
      return
    }
    let replayHash = engine.acceleratedStateHash()
    if loaded.header.stateHash != replayHash {
      report.findings.append(
        AuditFinding(
          kind: .snapshotStateDiffers, commandPosition: entry.commandPosition,
          message: "\(entry.path) holds a state with hash \(loaded.header.stateHash.hexadecimal), but the "
            + "replay's state at command position \(entry.commandPosition) hashes to \(replayHash.hexadecimal): "
            + "a sequencer starting from it would go on from a wrong state. Delete it"))
    }
    let point = loaded.point
    let lastSeq = chain.nextSeq - 1
    if point.lastSeq != lastSeq || point.chainHash != chain.previousHash {
      report.findings.append(
        AuditFinding(
          kind: .snapshotChainDiffers, commandPosition: entry.commandPosition, seq: point.lastSeq,
          message: "\(entry.path) says seq \(point.lastSeq) with chain hash \(point.chainHash.hexadecimal), "
            + "but at command position \(entry.commandPosition) the events log is at seq \(lastSeq) with chain "
            + "hash \(chain.previousHash.hexadecimal): it belongs to another events log. Delete it"))
    }
  }

  /// Snapshots beyond where the replay stopped could not be compared with anything.
  mutating func noteSnapshotsNotChecked() {
    for entry in snapshots[nextSnapshot...] {
      report.notes.append(
        "\(entry.path) was not checked: the audit stopped before command position \(entry.commandPosition)")
    }
    nextSnapshot = snapshots.count
  }
}
