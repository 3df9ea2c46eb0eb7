extension Array where Element == UInt8 {
  /// Lets a C function write up to `maximumCount` bytes straight into the array's spare capacity and
  /// keeps the `write` returns as written: no zero fill and no copy through a scratch buffer, which
  /// matter at gigabytes per second. Capacity grows geometrically, so repeated appends stay linear.
  mutating func appendWrittenInPlace(
    maximumCount: Int, _ write: (UnsafeMutableRawBufferPointer) -> Int
  ) {
    append(addingCapacity: maximumCount) { span in
      span.withUnsafeMutableBufferPointer { buffer, initializedCount in
        let spare = UnsafeMutableRawBufferPointer(
          UnsafeMutableBufferPointer(rebasing: buffer[initializedCount...]))
        let written = write(spare)
        precondition(written >= 0 && written <= spare.count, "a C function reported writing past its buffer")
        initializedCount += written
      }
    }
  }
}
