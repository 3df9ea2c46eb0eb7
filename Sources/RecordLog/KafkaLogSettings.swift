import KafkaClient

/// Everything a Kafka log connection needs to know before it talks to a broker: the partition, the
/// writer's `transactional.id`, and the effective configuration of each client. Built once, when the
/// connection opens, from the address and the options; it does no I/O.
///
/// Each client's configuration is layered, later layers winning:
/// 1. what the connection relies on by default (`producerDefaults`, `consumerDefaults`, both with
///    `connectionDefaults`);
/// 2. the options' properties (the process-wide `-X key=value`);
/// 3. the address's options, except `partition` (they name this one log);
/// 4. what the address fixes (`bootstrap.servers`) and what the read loop depends on to work at all
///    (`pinnedConsumerProperties`).
///
/// `transactional.id`, wherever it is given, is taken out of both configurations: a plain producer
/// carrying one would refuse every record outside a transaction. Only the claimed writer's
/// producer gets it (`claimedProducerConfiguration`).
struct KafkaLogSettings: Sendable, Equatable {
  /// The address option that picks the partition; it is ours, not a librdkafka property.
  static let partitionOption = "partition"
  static let transactionalIDProperty = "transactional.id"

  /// Both clients send each request as soon as it is ready. With Nagle's algorithm (librdkafka's
  /// default) a small request written while the previous one is unacknowledged waits for that
  /// acknowledgement, which the broker may delay by up to 40 ms: librdkafka sends the two end
  /// queries of a watermark request, or a coordinator query next to a fetch, back to back, and
  /// measured on the mock cluster this held a sequencer's start and commands for 40 ms. The log
  /// batches records itself; Nagle only adds latency.
  static let connectionDefaults = KafkaConfiguration([
    "socket.nagle.disable": "true"
  ])

  /// Set explicitly rather than trusted to librdkafka's defaults: a retried record is written once
  /// and only acknowledged once every in-sync replica has it.
  static let producerDefaults = connectionDefaults.merging(
    KafkaConfiguration([
      "enable.idempotence": "true",
      "acks": "all",
    ]))

  /// `read_committed`: a reader never sees a claimed writer's batch before its commit, nor one
  /// that was aborted, so a batch appears whole or not at all. `fetch.wait.max.ms=10`: a fetch at
  /// the end of the partition is held this long by the broker before it answers "nothing new", and
  /// a read that must reach the end waits for that answer. A broker answers at once when records
  /// arrive, so on a real cluster the low value only costs idle fetch requests; librdkafka's mock
  /// cluster holds the fetch the whole time even when records arrive, so there it is also the tail
  /// latency.
  static let consumerDefaults = connectionDefaults.merging(
    KafkaConfiguration([
      "isolation.level": "read_committed",
      "fetch.wait.max.ms": "10",
    ]))

  /// The read loop stops at the end of the partition only because librdkafka reports it, and never
  /// skips a gap silently only because an offset that is gone is reported as an error. Commits
  /// would be meaningless: positions belong to the caller.
  static let pinnedConsumerProperties = KafkaConfiguration([
    "enable.partition.eof": "true",
    "auto.offset.reset": "error",
    "enable.auto.commit": "false",
  ])

  /// The address as text, for messages.
  let address: String
  let topic: String
  let partition: Int32
  /// Fixed per log, so that whoever claims the log next fences whoever claimed it before.
  let transactionalID: String
  let producerConfiguration: KafkaConfiguration
  let consumerConfiguration: KafkaConfiguration

  init(address: KafkaLogAddress, options: KafkaLogConnection.Options) throws(RecordLogError) {
    self.address = address.description
    topic = address.topic
    partition = try Self.partition(in: address)
    var passedThrough = options.properties
    for option in address.options where option.name != Self.partitionOption {
      passedThrough.set(option.name, option.value)
    }
    transactionalID =
      passedThrough[Self.transactionalIDProperty] ?? "tradelog.writer.\(address.topic).\(partition)"
    let properties = KafkaConfiguration(
      passedThrough.properties.filter { $0.key != Self.transactionalIDProperty })
    let bootstrap = KafkaConfiguration(["bootstrap.servers": address.bootstrapServers])
    producerConfiguration = Self.producerDefaults.merging(properties).merging(bootstrap)
    consumerConfiguration = Self.consumerDefaults.merging(properties).merging(bootstrap)
      .merging(Self.pinnedConsumerProperties)
  }

  /// The producer of a connection that claimed the log: transactional, with the log's fixed id.
  var claimedProducerConfiguration: KafkaConfiguration {
    var configuration = producerConfiguration
    configuration.set(Self.transactionalIDProperty, transactionalID)
    return configuration
  }

  private static func partition(in address: KafkaLogAddress) throws(RecordLogError) -> Int32 {
    guard let text = address.option(partitionOption) else { return 0 }
    guard text.utf8.allSatisfy(ASCII.isDigit), let partition = Int32(text) else {
      throw LogAddress.invalid(
        address.description,
        "the partition `\(text)` is not a partition number: use 0, 1, 2, ... (one partition per log)")
    }
    return partition
  }
}
