import CLZ4

/// Why an LZ4 frame could not be written or read.
///
/// `name` is liblz4's own error name (`LZ4F_getErrorName`, e.g. `ERROR_contentChecksum_invalid`) when
/// liblz4 rejected the call, or one of ours (`truncatedFrame`, `trailingBytes`, ...) when this wrapper
/// did; `message` says in plain words what happened and what to do.
public struct LZ4FrameError: Error, Sendable, Equatable, CustomStringConvertible {
  public enum Kind: Sendable, Equatable {
    /// liblz4 rejected the input: not an LZ4 frame, a corrupt block, a checksum mismatch, a content
    /// size that does not match the data.
    case invalidFrame
    /// The input ended inside a frame: the file was cut short or is still being written.
    case truncatedFrame
    /// The input held no frame at all (it was empty).
    case missingFrame
    /// Bytes follow the frame and the decoder was told to accept exactly one frame.
    case trailingBytes
    /// The decompressed data would exceed the caller's maximum output size.
    case outputLimitExceeded
    /// liblz4 failed while compressing or setting up (allocation, parameters).
    case compressionFailed
  }

  public let kind: Kind
  public let name: String
  public let message: String

  public init(kind: Kind, name: String, message: String) {
    self.kind = kind
    self.name = name
    self.message = message
  }

  public var description: String { "LZ4 frame error \(name): \(message)" }

  /// Whether `code`, a `size_t` returned by an LZ4F function, is an error rather than a size.
  static func isError(_ code: Int) -> Bool { LZ4F_isError(code) != 0 }

  /// The error liblz4 reported with `code` while reading a frame.
  static func decoding(_ code: Int) -> LZ4FrameError {
    let name = String(cString: LZ4F_getErrorName(code))
    return LZ4FrameError(kind: .invalidFrame, name: name, message: decodingMessage(forLibraryName: name))
  }

  /// The error liblz4 reported with `code` while `operation` (a function name) was writing a frame.
  static func encoding(_ code: Int, in operation: String) -> LZ4FrameError {
    let name = String(cString: LZ4F_getErrorName(code))
    let message =
      name == "ERROR_frameSize_wrong"
      ? "the bytes given add up to a size other than the contentSize given to the encoder"
      : "\(operation) failed: out of memory, or a bug in how it was called"
    return LZ4FrameError(kind: .compressionFailed, name: name, message: message)
  }

  static func truncated(expectingAtLeast byteCount: Int) -> LZ4FrameError {
    LZ4FrameError(
      kind: .truncatedFrame, name: "truncatedFrame",
      message: "the input ends inside an LZ4 frame (at least \(byteCount) more bytes were expected): "
        + "the file is incomplete or was cut short")
  }

  static let missing = LZ4FrameError(
    kind: .missingFrame, name: "missingFrame",
    message: "the input is empty: an LZ4 frame starts with the magic number 04 22 4D 18")

  static func trailing(afterOffset offset: Int) -> LZ4FrameError {
    LZ4FrameError(
      kind: .trailingBytes, name: "trailingBytes",
      message: "bytes follow the end of the LZ4 frame at input offset \(offset); decode with "
        + ".decodeConcatenatedFrames or .stopAtEndOfFrame if more data is expected there")
  }

  static func outputLimit(_ limit: Int) -> LZ4FrameError {
    LZ4FrameError(
      kind: .outputLimitExceeded, name: "outputLimitExceeded",
      message: "the decompressed data exceeds the maximum output size of \(limit) bytes; "
        + "raise the limit if the input is trusted")
  }

  /// Plain words for the liblz4 errors that bad input produces; the rest keep liblz4's name only.
  private static func decodingMessage(forLibraryName name: String) -> String {
    switch name {
    case "ERROR_frameType_unknown":
      return "not an LZ4 frame: the magic number is wrong"
    case "ERROR_contentChecksum_invalid":
      return "the content checksum does not match: the data is corrupt"
    case "ERROR_headerChecksum_invalid":
      return "the frame header checksum does not match: the header is corrupt"
    case "ERROR_blockChecksum_invalid", "ERROR_decompressionFailed":
      return "a compressed block is corrupt"
    case "ERROR_frameSize_wrong":
      return "the decompressed size differs from the content size in the frame header: the data is corrupt"
    case "ERROR_reservedFlag_set", "ERROR_headerVersion_wrong", "ERROR_maxBlockSize_invalid":
      return "the frame header is invalid or from an unsupported format version"
    case "ERROR_allocation_failed":
      return "liblz4 could not allocate memory"
    default:
      return "liblz4 rejected the frame"
    }
  }
}
