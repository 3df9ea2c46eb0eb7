import Foundation
import Synchronization

/// Appends a service's lines to a file, each with the time it was written: where `tradelog dev`
/// sends what its services say, so that it does not garble the status line.
public final class TimestampedLogFile: Sendable {
  private let handle: Mutex<FileHandle>

  public init(path: String) throws(DevelopmentError) {
    if !FileManager.default.fileExists(atPath: path) {
      _ = FileManager.default.createFile(atPath: path, contents: nil)
    }
    guard let handle = FileHandle(forWritingAtPath: path) else {
      throw DevelopmentError(message: "cannot write the log file \(path)")
    }
    handle.seekToEndOfFile()
    self.handle = Mutex(handle)
  }

  public func write(_ line: String) {
    let stamped = "\(Date().ISO8601Format()) \(line)\n"
    handle.withLock { try? $0.write(contentsOf: Data(stamped.utf8)) }
  }
}
