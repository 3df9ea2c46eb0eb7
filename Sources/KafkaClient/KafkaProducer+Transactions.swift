import CRdKafka

/// The transactional API. It needs `transactional.id` in the configuration; every call blocks
/// until the transaction coordinator answers or the timeout passes, so call them from a dedicated
/// thread. Errors carry librdkafka's classification: `isRetriable` (call again),
/// `transactionRequiresAbort` (call `abortTransaction`, then begin a new one), `isFatal` (the
/// producer was fenced or broke: destroy it).
extension KafkaProducer {
  /// Registers `transactional.id` with the coordinator, fencing any older producer with the same id
  /// and completing or aborting its unfinished transaction. Call once, before the first transaction.
  public func initializeTransactions(timeout: Duration) throws(KafkaError) {
    try checkTransactional(
      rd_kafka_init_transactions(handle.pointer, timeout.clampedMilliseconds), "initializing transactions")
  }

  /// Starts a transaction: records produced from now on belong to it. Does not contact the broker.
  public func beginTransaction() throws(KafkaError) {
    try checkTransactional(rd_kafka_begin_transaction(handle.pointer), "beginning a transaction")
  }

  /// Flushes the transaction's records (serving their delivery reports) and commits them atomically.
  public func commitTransaction(timeout: Duration) throws(KafkaError) {
    try checkTransactional(
      rd_kafka_commit_transaction(handle.pointer, timeout.clampedMilliseconds), "committing a transaction")
  }

  /// Aborts the transaction: its records are purged locally and marked aborted on the broker, so
  /// `read_committed` consumers skip them.
  public func abortTransaction(timeout: Duration) throws(KafkaError) {
    try checkTransactional(
      rd_kafka_abort_transaction(handle.pointer, timeout.clampedMilliseconds), "aborting a transaction")
  }

  private func checkTransactional(_ error: OpaquePointer?, _ action: String) throws(KafkaError) {
    guard let error else { return }
    throw resolvingFatal(KafkaError.taking(error, context: "\(action) failed"))
  }
}
