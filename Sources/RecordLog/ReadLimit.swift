/// How much one read may return: at most `records` records, and at most `bytes` bytes of payload
/// (keys, values and headers), except that a read that finds any record returns at least one, so a
/// record larger than `bytes` never stops a reader.
///
/// An integer literal means a record count with the default byte limit: `read(from: 0, max: 500)`.
public struct ReadLimit: Sendable, Equatable, ExpressibleByIntegerLiteral {
  /// 1,000 records: large enough to amortize a read transaction, small enough to keep latency low.
  public static let defaultRecords = 1_000
  /// 16 MiB: a bound on the memory one read can take, whatever the records' sizes.
  public static let defaultBytes = 16 << 20

  public var records: Int
  public var bytes: Int

  public init(records: Int = defaultRecords, bytes: Int = defaultBytes) {
    self.records = records
    self.bytes = bytes
  }

  public init(integerLiteral records: Int) {
    self.init(records: records)
  }

  /// Refuses a limit that could never return anything, instead of returning nothing forever.
  func validate() throws(RecordLogError) {
    guard records > 0, bytes > 0 else {
      throw RecordLogError(
        kind: .invalidRequest,
        message: "a read limit of \(records) records and \(bytes) bytes can return nothing: "
          + "both must be at least 1")
    }
  }
}
