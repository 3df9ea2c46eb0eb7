/// An ordered list of librdkafka properties (`bootstrap.servers`, `acks`, `linger.ms`, …), applied to
/// an `rd_kafka_conf_t` in order when a client is created.
///
/// Any property librdkafka knows can be passed, as with kcat's `-X key=value`; this type does not
/// interpret them, so a misspelt name or a bad value is reported by librdkafka when the client is
/// created, as a `KafkaError` naming the property. Setting a key that is already present replaces its
/// value in place, so the list never holds two values for one key and reads as the effective
/// configuration.
public struct KafkaConfiguration: Sendable, Equatable, CustomStringConvertible {
  /// One `key=value` pair.
  public struct Property: Sendable, Equatable {
    public let key: String
    public let value: String

    public init(key: String, value: String) {
      self.key = key
      self.value = value
    }

    /// Parses `key=value` as given on a command line (`-X linger.ms=5`); the value may contain `=`.
    public init(parsing text: String) throws(KafkaError) {
      guard let separator = text.firstIndex(of: "="), separator != text.startIndex else {
        throw KafkaError(
          code: .invalidArgument, name: KafkaError.Code.invalidArgument.name,
          message: "Kafka property \"\(text)\" is not of the form key=value (e.g. linger.ms=5)")
      }
      key = String(text[..<separator])
      value = String(text[text.index(after: separator)...])
    }

    /// The value as it may be shown in logs and errors: secrets (passwords, keys) are masked.
    public var displayValue: String {
      let lowercasedKey = key.lowercased()
      let isSecret = ["password", "secret", "key.pem", "jaas"].contains { lowercasedKey.contains($0) }
      return isSecret ? "******" : value
    }
  }

  public private(set) var properties: [Property]

  public init(_ properties: [Property] = []) {
    self.properties = []
    for property in properties { set(property.key, property.value) }
  }

  /// `[("bootstrap.servers", "127.0.0.1:9092"), …]`, in the order given.
  public init(_ pairs: KeyValuePairs<String, String>) {
    self.init(pairs.map { Property(key: $0.key, value: $0.value) })
  }

  /// Sets `key` to `value`, replacing an earlier value for the same key where it stood.
  public mutating func set(_ key: String, _ value: String) {
    let property = Property(key: key, value: value)
    if let index = properties.firstIndex(where: { $0.key == key }) {
      properties[index] = property
    } else {
      properties.append(property)
    }
  }

  /// This configuration with `other`'s properties set on top (other wins).
  public func merging(_ other: KafkaConfiguration) -> KafkaConfiguration {
    var merged = self
    for property in other.properties { merged.set(property.key, property.value) }
    return merged
  }

  /// The value set for `key`, or nil when the librdkafka default applies.
  public subscript(key: String) -> String? {
    properties.first { $0.key == key }?.value
  }

  /// `key=value` lines in order, secrets masked: what to log as the effective configuration.
  public var description: String {
    properties.map { "\($0.key)=\($0.displayValue)" }.joined(separator: "\n")
  }
}
