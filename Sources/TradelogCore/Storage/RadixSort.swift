/// A stable LSD radix sort by an integer key below a known bound, for the bulk work of decoding a
/// snapshot: linking a million orders in orderId order, and touching an index's buckets front to
/// back instead of at random.
///
/// Why not the standard library's sort: a comparison sort of a million entries was a large share
/// of decoding. This one takes 11 bits per pass and only as many passes as the bound's bits need
/// (two for keys below a few million).
enum RadixSort {
  static let digitBitCount = 11

  /// `elements` ascending by `key`; equal keys keep their order. Every key must be below `bound`.
  static func sorted<Element>(
    _ elements: [Element], keysBelow bound: UInt64, by key: (Element) -> UInt64
  ) -> [Element] {
    let bitCount = UInt64.bitWidth - bound.leadingZeroBitCount
    var source = elements
    var target = elements
    let digitMask = UInt64(1 << digitBitCount - 1)
    var starts = [Int](repeating: 0, count: 1 << digitBitCount)
    for shift in stride(from: 0, to: bitCount, by: digitBitCount) {
      for index in starts.indices { starts[index] = 0 }
      for element in source { starts[Int((key(element) >> UInt64(shift)) & digitMask)] += 1 }
      var start = 0
      for index in starts.indices {
        let count = starts[index]
        starts[index] = start
        start += count
      }
      for element in source {
        let digit = Int((key(element) >> UInt64(shift)) & digitMask)
        target[starts[digit]] = element
        starts[digit] += 1
      }
      swap(&source, &target)
    }
    return source
  }
}
