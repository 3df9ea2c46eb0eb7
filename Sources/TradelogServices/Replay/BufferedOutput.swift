import Foundation

/// Writes bytes to a file (or standard output for `-`) through a large buffer: replay output runs to
/// hundreds of megabytes, and one `write` per line would dominate the run.
public final class BufferedOutput {
  private let handle: FileHandle
  private let ownsHandle: Bool
  private var buffer: [UInt8] = []
  private static let flushThreshold = 1 << 20

  /// Opens `path` for writing, truncating it; `-` is standard output.
  public init(path: String) throws {
    if path == "-" {
      handle = FileHandle.standardOutput
      ownsHandle = false
    } else {
      guard FileManager.default.createFile(atPath: path, contents: nil) else {
        throw ReplayError.cannotWrite(path: path)
      }
      handle = try FileHandle(forWritingTo: URL(filePath: path))
      ownsHandle = true
    }
    buffer.reserveCapacity(Self.flushThreshold * 2)
  }

  public func writeLine(_ text: String) throws {
    buffer.append(contentsOf: text.utf8)
    buffer.append(UInt8(ascii: "\n"))
    if buffer.count >= Self.flushThreshold { try flush() }
  }

  public func flush() throws {
    guard !buffer.isEmpty else { return }
    try handle.write(contentsOf: buffer)
    buffer.removeAll(keepingCapacity: true)
  }

  /// Flushes and closes the file; call it once at the end (errors there must reach the user).
  public func close() throws {
    try flush()
    if ownsHandle { try handle.close() }
  }
}
