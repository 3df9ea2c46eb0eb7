import KafkaClient

/// The writing side of a Kafka log connection: the producer, and whether the connection claimed the
/// log.
///
/// Unclaimed, appends go through an idempotent producer (`acks=all`, `enable.idempotence=true`),
/// created at the first append: a retried record is written once and records stay in order, but a
/// batch is not atomic — librdkafka may split it into several produce requests, and if one fails
/// for good, part of the batch is in the log (the error says which part).
///
/// Claimed, appends go through a transactional producer with the log's fixed `transactional.id`:
/// each append is one transaction (begin, produce, commit), so `read_committed` readers see the
/// whole batch or none of it, and `init_transactions` by a newer claimant fences this producer.
/// Once fenced, every append throws `fenced` without contacting the brokers again.
///
/// Not thread-safe: it belongs to one connection, which has one owner at a time.
final class KafkaLogWriter {
  private enum State {
    /// Appends go through a plain idempotent producer; nil until the first append, and again after
    /// the producer failed for good.
    case unclaimed(KafkaProducer?)
    /// This connection claimed the log: appends are transactions of this producer.
    case claimed(KafkaProducer)
    /// Another claimant took over: every append throws this error.
    case fenced(RecordLogError)
    /// The claim failed or its producer broke for a reason other than fencing: appends throw this
    /// error until `claim()` succeeds. Appending unclaimed instead would silently drop the fencing
    /// the owner asked for.
    case broken(RecordLogError)
  }

  private let settings: KafkaLogSettings
  private let operationTimeout: Duration
  private var state = State.unclaimed(nil)
  /// Whether the claimed producer has begun a transaction that holds no record yet. Each append
  /// begins the next transaction as soon as it has committed its own: `begin_transaction` waits for
  /// librdkafka's main thread, and the next append's records need not wait for that too.
  private var isTransactionBegun = false

  /// How long to wait for room when librdkafka's local queue is full.
  private static let queueFullPause: Duration = .milliseconds(10)
  /// How long one wait for delivery reports lasts before checking again.
  private static let flushSlice: Duration = .seconds(1)

  init(settings: KafkaLogSettings, operationTimeout: Duration) {
    self.settings = settings
    self.operationTimeout = operationTimeout
  }

  /// The configuration of the producer in use, for the line a service logs at start.
  var producerConfiguration: KafkaConfiguration {
    switch state {
    case .unclaimed(let producer): producer?.configuration ?? settings.producerConfiguration
    case .claimed(let producer): producer.configuration
    case .fenced, .broken: settings.claimedProducerConfiguration
    }
  }

  var isClaimed: Bool {
    switch state {
    case .claimed, .fenced, .broken: true
    case .unclaimed: false
    }
  }

  /// Replaces the producer with a transactional one and registers the log's `transactional.id`
  /// with the transaction coordinator, which fences every earlier producer with that id and
  /// completes or aborts its unfinished transaction.
  func claim() throws(RecordLogError) {
    // Released first: a producer of ours still registered under the same id would only be fenced.
    state = .unclaimed(nil)
    isTransactionBegun = false
    let producer = try makeProducer(settings.claimedProducerConfiguration)
    do {
      try producer.initializeTransactions(timeout: operationTimeout)
      learnTopic(through: producer)
      state = .claimed(producer)
    } catch {
      let failure = RecordLogError.kafka(
        error, log: settings,
        while: "claiming the writer (init_transactions for transactional.id \(settings.transactionalID))")
      state = .broken(failure)
      throw failure
    }
  }

  /// Makes every later append throw `error`, without contacting the brokers: a newer claimant took
  /// over. Closes the transactional producer (no transaction is open between appends).
  func fence(_ error: RecordLogError) {
    state = .fenced(error)
  }

  /// Delivers `records` and returns the offset of each, in order; nil where the broker's answer
  /// carried none (a retried record of an idempotent producer that was already written). Throws if
  /// any record was not delivered.
  func deliver(_ records: [KafkaProducerRecord]) throws(RecordLogError) -> [Int64?] {
    switch state {
    case .unclaimed(let existing):
      let producer: KafkaProducer
      if let existing {
        producer = existing
      } else {
        producer = try makeProducer(settings.producerConfiguration)
        learnTopic(through: producer)
      }
      state = .unclaimed(producer)
      return try deliverIdempotent(records, through: producer)
    case .claimed(let producer):
      return try deliverInTransaction(records, through: producer)
    case .fenced(let error), .broken(let error):
      throw error
    }
  }

  // MARK: Unclaimed

  private func deliverIdempotent(
    _ records: [KafkaProducerRecord], through producer: KafkaProducer
  ) throws(RecordLogError) -> [Int64?] {
    var numbers: [UInt64] = []
    numbers.reserveCapacity(records.count)
    var refusal: KafkaError?
    for record in records {
      do {
        numbers.append(try Self.produce(record, through: producer))
      } catch {
        refusal = error
        break
      }
    }
    // Whatever was enqueued will be delivered or fail: wait for every verdict, so the caller learns
    // exactly what the log holds.
    Self.waitForDeliveryReports(of: producer)
    let outcome = Self.outcome(of: numbers, in: producer.takeDeliveryReports())
    if let failure = refusal ?? outcome.firstFailure {
      if failure.isFatal { state = .unclaimed(nil) }
      throw partialFailure(failure, recordCount: records.count, delivered: outcome.deliveredOffsets)
    }
    return outcome.offsets
  }

  /// Waits until librdkafka has a final verdict for every enqueued record. It guarantees one within
  /// `message.timeout.ms` (after its own retries), so this never waits forever; giving up earlier
  /// would leave records whose fate is unknown.
  private static func waitForDeliveryReports(of producer: KafkaProducer) {
    while true {
      do {
        try producer.flush(timeout: flushSlice)
        return
      } catch {
        // Only `_TIMED_OUT`: records are still in flight.
      }
    }
  }

  private func partialFailure(
    _ failure: KafkaError, recordCount: Int, delivered: [Int64?]
  ) -> RecordLogError {
    guard !delivered.isEmpty else {
      return RecordLogError.kafka(
        failure, log: settings, while: "appending \(recordCount) records (none of them was appended)")
    }
    let positions = delivered.map { $0.map(String.init) ?? "unknown" }.joined(separator: ", ")
    return RecordLogError(
      kind: .storageFailed,
      message: "appending \(recordCount) records to \(settings.address) failed after \(delivered.count) of "
        + "them were appended (at positions \(positions)): \(failure.name): \(failure.message). The log now "
        + "holds part of this batch; only a connection that claimed the writer appends all or nothing")
  }

  // MARK: Claimed

  private func deliverInTransaction(
    _ records: [KafkaProducerRecord], through producer: KafkaProducer
  ) throws(RecordLogError) -> [Int64?] {
    var numbers: [UInt64] = []
    numbers.reserveCapacity(records.count)
    do throws(KafkaError) {
      if !isTransactionBegun { try producer.beginTransaction() }
      isTransactionBegun = false
      for record in records {
        numbers.append(try Self.produce(record, through: producer))
      }
      try commit(producer)
    } catch {
      _ = producer.takeDeliveryReports()
      throw transactionFailed(error, producer: producer, recordCount: records.count)
    }
    let outcome = Self.outcome(of: numbers, in: producer.takeDeliveryReports())
    // A commit succeeds only once every record of the transaction was delivered.
    precondition(outcome.firstFailure == nil, "a committed transaction reported a failed record")
    beginNextTransaction(producer)
    return outcome.offsets
  }

  /// Begins the transaction of the next append now. A transaction without records is not known to
  /// the brokers (a partition joins it with its first record), so one left open when the producer
  /// closes costs nothing. If beginning fails, the next append begins again and reports why.
  private func beginNextTransaction(_ producer: KafkaProducer) {
    do {
      try producer.beginTransaction()
      isTransactionBegun = true
    } catch {
      isTransactionBegun = false
    }
  }

  /// Commits, calling again while librdkafka says the commit may succeed if repeated (it does not
  /// know yet whether the broker committed), until the operation timeout.
  private func commit(_ producer: KafkaProducer) throws(KafkaError) {
    let deadline = ContinuousClock.now.advanced(by: operationTimeout)
    while true {
      do {
        try producer.commitTransaction(
          timeout: max(ContinuousClock.now.duration(to: deadline), .milliseconds(1)))
        return
      } catch {
        let mayRetry = error.isRetriable && !error.isFatal && !error.transactionRequiresAbort
        guard mayRetry, ContinuousClock.now < deadline else { throw error }
      }
    }
  }

  /// Decides what a failed transaction leaves behind: a fenced or broken writer, or (after an
  /// abort) nothing at all, ready for the next append.
  private func transactionFailed(
    _ error: KafkaError, producer: KafkaProducer, recordCount: Int
  ) -> RecordLogError {
    if RecordLogError.isFencing(error) {
      let fenced = RecordLogError.fenced(log: settings, detail: "\(error.name): \(error.message)")
      state = .fenced(fenced)
      return fenced
    }
    if !error.isFatal {
      do {
        try producer.abortTransaction(timeout: operationTimeout)
        return RecordLogError.kafka(
          error, log: settings,
          while: "appending \(recordCount) records (the transaction was aborted: nothing was appended)")
      } catch let abortError {
        if RecordLogError.isFencing(abortError) {
          return transactionFailed(abortError, producer: producer, recordCount: recordCount)
        }
      }
    }
    let broken = RecordLogError(
      kind: .storageFailed,
      message: "appending \(recordCount) records to \(settings.address) failed and the transaction could not "
        + "be aborted (\(error.name): \(error.message)), so whether it was committed is unknown. This "
        + "connection appends nothing more until it claims the writer again, which completes or aborts "
        + "that transaction")
    state = .broken(broken)
    return broken
  }

  // MARK: Shared

  private func makeProducer(_ configuration: KafkaConfiguration) throws(RecordLogError) -> KafkaProducer {
    do {
      return try KafkaProducer(configuration: configuration)
    } catch {
      throw RecordLogError.kafka(error, log: settings, while: "creating the Kafka producer")
    }
  }

  /// Has a new producer learn the log's partition leaders before its first record, which would
  /// otherwise wait up to a second for librdkafka's topic scan. Best effort: if the brokers do not
  /// answer now, the append that follows waits for them and reports what happened.
  private func learnTopic(through producer: KafkaProducer) {
    try? producer.loadMetadata(topic: settings.topic, timeout: operationTimeout)
  }

  /// Enqueues `record`, waiting for room while librdkafka's local queue is full.
  private static func produce(
    _ record: KafkaProducerRecord, through producer: KafkaProducer
  ) throws(KafkaError) -> UInt64 {
    while true {
      do {
        return try producer.produce(record)
      } catch  where error.code == .queueFull {
        // Serving delivery reports is what frees room in the queue.
        producer.poll(timeout: queueFullPause)
      }
    }
  }

  /// What the delivery reports say about the records numbered `numbers`, in that order.
  private static func outcome(of numbers: [UInt64], in reports: [KafkaDeliveryReport]) -> DeliveryOutcome {
    var results = [Result<Int64?, KafkaError>?](repeating: nil, count: numbers.count)
    guard let first = numbers.first else { return DeliveryOutcome(results: results) }
    // One append's records are produced one after another by this thread, so their numbers are
    // usually consecutive: a number's index is its distance from the first. Checked, not assumed:
    // a produce refused for a full queue uses up a number too.
    let isConsecutive = numbers[numbers.count - 1] - first == UInt64(numbers.count - 1)
    var indexByNumber: [UInt64: Int] = [:]
    if !isConsecutive {
      for (index, number) in numbers.enumerated() { indexByNumber[number] = index }
    }
    for report in reports {
      let index: Int?
      if isConsecutive {
        let distance = report.recordNumber &- first
        index = distance < UInt64(numbers.count) ? Int(distance) : nil
      } else {
        index = indexByNumber[report.recordNumber]
      }
      if let index { results[index] = report.result }
    }
    return DeliveryOutcome(results: results)
  }
}

/// The delivery reports of one append, in record order; nil where no report came.
private struct DeliveryOutcome {
  let results: [Result<Int64?, KafkaError>?]

  /// The first record that failed, or that no report was received for.
  var firstFailure: KafkaError? {
    for result in results {
      switch result {
      case .success: continue
      case .failure(let error): return error
      case nil:
        return KafkaError(
          code: .state, name: KafkaError.Code.state.name,
          message: "librdkafka gave no delivery report for a record it had accepted")
      }
    }
    return nil
  }

  /// The offsets of the delivered records, in order.
  var deliveredOffsets: [Int64?] {
    results.compactMap { result in
      if case .success(let offset) = result { return .some(offset) }
      return nil
    }
  }

  /// The offset of every record; only meaningful when none failed.
  var offsets: [Int64?] { deliveredOffsets }
}
