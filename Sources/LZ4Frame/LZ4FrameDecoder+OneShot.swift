extension LZ4FrameDecoder {
  /// Decompresses `frame`, which must hold exactly one complete frame.
  ///
  /// - Parameter maximumOutputSize: the most bytes the caller accepts; a frame that would inflate
  ///   beyond it is refused (`outputLimitExceeded`) instead of exhausting memory.
  public static func decompress(
    _ frame: UnsafeRawBufferPointer, maximumOutputSize: Int
  ) throws(LZ4FrameError) -> [UInt8] {
    let decoder = try LZ4FrameDecoder(maximumOutputSize: maximumOutputSize)
    var output: [UInt8] = []
    try decoder.decode(frame, appendingTo: &output)
    try decoder.finish()
    return output
  }

  public static func decompress(_ frame: [UInt8], maximumOutputSize: Int) throws(LZ4FrameError) -> [UInt8] {
    try frame.span.bytes.withUnsafeBytes { (bytes) throws(LZ4FrameError) in
      try decompress(bytes, maximumOutputSize: maximumOutputSize)
    }
  }
}
