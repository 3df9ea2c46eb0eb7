#if canImport(Glibc)
  import Glibc

  /// POSIX `write`, named apart from `DurableFile.write`.
  private let systemWrite = Glibc.write
#elseif canImport(Darwin)
  import Darwin

  private let systemWrite = Darwin.write
#endif

/// The POSIX calls that make a file write durable and atomic: write to a new file, fsync it, rename
/// it over the final name, fsync the directory. Foundation's `Data.write(options: .atomic)` does not
/// fsync, so a power loss after it returns can leave an empty or partial file under the final name.
enum DurableFile {
  /// Writes `bytes` to `temporaryPath` (which must not exist), syncs it, renames it to `path` and
  /// syncs `directory`, so that after return the file is complete under `path` or, on failure, not
  /// there at all. Errors name `path` and the C error.
  static func write(
    _ bytes: [UInt8], to path: String, through temporaryPath: String, in directory: String
  ) throws(SnapshotStoreError) {
    let descriptor = open(temporaryPath, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
    guard descriptor >= 0 else { throw failure("creating \(temporaryPath)", errno) }
    var written = 0
    var failed: (operation: String, code: Int32)?
    while written < bytes.count, failed == nil {
      let result = bytes.withUnsafeBytes { buffer in
        systemWrite(descriptor, buffer.baseAddress! + written, buffer.count - written)
      }
      if result < 0 {
        if errno != EINTR { failed = ("writing \(temporaryPath)", errno) }
      } else {
        written += result
      }
    }
    if failed == nil, fsync(descriptor) != 0 { failed = ("syncing \(temporaryPath)", errno) }
    // Closed exactly once, whatever happened above.
    if close(descriptor) != 0, failed == nil { failed = ("closing \(temporaryPath)", errno) }
    if let failed {
      unlink(temporaryPath)
      throw failure(failed.operation, failed.code)
    }
    guard rename(temporaryPath, path) == 0 else {
      let code = errno
      unlink(temporaryPath)
      throw failure("renaming \(temporaryPath) to \(path)", code)
    }
    try syncDirectory(directory)
  }

  /// Makes renames and unlinks in `directory` durable: the directory entry is data of its own.
  static func syncDirectory(_ directory: String) throws(SnapshotStoreError) {
    let descriptor = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
    guard descriptor >= 0 else { throw failure("opening the directory \(directory) to sync it", errno) }
    defer { close(descriptor) }
    guard fsync(descriptor) == 0 else { throw failure("syncing the directory \(directory)", errno) }
  }

  private static func failure(_ operation: String, _ code: Int32) -> SnapshotStoreError {
    SnapshotStoreError(
      kind: .writeFailed,
      message: "\(operation) failed: \(String(cString: strerror(code))) (errno \(code)). Check free space "
        + "and permissions of the snapshot directory; the previous snapshots are intact")
  }
}
