/// Parameters as the NUL-terminated C strings PQexecParams takes, allocated once and freed by
/// `deallocate()`; nil stays a NULL pointer, which libpq sends as SQL NULL.
struct CStringArray {
  let pointers: [UnsafePointer<CChar>?]

  init(_ values: [String?]) throws(PostgresError) {
    var pointers: [UnsafePointer<CChar>?] = []
    pointers.reserveCapacity(values.count)
    for (index, value) in values.enumerated() {
      guard let value else {
        pointers.append(nil)
        continue
      }
      let bytes = value.utf8CString
      // A NUL inside would silently cut the value short at the C boundary.
      guard bytes.firstIndex(of: 0) == bytes.count - 1 else {
        for pointer in pointers { pointer?.deallocate() }
        throw .nulCharacterInParameter(index: index)
      }
      let copy = UnsafeMutablePointer<CChar>.allocate(capacity: bytes.count)
      bytes.withUnsafeBufferPointer { copy.initialize(from: $0.baseAddress!, count: $0.count) }
      pointers.append(UnsafePointer(copy))
    }
    self.pointers = pointers
  }

  func deallocate() {
    for pointer in pointers { pointer?.deallocate() }
  }
}
