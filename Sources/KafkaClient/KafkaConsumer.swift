import CRdKafka

/// A librdkafka consumer that reads partitions it is explicitly assigned, from explicit offsets.
///
/// It never joins a consumer group and never rebalances: positions are the caller's to keep (in a
/// database transaction, next to the rows they produced), which is what exactly-once processing
/// needs. librdkafka still requires a `group.id` for `assign`; the default one is only a name,
/// never used for a group join or an offset commit.
///
/// ## Defaults (set before the caller's properties)
/// - `enable.auto.commit=false`, `enable.auto.offset.store=false`: offsets are never committed.
/// - `enable.partition.eof=true`: reaching the end of a partition is reported (`partitionEnds`).
/// - `auto.offset.reset=error`: an offset that no longer exists (retention dropped it) is reported
///   as an error instead of silently jumping, so a gap is never skipped unnoticed.
///
/// ## Threads
/// `poll`, `seek`, `loadMetadata`, `watermarks` and `highWatermark` block up to their timeout; call them from a dedicated thread.
/// librdkafka fetches on its own threads and queues messages; `poll` only takes them off the queue.
/// The consumer may be shared between threads, but one poller keeps the per-partition order.
public final class KafkaConsumer: Sendable {
  public static let defaultConfiguration = KafkaConfiguration([
    "group.id": "kafkaclient-assign-only",
    "enable.auto.commit": "false",
    "enable.auto.offset.store": "false",
    "enable.partition.eof": "true",
    "auto.offset.reset": "error",
  ])

  /// The configuration the client was created with: the defaults with the caller's on top.
  public let configuration: KafkaConfiguration
  private let handle: KafkaHandle

  public init(configuration: KafkaConfiguration) throws(KafkaError) {
    let effective = Self.defaultConfiguration.merging(configuration)
    handle = try KafkaHandle(type: RD_KAFKA_CONSUMER, configuration: effective)
    self.configuration = effective
    // Route the client's own events (errors) to the consumer queue, so `poll` reports them and
    // nothing piles up unserved on the main queue.
    _ = rd_kafka_poll_set_consumer(handle.pointer)
  }

  /// Replaces the assignment with exactly `positions` (an empty list stops all reading). Fetching
  /// starts in the background at once.
  public func assign(_ positions: [KafkaPartitionPosition]) throws(KafkaError) {
    let list = PartitionList(positions)
    try KafkaError.check(
      rd_kafka_assign(handle.pointer, list.pointer), context: "assigning partitions failed")
  }

  /// Moves an assigned partition to `offset`: the next messages polled from it start there, and
  /// messages already fetched from the old position are discarded. Blocks up to `timeout`.
  public func seek(
    topic: String, partition: Int32, to offset: KafkaOffset, timeout: Duration
  ) throws(KafkaError) {
    let list = PartitionList([KafkaPartitionPosition(topic: topic, partition: partition, offset: offset)])
    let context = "seeking \(topic)/\(partition) failed"
    try KafkaError.check(
      rd_kafka_seek_partitions(handle.pointer, list.pointer, timeout.clampedMilliseconds), context: context)
    if let error = list.firstError(context: context) { throw error }
  }

  /// Returns up to `maximumCount` messages (plus partition ends and errors). Waits up to `timeout`
  /// for the first event, then takes only what has already arrived, so a busy partition returns
  /// full batches and an idle one returns after `timeout` with an empty batch. Blocks.
  public func poll(maximumCount: Int, timeout: Duration) -> KafkaConsumerBatch {
    precondition(maximumCount > 0, "poll needs room for at least one message")
    var batch = KafkaConsumerBatch()
    var waitMilliseconds = timeout.clampedMilliseconds
    var topicNames = TopicNames()
    while batch.messages.count < maximumCount,
      let message = rd_kafka_consumer_poll(handle.pointer, waitMilliseconds)
    {
      defer { rd_kafka_message_destroy(message) }
      waitMilliseconds = 0
      add(message, to: &batch, topicNames: &topicNames)
    }
    return batch
  }

  /// Asks the cluster for `topic`'s partitions and leaders now and waits up to `timeout` for the
  /// answer. A consumer created before it knew the topic may otherwise find no leader at its
  /// `assign` and wait for librdkafka's once-a-second topic scan before it fetches.
  public func loadMetadata(topic: String, timeout: Duration) throws(KafkaError) {
    try handle.loadMetadata(topic: topic, timeout: timeout)
  }

  /// The partition's high watermark (under `read_committed`, its last stable offset), asked of its
  /// leader in one request. Blocks up to `timeout`. Cheaper than `watermarks`, which sends two
  /// requests at once on the same connection (one per end).
  public func highWatermark(topic: String, partition: Int32, timeout: Duration) throws(KafkaError) -> Int64 {
    // "The offset of the record at or after timestamp -1" is Kafka's request for the end.
    let list = PartitionList([KafkaPartitionPosition(topic: topic, partition: partition, offset: .end)])
    let context = "querying the high watermark of \(topic)/\(partition) failed"
    try KafkaError.check(
      rd_kafka_offsets_for_times(handle.pointer, list.pointer, timeout.clampedMilliseconds), context: context)
    if let error = list.firstError(context: context) { throw error }
    return list.pointer.pointee.elems[0].offset
  }

  /// The partition's low and high watermarks, asked of its leader. Blocks up to `timeout`.
  public func watermarks(
    topic: String, partition: Int32, timeout: Duration
  ) throws(KafkaError) -> KafkaWatermarks {
    var low: Int64 = 0
    var high: Int64 = 0
    let code = rd_kafka_query_watermark_offsets(
      handle.pointer, topic, partition, &low, &high, timeout.clampedMilliseconds)
    try KafkaError.check(code, context: "querying watermarks of \(topic)/\(partition) failed")
    return KafkaWatermarks(low: low, high: high)
  }

  private func add(
    _ message: UnsafeMutablePointer<rd_kafka_message_t>, to batch: inout KafkaConsumerBatch,
    topicNames: inout TopicNames
  ) {
    let fields = message.pointee
    switch fields.err {
    case RD_KAFKA_RESP_ERR_NO_ERROR:
      let topic = fields.rkt.map { topicNames.name(of: $0) } ?? ""
      batch.messages.append(KafkaMessage(copying: message, topic: topic))
    case RD_KAFKA_RESP_ERR__PARTITION_EOF:
      let topic = fields.rkt.map { topicNames.name(of: $0) } ?? ""
      batch.partitionEnds.append(
        KafkaPartitionEnd(topic: topic, partition: fields.partition, offset: fields.offset))
    default:
      // For an error event the payload is librdkafka's text about it.
      let text = String(cString: rd_kafka_message_errstr(message))
      let place =
        fields.rkt.map { " on \(String(cString: rd_kafka_topic_name($0)))/\(fields.partition)" } ?? ""
      let code = KafkaError.Code(fields.err)
      batch.errors.append(
        KafkaError(
          code: code, name: code.name, message: "consumer error\(place): \(text)", isFatal: code == .fatal,
          isRetriable: code.isRetriable))
    }
  }
}
