import Foundation
import KafkaClient
import RecordLog

/// Where the benchmark's logs live: SQLite files in a temporary directory, or topics of one
/// partition on a librdkafka mock broker started in this process. Every measurement gets logs of
/// its own, named after it.
final class PipelineBackend {
  enum Kind {
    case sqlite(directory: URL)
    case kafka(cluster: KafkaMockCluster)
  }

  let kind: Kind
  let name: String
  let logOptions: LogOpenOptions
  /// How often the latency benchmark's producer appends what came due. A producer of 50,000
  /// commands/s batches them, as a Kafka client does by `linger.ms` (librdkafka's default is 5 ms);
  /// on the mock broker it must, since the mock answers a fetch with at most one produced batch:
  /// 5-record appends would cost the sequencer a fetch round trip per 5 commands. Latency is still
  /// measured from each append's return.
  let producerAppendInterval: Duration

  private init(kind: Kind, name: String, logOptions: LogOpenOptions, producerAppendInterval: Duration) {
    self.kind = kind
    self.name = name
    self.logOptions = logOptions
    self.producerAppendInterval = producerAppendInterval
  }

  /// SQLite logs as `tradelog sequencer` opens them by default (WAL, synchronous=FULL).
  static func sqlite(directory: URL) -> PipelineBackend {
    PipelineBackend(
      kind: .sqlite(directory: directory), name: "sqlite", logOptions: LogOpenOptions(),
      producerAppendInterval: .microseconds(100))
  }

  /// A mock broker: it keeps only ~5 MiB per partition, so records are LZ4-compressed and volumes
  /// kept small. It holds a fetch that finds nothing for the whole `fetch.wait.max.ms` even when
  /// records arrive meanwhile (a broker answers at once), so that wait is its tail latency: 1 ms.
  static func kafka() throws -> PipelineBackend {
    var options = LogOpenOptions()
    for property in kafkaProperties { try options.kafka.setProperty(parsing: property) }
    return PipelineBackend(
      kind: .kafka(cluster: try KafkaMockCluster()), name: "kafka-mock", logOptions: options,
      producerAppendInterval: .milliseconds(1))
  }

  static let kafkaProperties = ["compression.type=lz4", "log_level=3", "fetch.wait.max.ms=1"]

  /// What the process's CPU time includes besides Tradelog's own threads.
  var processorTimeNote: String {
    switch kind {
    case .sqlite: ""
    case .kafka: ", the in-process mock broker's included"
    }
  }

  /// A new, empty log named `name`.
  func newLog(_ name: String) throws -> LogAddress {
    switch kind {
    case .sqlite(let directory):
      return .sqlite(path: directory.appending(path: "\(name).sqlite").path)
    case .kafka(let cluster):
      try cluster.createTopic(name, partitions: 1)
      return try LogAddress(parsing: "kafka://\(cluster.bootstrapServers)/\(name)")
    }
  }

  func open(_ address: LogAddress) throws -> any LogConnection {
    try openLog(address, options: logOptions)
  }
}
