import Foundation

/// A directory of snapshot files, `snapshot-<command position, 20 digits>.lz4`, newest = highest
/// position. Writes are atomic and durable (`DurableFile`); the last `keepCount` are kept.
///
/// One sequencer writes a directory; any number of readers (`tradelog snapshot`, a restarting
/// sequencer) may list and load at the same time, since a file appears under its final name only
/// once complete.
public struct SnapshotStore: Sendable {
  public let directory: String
  /// How many snapshots `write` keeps: older ones are deleted after a new one is published.
  public let keepCount: Int

  static let namePrefix = "snapshot-"
  static let nameSuffix = ".lz4"
  static let temporarySuffix = ".tmp"

  /// Opens the directory, creating it if missing. `keepCount` is at least 1.
  public init(directory: String, keepCount: Int = 3) throws(SnapshotStoreError) {
    precondition(keepCount >= 1, "keeping fewer than one snapshot would delete the one just written")
    self.directory = directory
    self.keepCount = keepCount
    do {
      try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    } catch {
      throw SnapshotStoreError(
        kind: .directoryUnavailable,
        message: "cannot create the snapshot directory \(directory): \(error.localizedDescription). "
          + "Check the path and its permissions")
    }
  }

  /// The file name of the snapshot at `commandPosition`: zero-padded, so names sort like positions.
  public static func fileName(commandPosition: Int64) -> String {
    let digits = String(commandPosition)
    return namePrefix + String(repeating: "0", count: max(0, 20 - digits.count)) + digits + nameSuffix
  }

  /// The command position a snapshot file name stands for, or nil if the name is not a snapshot's.
  static func commandPosition(fromFileName name: String) -> Int64? {
    guard name.hasPrefix(namePrefix), name.hasSuffix(nameSuffix) else { return nil }
    let digits = name.dropFirst(namePrefix.count).dropLast(nameSuffix.count)
    guard digits.count == 20, digits.allSatisfy(\.isASCII), digits.allSatisfy(\.isNumber) else { return nil }
    return Int64(digits)
  }

  func path(of name: String) -> String {
    (directory as NSString).appendingPathComponent(name)
  }
}
