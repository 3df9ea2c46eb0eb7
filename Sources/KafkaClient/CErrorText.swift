/// A buffer for librdkafka's `char *errstr, size_t errstr_size` out-parameters.
struct CErrorText {
  private var buffer = [CChar](repeating: 0, count: 512)

  mutating func withBuffer<Result, Failure: Error>(
    _ body: (UnsafeMutablePointer<CChar>, Int) throws(Failure) -> Result
  ) throws(Failure) -> Result {
    let count = buffer.count
    return try buffer.withUnsafeMutableBufferPointer { (pointer) throws(Failure) -> Result in
      try body(pointer.baseAddress!, count)
    }
  }

  /// The NUL-terminated text librdkafka wrote.
  var text: String {
    String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
  }
}
