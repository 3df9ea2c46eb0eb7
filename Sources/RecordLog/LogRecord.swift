/// A record as read from a log: the payload its producer appended, and the position and timestamp
/// the log gave it.
public struct LogRecord: Sendable, Equatable {
  /// Where the record is in the log: 0-based, assigned by the log (Kafka's offset).
  public var position: Int64
  /// Milliseconds since the Unix epoch, assigned at append (see `LogConnection` for each backend).
  public var timestampMilliseconds: Int64
  /// The producer's key, if it gave one; nil and empty are different.
  public var key: [UInt8]?
  public var value: [UInt8]
  /// In the order the producer gave them; a name may repeat.
  public var headers: [RecordHeader]

  public init(
    position: Int64, timestampMilliseconds: Int64, key: [UInt8]?, value: [UInt8],
    headers: [RecordHeader]
  ) {
    self.position = position
    self.timestampMilliseconds = timestampMilliseconds
    self.key = key
    self.value = value
    self.headers = headers
  }

  /// The value of the first header named `name`, if any.
  public func header(_ name: String) -> [UInt8]? {
    headers.first { $0.name == name }?.value
  }

  /// The bytes this record counts for against a read limit: key, value and headers.
  public var payloadByteCount: Int {
    (key?.count ?? 0) + value.count + headers.reduce(0) { $0 + $1.name.utf8.count + $1.value.count }
  }
}
