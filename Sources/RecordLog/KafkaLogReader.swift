import Foundation
import KafkaClient

/// The reading side of a Kafka log connection: a reading consumer, assigned to the log's partition
/// without a consumer group, with a cursor that lets each read continue where the previous one
/// stopped, and an end-query consumer that is never assigned.
///
/// Assigning a partition anew costs up to a fetch wait (librdkafka waits for the fetch in flight;
/// about half a second on the mock cluster with librdkafka's default `fetch.wait.max.ms`), so the
/// reading consumer is assigned once, at its first read, and stays assigned until `closeConsumer()`.
/// A read that continues where the last one stopped (`from` the last position + 1, what a tailer
/// does) neither seeks nor queries anything before taking what the consumer has already fetched; a
/// read elsewhere seeks.
///
/// Not thread-safe: it belongs to one connection, which has one owner at a time.
final class KafkaLogReader {
  private let settings: KafkaLogSettings
  private let operationTimeout: Duration
  /// Created by `prepare()` or the first read, dropped by `closeConsumer()`; a connection that only
  /// appends never creates one.
  private var consumerStorage: KafkaConsumer?
  /// Answers end queries: a consumer of its own, never assigned, created at the first end query.
  /// Not the reading consumer: on the broker connection of a consumer that fetches, an end query
  /// waits behind the fetch the broker holds at the end of the partition (`fetch.wait.max.ms`),
  /// and on librdkafka's mock cluster the query also stalls that consumer's next fetches for tens of
  /// milliseconds.
  private var probeStorage: KafkaConsumer?
  private var isAssigned = false
  /// Every record before this position has been returned or skipped; the stream (first `buffer`,
  /// then the consumer) yields the first record at or after it next.
  private var streamNext: Int64 = 0
  /// Records polled but not returned yet (a read's limit stopped short of them), in position order,
  /// from `bufferStart` on.
  private var buffer: [LogRecord] = []
  private var bufferStart = 0
  /// One past the last position the owning connection appended. A read or an end query waits (up
  /// to the operation timeout) until the broker shows at least that much: a broker writes a
  /// transaction's commit marker, and so exposes its records to `read_committed` readers, just after
  /// the commit returns, and a connection must read its own appends.
  var ownAppendEnd: Int64 = 0

  /// A poll waits at most this long at a time, so deadlines are checked often enough.
  private static let pollSliceMax: Duration = .milliseconds(200)
  /// Pause between end queries while waiting for the connection's own appends to show.
  private static let ownAppendPause: Duration = .milliseconds(5)
  /// Pause before retrying an end query that failed with a transient error.
  private static let retryPause: Duration = .milliseconds(20)

  init(settings: KafkaLogSettings, operationTimeout: Duration) {
    self.settings = settings
    self.operationTimeout = operationTimeout
  }

  /// The configuration the consumer has (or will have), for the line a service logs at start.
  var consumerConfiguration: KafkaConfiguration {
    consumerStorage?.configuration ?? settings.consumerConfiguration
  }

  // MARK: Reading

  /// Records at and after `position` that the broker has now, up to `limit`. Also returns a
  /// position the log is known to reach, for a wait that follows: reading may start there. Writer
  /// claim records (`KafkaWriterClaim`) are skipped unless `includingClaims`.
  func readAvailable(
    from position: Int64, max limit: ReadLimit, includingClaims: Bool = false
  ) throws(RecordLogError) -> (records: [LogRecord], end: Int64) {
    var batch = ReadBatch(limit: limit, includesClaims: includingClaims)
    if isAssigned, position >= streamNext {
      try takeFetched(from: position, into: &batch)
      if batch.isFull { return (batch.records, streamNext) }
    }
    // Asked only when what was fetched does not fill the read: a read returns everything up to the
    // end it finds (callers such as a projector catching up take a short read for the end). A
    // waiting read that continues the stream skips this (`KafkaLogConnection.read(from:max:waitingUpTo:)`).
    let end = try end()
    let next = batch.records.last.map { $0.position + 1 } ?? position
    guard next < end else { return (batch.records, end) }
    try moveStream(toward: next, safeStart: next)
    try poll(from: next, until: end, into: &batch)
    return (batch.records, end)
  }

  /// Whether the consumer is assigned and its stream continues exactly at `position` (what a read
  /// that continues where the last one stopped asks for).
  func isStreaming(from position: Int64) -> Bool {
    isAssigned && streamNext == position
  }

  /// Waits until a record at or after `position` arrives or `timeout` passes, and returns what
  /// arrived by then, up to `limit`. `end` is the end the caller last saw: reading starts no further
  /// than there, since the broker refuses a fetch past its end.
  func waitForRecords(
    from position: Int64, max limit: ReadLimit, end: Int64, timeout: Duration
  ) throws(RecordLogError) -> [LogRecord] {
    let deadline = ContinuousClock.now.advanced(by: timeout)
    try moveStream(toward: position, safeStart: min(position, end))
    var batch = ReadBatch(limit: limit, includesClaims: false)
    // What an earlier read polled but could not take is returned without waiting for a poll.
    takeBuffered(from: position, into: &batch)
    while batch.records.isEmpty {
      let remaining = ContinuousClock.now.duration(to: deadline)
      guard remaining > .zero else { break }
      let polled = try consumer().poll(
        maximumCount: limit.records, timeout: min(remaining, Self.pollSliceMax))
      try absorb(polled, reading: position)
      takeBuffered(from: position, into: &batch)
    }
    return batch.records
  }

  /// Polls until the stream has passed `end - 1`, the partition's end is reported at or past `end`
  /// (the last offsets may be commit markers or aborted records, which a read never returns), or
  /// `batch` is full.
  private func poll(
    from position: Int64, until end: Int64, into batch: inout ReadBatch
  ) throws(RecordLogError) {
    let deadline = ContinuousClock.now.advanced(by: operationTimeout)
    var endReached = false
    while !batch.isFull, !endReached, streamNext < end {
      let remaining = ContinuousClock.now.duration(to: deadline)
      guard remaining > .zero else {
        if !batch.records.isEmpty { return }
        throw RecordLogError(
          kind: .storageFailed,
          message: "reading \(settings.address) from position \(position) up to \(end) took longer than "
            + "\(operationTimeout)\(lastTransientErrorText): check that its brokers are up and reachable")
      }
      let polled = try consumer().poll(
        maximumCount: batch.remainingRecords, timeout: min(remaining, Self.pollSliceMax))
      endReached = try absorb(polled, reading: position).map { $0 >= end } ?? false
      takeBuffered(from: position, into: &batch)
    }
  }

  /// Moves polled records into the buffer; returns the end offset the consumer reported, if it
  /// reached the end. Throws for errors that stop this partition; transient ones (a broker
  /// connection being re-established) are librdkafka's to recover from, and only remembered.
  @discardableResult
  private func absorb(_ polled: KafkaConsumerBatch, reading position: Int64) throws(RecordLogError) -> Int64?
  {
    for error in polled.errors {
      if error.code == RecordLogError.kafkaAutoOffsetReset || error.code == .offsetOutOfRange {
        throw positionUnavailable(position, error)
      }
      if error.isFatal || RecordLogError.isMissingTopicOrPartition(error) {
        throw RecordLogError.kafka(error, log: settings, while: "reading from position \(position)")
      }
      lastTransientError = error
    }
    for message in polled.messages
    where message.topic == settings.topic && message.partition == settings.partition {
      buffer.append(Self.logRecord(message))
    }
    return polled.partitionEnds.filter { $0.topic == settings.topic && $0.partition == settings.partition }
      .map(\.offset).max()
  }

  /// The last transient consumer error, for the message of a read that timed out.
  private var lastTransientError: KafkaError?

  private var lastTransientErrorText: String {
    lastTransientError.map { " (last consumer error: \($0.name): \($0.message))" } ?? ""
  }

  /// Takes what is buffered, then, if the stream continues right there, what the consumer has
  /// already fetched, without waiting: a reader that keeps up costs no request to the broker.
  private func takeFetched(from position: Int64, into batch: inout ReadBatch) throws(RecordLogError) {
    takeBuffered(from: position, into: &batch)
    let next = batch.records.last.map { $0.position + 1 } ?? position
    guard !batch.isFull, streamNext == next else { return }
    let polled = try consumer().poll(maximumCount: batch.remainingRecords, timeout: .zero)
    try absorb(polled, reading: position)
    takeBuffered(from: position, into: &batch)
  }

  /// Moves buffered records at or after `position` into `batch` until it is full; drops those
  /// before `position`.
  private func takeBuffered(from position: Int64, into batch: inout ReadBatch) {
    while bufferStart < buffer.count {
      let record = buffer[bufferStart]
      if record.position >= position {
        guard batch.add(record) else { break }
      }
      bufferStart += 1
      streamNext = record.position + 1
    }
    if bufferStart == buffer.count {
      buffer.removeAll(keepingCapacity: true)
      bufferStart = 0
    }
  }

  /// Makes the stream yield the first record at or after `position` next, seeking only when it
  /// would not: when it is behind `position` with nothing buffered that reaches it, or ahead of
  /// it. `safeStart` is where to fetch from: `position`, or the end when `position` lies past it.
  private func moveStream(toward position: Int64, safeStart: Int64) throws(RecordLogError) {
    if isAssigned {
      let isBetween = streamNext >= safeStart && streamNext <= position
      let bufferReaches = (buffer.last?.position ?? -1) >= position && streamNext <= position
      if isBetween || bufferReaches { return }
    }
    let consumer = try consumer()
    let target = KafkaPartitionPosition(
      topic: settings.topic, partition: settings.partition, offset: .exactly(safeStart))
    do throws(KafkaError) {
      if isAssigned {
        try seek(consumer, to: target.offset)
      } else {
        try consumer.assign([target])
        isAssigned = true
      }
    } catch {
      throw RecordLogError.kafka(error, log: settings, while: "moving the reader to position \(safeStart)")
    }
    buffer.removeAll(keepingCapacity: true)
    bufferStart = 0
    streamNext = safeStart
  }

  /// Seeks the assigned partition, asking again while librdkafka reports a timeout until the
  /// operation timeout. librdkafka 2.0 waits for a seek's answer in microseconds where it was given
  /// milliseconds (fixed in 2.1: confluentinc/librdkafka#4230), so a seek that takes more than a
  /// few ten milliseconds (a busy machine, a broker thread finishing a fetch) reports `_TIMED_OUT`
  /// although it is only late. The seek stays queued and takes effect; asking again queues the same
  /// seek once more, which is harmless.
  private func seek(_ consumer: KafkaConsumer, to offset: KafkaOffset) throws(KafkaError) {
    let deadline = ContinuousClock.now.advanced(by: operationTimeout)
    while true {
      do throws(KafkaError) {
        try consumer.seek(
          topic: settings.topic, partition: settings.partition, to: offset,
          timeout: max(ContinuousClock.now.duration(to: deadline), .milliseconds(1)))
        return
      } catch  where error.code == .timedOut && ContinuousClock.now < deadline {
        continue
      }
    }
  }

  /// The error for a position the broker refused to fetch: usually one that retention deleted.
  private func positionUnavailable(_ position: Int64, _ error: KafkaError) -> RecordLogError {
    if let low = try? watermarks().low, position < low {
      return RecordLogError(
        kind: .invalidRequest,
        message: "position \(position) of \(settings.address) is no longer stored: the log now starts at "
          + "position \(low) (retention deleted older records; librdkafka's mock cluster keeps about 5 MiB "
          + "per partition). Read from \(low) on, or restore the records from elsewhere")
    }
    return RecordLogError.kafka(error, log: settings, while: "reading from position \(position)")
  }

  // MARK: The end

  /// The end of the log as readers see it: the high watermark (the last stable offset, under
  /// `read_committed`), at least `ownAppendEnd` unless the wait for it timed out.
  func end() throws(RecordLogError) -> Int64 {
    let deadline = ContinuousClock.now.advanced(by: operationTimeout)
    while true {
      let high = try highWatermark(deadline: deadline)
      if high >= ownAppendEnd || ContinuousClock.now >= deadline { return high }
      Thread.sleep(forTimeInterval: Self.ownAppendPause.timeInterval)
    }
  }

  /// The partition's high watermark (the last stable offset, under `read_committed`), in one request
  /// to its leader; transient failures are retried until the operation timeout.
  func highWatermark(deadline: ContinuousClock.Instant? = nil) throws(RecordLogError) -> Int64 {
    try askLeader("asking for the end of the log", until: deadline) { probe, timeout throws(KafkaError) in
      try probe.highWatermark(topic: settings.topic, partition: settings.partition, timeout: timeout)
    }
  }

  /// The partition's low and high watermarks (two requests to its leader); transient failures are
  /// retried until the operation timeout.
  func watermarks(deadline: ContinuousClock.Instant? = nil) throws(RecordLogError) -> KafkaWatermarks {
    try askLeader("asking for the first and the end position of the log", until: deadline) {
      probe, timeout throws(KafkaError) in
      try probe.watermarks(topic: settings.topic, partition: settings.partition, timeout: timeout)
    }
  }

  /// Runs `query` on the end-query consumer, again after a transient failure, until `deadline` (by
  /// default, the operation timeout from now); `activity` names it in the error.
  private func askLeader<Answer>(
    _ activity: String, until deadline: ContinuousClock.Instant?,
    _ query: (KafkaConsumer, Duration) throws(KafkaError) -> Answer
  ) throws(RecordLogError) -> Answer {
    let deadline = deadline ?? ContinuousClock.now.advanced(by: operationTimeout)
    let probe = try probe()
    while true {
      let remaining = ContinuousClock.now.duration(to: deadline)
      do throws(KafkaError) {
        return try query(probe, max(remaining, .milliseconds(1)))
      } catch {
        let isTransient = error.isRetriable && !RecordLogError.isMissingTopicOrPartition(error)
        guard isTransient, ContinuousClock.now < deadline else {
          throw RecordLogError.kafka(error, log: settings, while: activity)
        }
        Thread.sleep(forTimeInterval: Self.retryPause.timeInterval)
      }
    }
  }

  /// Creates the end-query consumer and the reading consumer now, and has the reading one learn the
  /// topic's leader (created before it knew the topic, it would otherwise wait up to a second at its
  /// first `assign` for librdkafka's topic scan). Errors are left for the first read to report.
  func prepare() {
    _ = try? probe()
    try? consumer().loadMetadata(topic: settings.topic, timeout: Self.preparationTimeout)
  }

  /// How long `prepare` waits for the topic's leader: a sequencer's start, not an operation.
  private static let preparationTimeout: Duration = .seconds(1)

  /// Whether a reading consumer exists (and so fetches ahead of the reads).
  var isReadingAhead: Bool { consumerStorage != nil }

  /// Closes the reading consumer (it stops fetching) and forgets what it had fetched; the next read
  /// creates, assigns and positions a new one. The end-query consumer stays: it never fetches.
  func closeConsumer() {
    consumerStorage = nil
    isAssigned = false
    buffer.removeAll()
    bufferStart = 0
    streamNext = 0
  }

  private func probe() throws(RecordLogError) -> KafkaConsumer {
    if let probeStorage { return probeStorage }
    let probe = try makeConsumer(for: "end queries")
    probeStorage = probe
    return probe
  }

  private func consumer() throws(RecordLogError) -> KafkaConsumer {
    if let consumerStorage { return consumerStorage }
    let consumer = try makeConsumer(for: "reading")
    consumerStorage = consumer
    return consumer
  }

  private func makeConsumer(for purpose: String) throws(RecordLogError) -> KafkaConsumer {
    do {
      return try KafkaConsumer(configuration: settings.consumerConfiguration)
    } catch {
      throw RecordLogError.kafka(error, log: settings, while: "creating the Kafka consumer for \(purpose)")
    }
  }

  /// A Kafka message as a log record. Kafka allows what the log's records do not have: a null value
  /// or header value reads as empty, and a message without a timestamp (message format v0, before
  /// Kafka 0.10) gets -1, Kafka's own "no timestamp".
  private static func logRecord(_ message: KafkaMessage) -> LogRecord {
    LogRecord(
      position: message.offset, timestampMilliseconds: message.timestampMilliseconds ?? -1, key: message.key,
      value: message.value ?? [],
      headers: message.headers.map { RecordHeader(name: $0.name, value: $0.value ?? []) })
  }
}

/// The records one read collects, within its limit.
private struct ReadBatch {
  let limit: ReadLimit
  /// Whether writer claim records are collected; otherwise they are passed over like commit
  /// markers, taking no room.
  let includesClaims: Bool
  private(set) var records: [LogRecord] = []
  private var byteCount = 0
  /// Set when a record did not fit: the batch takes no more even if a smaller one would fit,
  /// since records must stay in order.
  private(set) var isFull = false

  init(limit: ReadLimit, includesClaims: Bool) {
    self.limit = limit
    self.includesClaims = includesClaims
  }

  var remainingRecords: Int { max(limit.records - records.count, 1) }

  /// Adds `record` if it fits (or passes over it, for a claim record that is not collected); the
  /// first record always fits, so an oversized one never stops a reader.
  mutating func add(_ record: LogRecord) -> Bool {
    guard !isFull else { return false }
    if !includesClaims, KafkaWriterClaim.isClaim(record) { return true }
    let bytes = byteCount + record.payloadByteCount
    guard records.isEmpty || bytes <= limit.bytes else {
      isFull = true
      return false
    }
    records.append(record)
    byteCount = bytes
    if records.count >= limit.records { isFull = true }
    return true
  }
}
