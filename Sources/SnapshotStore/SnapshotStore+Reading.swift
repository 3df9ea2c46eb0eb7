import Foundation

extension SnapshotStore {
  /// The snapshot files, newest (highest command position) first. Temporary files and other names
  /// are left out.
  public func list() throws(SnapshotStoreError) -> [SnapshotStoreEntry] {
    var entries: [SnapshotStoreEntry] = []
    for name in try fileNames() {
      guard let position = Self.commandPosition(fromFileName: name) else { continue }
      let path = path(of: name)
      let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
      entries.append(
        SnapshotStoreEntry(fileName: name, path: path, commandPosition: position, byteCount: size))
    }
    return entries.sorted { $0.commandPosition > $1.commandPosition }
  }

  /// Reads and checks one snapshot completely (see `SnapshotFile.decode`).
  public func load(_ entry: SnapshotStoreEntry) throws(SnapshotStoreError) -> LoadedSnapshot {
    try checkPosition(of: SnapshotFile.decode(try Self.readFile(entry.path), file: entry.path), entry)
  }

  private func checkPosition(
    of loaded: LoadedSnapshot, _ entry: SnapshotStoreEntry
  ) throws(SnapshotStoreError) -> LoadedSnapshot {
    guard loaded.point.commandPosition == entry.commandPosition else {
      throw SnapshotStoreError(
        kind: .inconsistentHeader,
        message: "\(entry.path) holds the state at command position \(loaded.point.commandPosition), not "
          + "the one its name says: it was renamed by hand. It is skipped")
    }
    return loaded
  }

  /// The newest snapshot that loads and passes every check, and that `isUsable` accepts (it returns
  /// why not, or nil). Every file skipped is reported to `warn` with the reason, naming the file.
  /// Nil when none is left: the caller starts from an empty engine.
  public func loadNewestValid(
    isUsable: (SnapshotHeader) -> String? = { _ in nil },
    warn: (SnapshotStoreError) -> Void
  ) throws(SnapshotStoreError) -> LoadedSnapshot? {
    for entry in try list() {
      do {
        let bytes = try Self.readFile(entry.path)
        // The cheap checks first: a snapshot the caller cannot use is not worth decoding.
        let (header, content) = try SnapshotFile.decodeHeader(bytes, file: entry.path)
        if let reason = isUsable(header) {
          warn(SnapshotStoreError(kind: .inconsistentHeader, message: "\(entry.path) is skipped: \(reason)"))
          continue
        }
        return try checkPosition(
          of: SnapshotFile.decodeBody(of: header, content: content, file: entry.path), entry)
      } catch {
        warn(error)
      }
    }
    return nil
  }

  func fileNames() throws(SnapshotStoreError) -> [String] {
    do {
      return try FileManager.default.contentsOfDirectory(atPath: directory)
    } catch {
      throw SnapshotStoreError(
        kind: .directoryUnavailable,
        message: "cannot list the snapshot directory \(directory): \(error.localizedDescription)")
    }
  }

  static func readFile(_ path: String) throws(SnapshotStoreError) -> [UInt8] {
    do {
      return Array(try Data(contentsOf: URL(filePath: path)))
    } catch {
      throw SnapshotStoreError(
        kind: .readFailed,
        message: "cannot read \(path): \(error.localizedDescription). Check its permissions")
    }
  }
}
