import CLZ4

/// Reads LZ4 frames from input given in chunks of any size and appends the decompressed bytes.
///
/// Untrusted input is safe: corrupt, truncated or non-LZ4 bytes are thrown errors, the content checksum
/// is verified at the end of each frame, and `maximumOutputSize` refuses decompression bombs (early,
/// from the content size in the header, when the frame has one). The decompression context is not
/// thread-safe, so a decoder has one owner (it is not `Sendable`); it frees the context once, in
/// `deinit`.
public final class LZ4FrameDecoder {
  /// What to do with input that follows the end of a frame.
  public enum AfterFrame: Sendable, Equatable {
    /// Exactly one frame: a byte after it is an error (`trailingBytes`). The right choice for a
    /// file that should hold one frame, such as a snapshot.
    case rejectTrailingBytes
    /// Decode the next frame and append its output too, as `lz4 -d` does with concatenated frames.
    /// Bytes that are not a frame are an error.
    case decodeConcatenatedFrames
    /// Stop at the end of the first frame and leave the rest: `decode` returns how many input bytes it
    /// used, for a frame embedded in a larger stream.
    case stopAtEndOfFrame
  }

  enum State: Equatable {
    /// No byte of the next frame has been seen.
    case awaitingFrame
    /// Inside a frame; liblz4 wants more input.
    case inFrame
    /// A frame ended (liblz4 returned 0).
    case frameEnded
    /// liblz4's context cannot resume after an error: every later call reports the same error.
    case failed(LZ4FrameError)
  }

  /// The LZ4F_dctx this decoder owns.
  let context: OpaquePointer
  public let maximumOutputSize: Int
  public let afterFrame: AfterFrame
  var state = State.awaitingFrame
  /// Decompressed bytes appended so far, over all frames; never above `maximumOutputSize`.
  public internal(set) var outputSize = 0
  /// Frames (including skippable frames) read to their end.
  public internal(set) var framesCompleted = 0
  /// liblz4's hint of how many input bytes its next step wants (the rest of the current block plus
  /// the next block header); reading that much at a time avoids copies inside liblz4. 0 after a frame.
  public internal(set) var inputSizeHint = Int(LZ4F_HEADER_SIZE_MAX)
  /// The current frame's header, once liblz4 has decoded it; sizes the output windows.
  var frameHeader: FrameHeader?
  /// Decompressed bytes of the current frame so far.
  var frameOutputSize = 0

  public init(maximumOutputSize: Int, afterFrame: AfterFrame = .rejectTrailingBytes) throws(LZ4FrameError) {
    precondition(maximumOutputSize >= 0, "maximumOutputSize must not be negative")
    var context: OpaquePointer?
    let result = LZ4F_createDecompressionContext(&context, UInt32(LZ4F_VERSION))
    guard !LZ4FrameError.isError(result), let context else {
      LZ4F_freeDecompressionContext(context)
      throw LZ4FrameError.encoding(result, in: "LZ4F_createDecompressionContext")
    }
    self.context = context
    self.maximumOutputSize = maximumOutputSize
    self.afterFrame = afterFrame
  }

  deinit {
    LZ4F_freeDecompressionContext(context)
  }

  /// Whether the last frame read has ended and no byte of another one has arrived.
  public var isFrameFinished: Bool { state == .frameEnded }

  /// Decodes `chunk`, appending decompressed bytes to `output`, and returns how many bytes of `chunk`
  /// were used: all of them, except with `.stopAtEndOfFrame` once the frame has ended.
  @discardableResult
  public func decode(
    _ chunk: UnsafeRawBufferPointer, appendingTo output: inout [UInt8]
  ) throws(LZ4FrameError) -> Int {
    if case .failed(let error) = state { throw error }
    do {
      return try decodeSteps(chunk, output: &output)
    } catch {
      state = .failed(error)
      throw error
    }
  }

  @discardableResult
  public func decode(_ chunk: [UInt8], appendingTo output: inout [UInt8]) throws(LZ4FrameError) -> Int {
    try chunk.span.bytes.withUnsafeBytes { (bytes) throws(LZ4FrameError) in
      try decode(bytes, appendingTo: &output)
    }
  }

  /// Says the input is over: throws if it ended inside a frame or held no frame at all.
  public func finish() throws(LZ4FrameError) {
    switch state {
    case .failed(let error):
      throw error
    case .inFrame:
      throw LZ4FrameError.truncated(expectingAtLeast: inputSizeHint)
    case .awaitingFrame:
      // After a frame (with .decodeConcatenatedFrames) the input may end; before any it may not.
      if framesCompleted == 0 { throw LZ4FrameError.missing }
    case .frameEnded:
      return
    }
  }

  /// Forgets any frame in progress and any error, ready for a new input.
  public func reset() {
    LZ4F_resetDecompressionContext(context)
    state = .awaitingFrame
    outputSize = 0
    framesCompleted = 0
    inputSizeHint = Int(LZ4F_HEADER_SIZE_MAX)
    frameHeader = nil
    frameOutputSize = 0
  }
}
