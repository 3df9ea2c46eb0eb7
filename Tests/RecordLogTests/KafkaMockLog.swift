import Foundation
import KafkaClient
import RecordLog

/// A mock cluster of its own and a topic of a unique name, for one test: tests run in parallel, and
/// one that takes a broker down must not disturb the others.
struct KafkaMockLog {
  let cluster: KafkaMockCluster
  let topic: String

  init(label: String, partitions: Int = 1) throws {
    cluster = try KafkaMockCluster()
    topic = "\(label)-\(UUID().uuidString.prefix(8).lowercased())"
    try cluster.createTopic(topic, partitions: partitions)
  }

  /// `kafka://BROKERS/TOPIC?OPTIONS`, as a user would write it.
  func addressText(_ options: String = "") -> String {
    "kafka://\(cluster.bootstrapServers)/\(topic)" + (options.isEmpty ? "" : "?\(options)")
  }

  func address(_ options: String = "") throws -> KafkaLogAddress {
    guard case .kafka(let address) = try LogAddress(parsing: addressText(options)) else {
      preconditionFailure("a kafka:// address parsed as another scheme")
    }
    return address
  }

  /// A new connection to the log. Reconnects quickly after a broker comes back, so outage tests
  /// stay short.
  func open(
    clock: any LogClock = ManualLogClock(), options addressOptions: String = "",
    operationTimeout: Duration = .seconds(30)
  ) throws -> KafkaLogConnection {
    let options = KafkaLogConnection.Options(
      properties: KafkaConfiguration(["reconnect.backoff.max.ms": "500"]), operationTimeout: operationTimeout)
    return try KafkaLogConnection(address: address(addressOptions), options: options, clock: clock)
  }
}
