import CLZ4

extension LZ4FrameEncoder {
  /// Compresses `bytes` into one complete frame with its content size in the header.
  ///
  /// One call into liblz4 writes straight into the result (no context to allocate at level 1 and
  /// 2, no intermediate copy). The result's capacity is liblz4's worst-case bound, so a highly
  /// compressible input leaves spare capacity until the array is released.
  public static func compress(
    _ bytes: UnsafeRawBufferPointer, options: LZ4FrameOptions = LZ4FrameOptions()
  ) throws(LZ4FrameError) -> [UInt8] {
    var preferences = options.preferences(contentSize: bytes.count)
    let bound = LZ4F_compressFrameBound(bytes.count, &preferences)
    var result = 0
    var frame: [UInt8] = []
    frame.appendWrittenInPlace(maximumCount: bound) { destination in
      result = LZ4F_compressFrame(
        destination.baseAddress, destination.count, bytes.baseAddress, bytes.count, &preferences)
      return LZ4FrameError.isError(result) ? 0 : result
    }
    if LZ4FrameError.isError(result) { throw LZ4FrameError.encoding(result, in: "LZ4F_compressFrame") }
    return frame
  }

  public static func compress(
    _ bytes: [UInt8], options: LZ4FrameOptions = LZ4FrameOptions()
  ) throws(LZ4FrameError) -> [UInt8] {
    try bytes.span.bytes.withUnsafeBytes { (buffer) throws(LZ4FrameError) in
      try compress(buffer, options: options)
    }
  }
}
