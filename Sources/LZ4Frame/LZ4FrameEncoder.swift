import CLZ4

/// Writes one LZ4 frame from input given in chunks: the frame header on the first call, compressed
/// blocks as input arrives, and the end mark with the content checksum at `finish`.
///
/// The output is the frame format the `lz4` tool reads (`lz4 -d`). The compression context is not
/// thread-safe, so an encoder has one owner (it is not `Sendable`); it frees the context once, in
/// `deinit`.
public final class LZ4FrameEncoder {
  private enum State {
    case notStarted
    case started
    case finished
  }

  /// The LZ4F_cctx this encoder owns.
  private let context: OpaquePointer
  private var preferences: LZ4F_preferences_t
  private var state = State.notStarted

  /// - Parameter contentSize: the total number of bytes that will be given, written into the frame
  ///   header so readers can allocate once; `finish` fails if a different number arrived.
  public init(options: LZ4FrameOptions = LZ4FrameOptions(), contentSize: Int? = nil) throws(LZ4FrameError) {
    var context: OpaquePointer?
    let result = LZ4F_createCompressionContext(&context, UInt32(LZ4F_VERSION))
    guard !LZ4FrameError.isError(result), let context else {
      // liblz4 may have allocated the context before failing; it is still ours to free.
      LZ4F_freeCompressionContext(context)
      throw LZ4FrameError.encoding(result, in: "LZ4F_createCompressionContext")
    }
    self.context = context
    self.preferences = options.preferences(contentSize: contentSize)
  }

  deinit {
    LZ4F_freeCompressionContext(context)
  }

  /// Compresses `chunk` and appends the frame bytes ready so far to `output` (the header on the first
  /// call; liblz4 holds back a partial block until it fills or `finish` is called).
  public func compress(
    _ chunk: UnsafeRawBufferPointer, appendingTo output: inout [UInt8]
  ) throws(LZ4FrameError) {
    try beginIfNeeded(appendingTo: &output)
    guard !chunk.isEmpty else { return }
    // liblz4 refuses to write unless the room it may need in the worst case is given.
    let bound = LZ4F_compressBound(chunk.count, &preferences)
    var result = 0
    output.appendWrittenInPlace(maximumCount: bound) { destination in
      result = LZ4F_compressUpdate(
        context, destination.baseAddress, destination.count, chunk.baseAddress, chunk.count, nil)
      return LZ4FrameError.isError(result) ? 0 : result
    }
    if LZ4FrameError.isError(result) { throw LZ4FrameError.encoding(result, in: "LZ4F_compressUpdate") }
  }

  public func compress(_ chunk: [UInt8], appendingTo output: inout [UInt8]) throws(LZ4FrameError) {
    try chunk.span.bytes.withUnsafeBytes { (bytes) throws(LZ4FrameError) in
      try compress(bytes, appendingTo: &output)
    }
  }

  /// Writes the last block, the end mark and the content checksum. The frame is complete after this;
  /// the encoder takes no more input.
  public func finish(appendingTo output: inout [UInt8]) throws(LZ4FrameError) {
    try beginIfNeeded(appendingTo: &output)
    state = .finished
    let bound = LZ4F_compressBound(0, &preferences)
    var result = 0
    output.appendWrittenInPlace(maximumCount: bound) { destination in
      result = LZ4F_compressEnd(context, destination.baseAddress, destination.count, nil)
      return LZ4FrameError.isError(result) ? 0 : result
    }
    if LZ4FrameError.isError(result) { throw LZ4FrameError.encoding(result, in: "LZ4F_compressEnd") }
  }

  private func beginIfNeeded(appendingTo output: inout [UInt8]) throws(LZ4FrameError) {
    switch state {
    case .started:
      return
    case .finished:
      preconditionFailure("LZ4FrameEncoder used after finish(): create a new encoder for each frame")
    case .notStarted:
      break
    }
    var result = 0
    output.appendWrittenInPlace(maximumCount: Int(LZ4F_HEADER_SIZE_MAX)) { destination in
      result = LZ4F_compressBegin(context, destination.baseAddress, destination.count, &preferences)
      return LZ4FrameError.isError(result) ? 0 : result
    }
    if LZ4FrameError.isError(result) { throw LZ4FrameError.encoding(result, in: "LZ4F_compressBegin") }
    state = .started
  }
}
