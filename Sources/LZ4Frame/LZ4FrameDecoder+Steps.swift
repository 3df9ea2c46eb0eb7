import CLZ4

extension LZ4FrameDecoder {
  /// What liblz4 read from the current frame's header.
  struct FrameHeader {
    /// 0 for a skippable frame, whose "content size" is the number of bytes skipped.
    let contentSize: Int
    let blockSize: Int
  }

  /// Output window before a frame's header is known; afterwards, a whole block (or the whole content).
  static let initialWindowSize = 64 * 1024

  /// Calls LZ4F_decompress until the chunk is used up and liblz4 holds no decoded bytes back.
  func decodeSteps(_ chunk: UnsafeRawBufferPointer, output: inout [UInt8]) throws(LZ4FrameError) -> Int {
    var consumed = 0
    var outputPending = false
    while true {
      if state == .frameEnded {
        guard consumed < chunk.count else { return consumed }
        switch afterFrame {
        case .stopAtEndOfFrame: return consumed
        case .rejectTrailingBytes: throw LZ4FrameError.trailing(afterOffset: consumed)
        case .decodeConcatenatedFrames: state = .awaitingFrame
        }
      }
      let inputAvailable = consumed < chunk.count
      guard inputAvailable || outputPending else { return consumed }
      let step = try decompressStep(chunk, from: consumed, appendingTo: &output)
      consumed += step.consumed
      // A full window may mean liblz4 holds more decoded bytes: call again even without new input.
      outputPending = step.produced == step.window
      precondition(
        !inputAvailable || step.consumed > 0 || step.produced > 0 || state == .frameEnded,
        "LZ4F_decompress made no progress with input and output room available")
    }
  }

  private struct Step {
    let consumed: Int
    let produced: Int
    let window: Int
  }

  private func decompressStep(
    _ chunk: UnsafeRawBufferPointer, from offset: Int, appendingTo output: inout [UInt8]
  ) throws(LZ4FrameError) -> Step {
    let window = outputWindowSize()
    var sourceSize = chunk.count - offset
    let source = chunk.baseAddress.map { $0 + offset }
    var produced = 0
    var result = 0
    output.appendWrittenInPlace(maximumCount: window) { destination in
      var destinationSize = destination.count
      result = LZ4F_decompress(context, destination.baseAddress, &destinationSize, source, &sourceSize, nil)
      produced = LZ4FrameError.isError(result) ? 0 : destinationSize
      return produced
    }
    if LZ4FrameError.isError(result) { throw LZ4FrameError.decoding(result) }
    outputSize += produced
    frameOutputSize += produced
    // The window is at most one byte past the limit, so crossing it is seen before more is written.
    if outputSize > maximumOutputSize { throw LZ4FrameError.outputLimit(maximumOutputSize) }
    try noteProgress(hint: result, consumed: sourceSize)
    return Step(consumed: sourceSize, produced: produced, window: window)
  }

  /// Follows liblz4's return value: 0 means the frame ended (liblz4 stops exactly there, leaving any
  /// following bytes unread); otherwise it is a hint of the input it wants next.
  private func noteProgress(hint: Int, consumed: Int) throws(LZ4FrameError) {
    inputSizeHint = hint
    if hint == 0 {
      state = .frameEnded
      framesCompleted += 1
      frameHeader = nil
      frameOutputSize = 0
      return
    }
    if consumed > 0 { state = .inFrame }
    if frameHeader == nil, let header = readFrameHeader() {
      frameHeader = header
      // Refuse a bomb before inflating it, when the header says how big it is. Part of the frame
      // may already be decoded: liblz4 reads the header and the first block in the same call.
      if header.contentSize - frameOutputSize > maximumOutputSize - outputSize {
        throw LZ4FrameError.outputLimit(maximumOutputSize)
      }
    }
  }

  /// The frame header, once liblz4 has decoded it (LZ4F_getFrameInfo fails harmlessly before that).
  private func readFrameHeader() -> FrameHeader? {
    var info = LZ4F_frameInfo_t()
    var noInput = 0
    let result = LZ4F_getFrameInfo(context, &info, nil, &noInput)
    guard !LZ4FrameError.isError(result) else { return nil }
    let isSkippable = info.frameType == LZ4F_skippableFrame
    return FrameHeader(
      contentSize: isSkippable ? 0 : Int(clamping: info.contentSize),
      blockSize: Self.blockSize(of: info.blockSizeID))
  }

  private static func blockSize(of identifier: LZ4F_blockSizeID_t) -> Int {
    switch identifier {
    case LZ4F_max256KB: 256 * 1024
    case LZ4F_max1MB: 1024 * 1024
    case LZ4F_max4MB: 4 * 1024 * 1024
    default: 64 * 1024
    }
  }

  /// How much room the next LZ4F_decompress call gets. At least a block, so liblz4 decodes straight
  /// into the output instead of through its own buffer; the whole remaining content when the header
  /// gave its size, so a one-shot decode allocates once; never more than one byte past the limit.
  private func outputWindowSize() -> Int {
    var preferred = Self.initialWindowSize
    if let frameHeader {
      let remainingContent = frameHeader.contentSize - frameOutputSize
      preferred = max(frameHeader.blockSize, remainingContent)
    }
    let allowance = maximumOutputSize - outputSize
    return allowance < preferred ? allowance + 1 : preferred
  }
}
