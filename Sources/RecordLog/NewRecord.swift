/// A record to append: what the producer decides. The log adds the position and the timestamp.
public struct NewRecord: Sendable, Equatable {
  /// Optional, as in Kafka; nil and empty are different.
  public var key: [UInt8]?
  public var value: [UInt8]
  /// Kept in order; a name may repeat (e.g. `content-type: application/json`).
  public var headers: [RecordHeader]

  public init(key: [UInt8]? = nil, value: [UInt8], headers: [RecordHeader] = []) {
    self.key = key
    self.value = value
    self.headers = headers
  }
}
