import Foundation

/// Reads text lines from a file or standard input as they arrive, a chunk at a time, so that a
/// producer fed by a pipe appends each line soon after it is written instead of waiting for the end
/// of its input, and a large file never has to fit in memory.
///
/// Lines end with `\n` (a `\r` before it is dropped); a last line without a line break still counts.
/// Lines are numbered from 1, as editors and `sed -n` count them.
public final class InputLines {
  /// A line as read, with its 1-based number in the input.
  public struct Line: Sendable, Equatable {
    public let number: Int
    public let text: String
  }

  /// Bounds memory when the input is not line-oriented at all (a binary file given by mistake):
  /// no command comes near this size.
  public static let lineLengthMaximum = 1 << 20
  static let chunkSize = 64 << 10

  /// Where the lines come from, for messages (`-` for standard input).
  public let path: String
  private let descriptor: Int32
  private let ownsDescriptor: Bool
  private var pending: [UInt8] = []
  private var chunk = [UInt8](repeating: 0, count: chunkSize)
  private var linesRead = 0
  private var reachedEnd = false

  /// Opens `path` for reading; `-` is standard input (not closed at the end).
  public init(path: String) throws(ProducerError) {
    self.path = path
    if path == "-" {
      descriptor = STDIN_FILENO
      ownsDescriptor = false
    } else {
      descriptor = open(path, O_RDONLY | O_CLOEXEC)
      guard descriptor >= 0 else {
        throw .cannotReadInput(path: path, reason: String(cString: strerror(errno)))
      }
      ownsDescriptor = true
    }
  }

  deinit {
    if ownsDescriptor { close(descriptor) }
  }

  /// The complete lines of the next chunk of input (possibly none while a long line is still
  /// arriving), or nil once the input has ended and every line was returned. Blocks until input
  /// arrives or ends.
  public func nextLines() throws(ProducerError) -> [Line]? {
    guard !reachedEnd else { return nil }
    let count = readChunk()
    guard count >= 0 else {
      throw .cannotReadInput(path: path, reason: String(cString: strerror(errno)))
    }
    guard count > 0 else {
      reachedEnd = true
      // The last line had no line break.
      return pending.isEmpty ? nil : [makeLine(pending[...])]
    }
    pending.append(contentsOf: chunk[..<count])
    var lines: [Line] = []
    var start = 0
    while let newline = pending[start...].firstIndex(of: UInt8(ascii: "\n")) {
      lines.append(makeLine(pending[start..<newline]))
      start = newline + 1
    }
    // Once per chunk, not per line: removing from the front moves everything after it.
    pending.removeFirst(start)
    guard pending.count <= Self.lineLengthMaximum else {
      throw .lineTooLong(line: linesRead + 1, maximum: Self.lineLengthMaximum)
    }
    return lines
  }

  private func readChunk() -> Int {
    while true {
      let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
      // A signal arriving during the read is not an input error.
      if count < 0 && errno == EINTR { continue }
      return count
    }
  }

  private func makeLine(_ bytes: ArraySlice<UInt8>) -> Line {
    var bytes = bytes
    if bytes.last == UInt8(ascii: "\r") { bytes = bytes.dropLast() }
    linesRead += 1
    return Line(number: linesRead, text: String(decoding: bytes, as: UTF8.self))
  }
}
