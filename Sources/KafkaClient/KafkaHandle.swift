import CRdKafka

/// The single owner of one `rd_kafka_t` client instance, destroyed in `deinit`.
///
/// ## Threads
/// librdkafka documents `rd_kafka_t` as thread-safe: every public function may be called from any
/// thread, concurrently. The instance runs its own threads (a main thread and one per broker) for
/// all network I/O; callers' threads only enqueue work and serve result queues. That is why the
/// wrappers holding this handle may be `@unchecked Sendable`: the only state shared across threads
/// is librdkafka's own, behind its own locks, plus the wrappers' `Mutex`/`Atomic` state.
///
/// Callbacks run on whichever thread serves the queue they come from: delivery reports on the
/// thread calling `rd_kafka_poll` or `rd_kafka_flush` (including the flush inside
/// `commit_transaction`), never on the cooperative thread pool unless a caller polls from there.
/// They may still run concurrently with other calls, so they only touch locked state.
///
/// Blocking calls (poll with a timeout, flush, the transactional calls, watermark queries,
/// `rd_kafka_destroy`) park the calling thread; run them on a dedicated thread, not on Swift's
/// cooperative pool, where a parked thread starves unrelated tasks.
final class KafkaHandle: @unchecked Sendable {
  let pointer: OpaquePointer
  /// Kept alive for as long as librdkafka may call back with a pointer to it: released only after
  /// `rd_kafka_destroy` has returned, because stored properties are released after `deinit` runs.
  private let callbackContext: (any AnyObject & Sendable)?
  private let isConsumer: Bool

  /// Creates a client of `type` from `configuration`. `install` may register callbacks on the
  /// native configuration; `callbackContext` becomes the `opaque` pointer they receive.
  init(
    type: rd_kafka_type_t, configuration: KafkaConfiguration,
    callbackContext: (any AnyObject & Sendable)? = nil,
    install: (borrowing NativeConfiguration) -> Void = { _ in }
  ) throws(KafkaError) {
    let native = try NativeConfiguration.make(configuration)
    if let callbackContext {
      native.setCallbackContext(Unmanaged.passUnretained(callbackContext).toOpaque())
    }
    install(native)
    pointer = try native.makeClient(type: type)
    self.callbackContext = callbackContext
    isConsumer = type == RD_KAFKA_CONSUMER
  }

  deinit {
    // A consumer leaves cleanly first (stops fetchers, commits nothing: auto commit is off); then
    // destroy joins all of librdkafka's threads for this instance, so no callback runs afterwards.
    if isConsumer { _ = rd_kafka_consumer_close(pointer) }
    rd_kafka_destroy(pointer)
  }
}

extension KafkaHandle {
  /// Asks the cluster for `topic`'s partitions and leaders and waits up to `timeout` for the answer,
  /// which the client keeps in its metadata cache.
  func loadMetadata(topic: String, timeout: Duration) throws(KafkaError) {
    let topicHandle = try newTopicHandle(topic)
    defer { rd_kafka_topic_destroy(topicHandle) }
    var metadata: UnsafePointer<rd_kafka_metadata>?
    let code = rd_kafka_metadata(pointer, 0, topicHandle, &metadata, timeout.clampedMilliseconds)
    if let metadata { rd_kafka_metadata_destroy(metadata) }
    try KafkaError.check(code, context: "loading the metadata of topic \(topic) failed")
  }
}

extension KafkaHandle {
  /// A new reference to `topic`'s handle (librdkafka shares one per name); the caller destroys it.
  func newTopicHandle(_ topic: String) throws(KafkaError) -> OpaquePointer {
    guard let topicHandle = rd_kafka_topic_new(pointer, topic, nil) else {
      throw KafkaError(
        code: .invalidArgument, name: KafkaError.Code.invalidArgument.name,
        message: "librdkafka refused a handle for topic \(topic)")
    }
    return topicHandle
  }
}
