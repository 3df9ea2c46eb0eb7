import KafkaClient

/// A log on one partition of a Kafka topic (`kafka://HOST:PORT[,HOST:PORT]/TOPIC`, partition 0
/// unless the address's `partition` option names another). Conforms to `LogConnection`; see there
/// for the contract, and `KafkaLogWriter` and `KafkaLogReader` for how each side works.
///
/// - Append produces the batch with the record timestamps (CreateTime) taken from `clock` once per
///   batch, and returns when every record's delivery report is in. Unclaimed, through an idempotent
///   producer; after `claimWriter()`, as one transaction of a producer with the log's fixed
///   `transactional.id` (the address's or the options' `transactional.id`, else
///   `tradelog.writer.TOPIC.PARTITION`), which fences the previous claimant.
/// - `claimWriter()` also appends a claim record, and a claimed writer checks for a newer claim
///   before each append: librdkafka's mock cluster does not fence by `transactional.id`, so this is
///   what fences a writer there (see `KafkaWriterClaim`). Reads skip claim records.
/// - Positions are Kafka offsets. They increase but have gaps: a transaction's commit marker and a
///   claim record take offsets of their own. When a delivery report carries no offset, the position is derived (see
///   `KafkaOffsetRecovery`).
/// - Reads go through a `read_committed` consumer assigned to the partition (no consumer group),
///   kept assigned between reads; `endPosition()` is the high watermark (under `read_committed`, the
///   last stable offset: where a reader can get to).
/// - Keys and headers pass through unchanged. Records written by other Kafka producers read as they
///   are, except that a null value or header value reads as empty.
///
/// The connection creates no topic: create it first (`createTopic` on the mock cluster, `rpk topic
/// create` or `kafka-topics.sh` elsewhere), or reads and end queries fail with `notFound`. librdkafka
/// properties (`Options.properties` and the address's options) pass through to both clients; a
/// misspelt one fails the first operation that creates a client, with librdkafka's words.
///
/// Not `Sendable`: one owner at a time, like every `LogConnection`. All calls block their thread.
public final class KafkaLogConnection: LogConnection {
  public let kafkaAddress: KafkaLogAddress
  public let options: Options
  let settings: KafkaLogSettings
  let clock: any LogClock
  let reader: KafkaLogReader
  let writer: KafkaLogWriter
  /// Set while this connection is the claimed writer and not known to be fenced.
  var writerClaim: KafkaWriterClaim?

  /// Checks the address's options; connects to nothing yet: each client is created at its first
  /// use (the producer at the first append or claim, the consumer at the first read or end query).
  public init(
    address: KafkaLogAddress, options: Options = Options(), clock: any LogClock = SystemLogClock()
  ) throws(RecordLogError) {
    kafkaAddress = address
    self.options = options
    self.clock = clock
    settings = try KafkaLogSettings(address: address, options: options)
    reader = KafkaLogReader(settings: settings, operationTimeout: options.operationTimeout)
    writer = KafkaLogWriter(settings: settings, operationTimeout: options.operationTimeout)
  }

  public var address: LogAddress { .kafka(kafkaAddress) }

  /// The partition of the topic that is this log.
  public var partition: Int32 { settings.partition }

  /// The id `claimWriter()` registers; every connection to this log derives the same one.
  public var transactionalID: String { settings.transactionalID }

  /// What this log runs with, for the line a service prints at start: the effective configuration
  /// of each client, secrets masked.
  public var configurationDescription: String {
    let writing = writer.isClaimed ? "claimed writer, transactional.id \(transactionalID)" : "not claimed"
    return """
      record log \(address) (topic \(settings.topic), partition \(partition), \(writing))
      producer:
      \(Self.indented(writer.producerConfiguration))
      consumer:
      \(Self.indented(reader.consumerConfiguration))
      """
  }

  private static func indented(_ configuration: KafkaConfiguration) -> String {
    configuration.description.split(separator: "\n").map { "  \($0)" }.joined(separator: "\n")
  }
}
