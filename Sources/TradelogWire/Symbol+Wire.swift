import TradelogCore

extension Symbol {
  /// The name as protobuf string text. Written without going through `bytes` (an array) so that a
  /// short name costs no heap allocation: Swift keeps strings of up to 15 UTF-8 bytes inline.
  var wireText: String {
    let count = count
    return String(unsafeUninitializedCapacity: count) { buffer in
      for index in 0..<count { buffer[index] = self[index] }
      return count
    }
  }
}
