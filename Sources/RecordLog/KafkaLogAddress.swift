/// A Kafka topic as a log: the brokers to bootstrap from, the topic, and options in the order given
/// (for the Kafka backend to interpret, e.g. librdkafka properties or a partition).
public struct KafkaLogAddress: Sendable, Equatable, CustomStringConvertible {
  /// The port Kafka brokers listen on when an address names none.
  public static let defaultPort = 9092

  public struct Broker: Sendable, Equatable, CustomStringConvertible {
    /// A host name, an IPv4 address, or an IPv6 address without its brackets.
    public var host: String
    public var port: Int

    public init(host: String, port: Int) {
      self.host = host
      self.port = port
    }

    public var description: String { host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)" }
  }

  public struct Option: Sendable, Equatable {
    public var name: String
    public var value: String

    public init(name: String, value: String) {
      self.name = name
      self.value = value
    }
  }

  /// At least one.
  public var brokers: [Broker]
  public var topic: String
  /// In the order the address gave them; no name appears twice.
  public var options: [Option]

  public init(brokers: [Broker], topic: String, options: [Option] = []) {
    self.brokers = brokers
    self.topic = topic
    self.options = options
  }

  /// The brokers as librdkafka's `bootstrap.servers` wants them: `host:port,host:port`.
  public var bootstrapServers: String { brokers.map(\.description).joined(separator: ",") }

  /// The value of the option named `name`, if the address gave it.
  public func option(_ name: String) -> String? {
    options.first { $0.name == name }?.value
  }

  public var description: String {
    var text = "kafka://\(bootstrapServers)/\(topic)"
    if !options.isEmpty {
      let pairs = options.map { "\(PercentEncoding.encode($0.name))=\(PercentEncoding.encode($0.value))" }
      text += "?" + pairs.joined(separator: "&")
    }
    return text
  }
}
