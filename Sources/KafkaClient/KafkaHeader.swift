/// One record header. Kafka allows repeated names and keeps their order, so headers are a list,
/// never a dictionary. A nil value is a header with a null value, distinct from an empty one.
public struct KafkaHeader: Sendable, Hashable {
  public let name: String
  public let value: [UInt8]?

  public init(name: String, value: [UInt8]?) {
    self.name = name
    self.value = value
  }

  /// A header whose value is the UTF-8 bytes of `value`.
  public init(name: String, value: String) {
    self.init(name: name, value: Array(value.utf8))
  }
}
