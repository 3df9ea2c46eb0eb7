import Foundation

extension SnapshotStore {
  /// Pair-checks `body` (decodes it into a scratch engine and compares state hashes), writes it
  /// atomically as the snapshot at `point`, then deletes all but the newest `keepCount`. A snapshot
  /// at the same position as an existing one replaces it. Slow (compression, hashing, fsync): call it
  /// off the engine's thread.
  @discardableResult
  public func write(point: SnapshotPoint, body: [UInt8]) throws(SnapshotStoreError) -> SnapshotHeader {
    let (header, bytes) = try SnapshotFile.encode(point: point, body: body)
    try SnapshotFile.pairCheck(body: body, stateHash: header.stateHash)
    let name = Self.fileName(commandPosition: point.commandPosition)
    // The process id keeps two writers (a fenced sequencer still finishing) off each other's file.
    let temporaryName = ".\(name).\(ProcessInfo.processInfo.processIdentifier)\(Self.temporarySuffix)"
    try DurableFile.write(bytes, to: path(of: name), through: path(of: temporaryName), in: directory)
    try prune()
    return header
  }

  /// Deletes all but the newest `keepCount` snapshots.
  public func prune() throws(SnapshotStoreError) {
    let entries = try list()
    guard entries.count > keepCount else { return }
    for entry in entries[keepCount...] {
      // Already gone is fine: another reader does not delete, but an operator may have.
      unlink(entry.path)
    }
    try DurableFile.syncDirectory(directory)
  }

  /// Deletes temporary files left by a writer that died mid-write (kill -9, power loss). Call it when
  /// the only writer of this directory starts, before its first write.
  public func removeAbandonedTemporaryFiles() throws(SnapshotStoreError) {
    for name in try fileNames()
    where name.hasPrefix(".\(Self.namePrefix)") && name.hasSuffix(Self.temporarySuffix) {
      unlink(path(of: name))
    }
  }
}
