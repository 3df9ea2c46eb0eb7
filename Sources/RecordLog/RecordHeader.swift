/// One name/value pair carried beside a record's value, as in Kafka (e.g. `content-type:
/// application/json` marks a command written as JSON instead of protobuf).
public struct RecordHeader: Sendable, Equatable {
  public var name: String
  public var value: [UInt8]

  public init(name: String, value: [UInt8]) {
    self.name = name
    self.value = value
  }

  /// A header whose value is text, stored as its UTF-8 bytes.
  public init(name: String, text: String) {
    self.init(name: name, value: Array(text.utf8))
  }
}
