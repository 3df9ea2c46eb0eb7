import CRdKafka
import Synchronization

/// A librdkafka producer: idempotent by default, records to explicit partitions, delivery reports
/// per record, and the transactional API when `transactional.id` is set.
///
/// ## Defaults
/// `enable.idempotence=true` and `acks=all` are set explicitly before the caller's properties, so a
/// retried record is never written twice and never acknowledged before the in-sync replicas have
/// it. Pass `enable.idempotence=false` to opt out; librdkafka rejects `acks` other than `all` while
/// idempotence is on.
///
/// ## Threads
/// `produce` only enqueues and never blocks. Delivery reports are produced by librdkafka's threads
/// but delivered (the callback runs) on the thread that calls `poll`, `flush` or
/// `commitTransaction`; they are collected under a lock and taken with `takeDeliveryReports`.
/// `poll` with a timeout, `flush` and the transactional calls block: call them from a dedicated
/// thread. The producer may be shared between threads (librdkafka's `rd_kafka_t` is thread-safe).
///
/// ## Lifetime
/// Releasing the producer destroys the client without waiting for records still in flight: call
/// `flush` first when they matter.
public final class KafkaProducer: Sendable {
  /// The properties set before the caller's: what this producer relies on.
  public static let defaultConfiguration = KafkaConfiguration([
    "enable.idempotence": "true",
    "acks": "all",
  ])

  /// The configuration the client was created with: the defaults with the caller's on top.
  public let configuration: KafkaConfiguration
  let handle: KafkaHandle
  private let deliveryReports: DeliveryReportCollector
  private let lastRecordNumber = Atomic<UInt64>(0)
  /// librdkafka's handle of each topic produced to, made at the topic's first record and destroyed
  /// with the producer. Naming the topic in each produce call instead made librdkafka look it up
  /// (under its topic list's lock) for every record.
  private let topicHandles = Mutex<[String: OpaquePointer]>([:])

  /// Creates the client. Fails with a `KafkaError` naming the property when librdkafka rejects one.
  public init(configuration: KafkaConfiguration) throws(KafkaError) {
    let effective = Self.defaultConfiguration.merging(configuration)
    let collector = DeliveryReportCollector()
    handle = try KafkaHandle(type: RD_KAFKA_PRODUCER, configuration: effective, callbackContext: collector) {
      $0.setDeliveryReportCallback(DeliveryReportCollector.callback)
    }
    self.configuration = effective
    deliveryReports = collector
  }

  deinit {
    // Before the client goes (the handle is released after this body): a topic handle must not
    // outlive its client.
    topicHandles.withLock { handles in
      for handle in handles.values { rd_kafka_topic_destroy(handle) }
    }
  }

  /// Enqueues `record` for delivery and returns its record number (1, 2, 3… per producer), which
  /// its delivery report carries. Throws when librdkafka refuses to enqueue it: `queueFull` (poll,
  /// then retry), an unknown partition, a record too large, or a fatal producer error.
  @discardableResult
  public func produce(_ record: KafkaProducerRecord) throws(KafkaError) -> UInt64 {
    let recordNumber = lastRecordNumber.add(1, ordering: .relaxed).newValue
    let arguments = ProduceArguments(
      record: record, recordNumber: recordNumber, topicHandle: try topicHandle(record.topic))
    if let error = arguments.withNativeArguments({
      rd_kafka_produceva(handle.pointer, $0.baseAddress, $0.count)
    }) {
      throw resolvingFatal(
        KafkaError.taking(error, context: "producing to \(record.topic)/\(record.partition) failed"))
    }
    return recordNumber
  }

  /// The handle of `topic`, made at its first use.
  private func topicHandle(_ topic: String) throws(KafkaError) -> OpaquePointer {
    let client = handle
    return try topicHandles.withLock { handles throws(KafkaError) in
      if let handle = handles[topic] { return handle }
      let handle = try client.newTopicHandle(topic)
      handles[topic] = handle
      return handle
    }
  }

  /// Serves queued callbacks (delivery reports) for up to `timeout` and returns how many events were
  /// served. Blocks when `timeout` is positive.
  @discardableResult
  public func poll(timeout: Duration = .zero) -> Int {
    Int(rd_kafka_poll(handle.pointer, timeout.clampedMilliseconds))
  }

  /// Delivery reports received since the last call, in the order librdkafka delivered them (per
  /// partition, the order records were produced in).
  public func takeDeliveryReports() -> [KafkaDeliveryReport] {
    deliveryReports.takeAll()
  }

  /// Records enqueued or in flight whose delivery report has not been served yet.
  public var outstandingCount: Int { Int(rd_kafka_outq_len(handle.pointer)) }

  /// Waits up to `timeout` until every enqueued record has its delivery report, serving the
  /// reports meanwhile. Blocks. Throws `timedOut` when records are still outstanding.
  public func flush(timeout: Duration) throws(KafkaError) {
    let code = rd_kafka_flush(handle.pointer, timeout.clampedMilliseconds)
    try KafkaError.check(code, context: "flush left \(outstandingCount) records undelivered")
  }

  /// Asks the cluster for `topic`'s partitions and their leaders now, and waits up to `timeout` for
  /// the answer. librdkafka otherwise learns them only when its periodic topic scan (once a second)
  /// comes around after the first record to a topic it has not seen: that record, and the
  /// transaction carrying it, wait up to a second. Throws when the cluster did not answer in time.
  public func loadMetadata(topic: String, timeout: Duration) throws(KafkaError) {
    try handle.loadMetadata(topic: topic, timeout: timeout)
  }

  /// Replaces a bare `_FATAL` with the underlying fatal error librdkafka recorded, which is what
  /// tells the operator why the producer can no longer be used (e.g. it was fenced).
  func resolvingFatal(_ error: KafkaError) -> KafkaError {
    guard error.code == .fatal else { return error }
    var errorText = CErrorText()
    let code = errorText.withBuffer { rd_kafka_fatal_error(handle.pointer, $0, $1) }
    guard code != RD_KAFKA_RESP_ERR_NO_ERROR else { return error }
    let underlying = KafkaError.Code(code)
    return KafkaError(
      code: underlying, name: underlying.name, message: "\(error.message): \(errorText.text)",
      isFatal: true)
  }
}
