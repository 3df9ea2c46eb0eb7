/// The lines of a command file. Every line is a command, a blank one included (it is MALFORMED), but
/// the newline that ends the last line does not start another: a file of N newline-terminated lines
/// holds N commands.
struct CommandLines: Sequence {
  let bytes: [UInt8]

  init(_ bytes: [UInt8]) {
    self.bytes = bytes
  }

  func makeIterator() -> Iterator {
    Iterator(bytes: bytes)
  }

  struct Iterator: IteratorProtocol {
    let bytes: [UInt8]
    var start = 0

    mutating func next() -> ArraySlice<UInt8>? {
      guard start < bytes.count else { return nil }
      let end = bytes[start...].firstIndex(of: UInt8(ascii: "\n")) ?? bytes.count
      defer { start = end + 1 }
      var line = bytes[start..<end]
      if line.last == UInt8(ascii: "\r") { line = line.dropLast() }
      return line
    }
  }
}
