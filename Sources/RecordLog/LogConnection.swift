/// One connection to a log of records: the contract every log backend honours, so that everything
/// above the log (sequencer, projectors, auditor, command line) is written once.
///
/// A log is an ordered sequence of opaque records. The log assigns each appended record its
/// **position** (0-based and increasing: Kafka's offset) and its **timestamp** (milliseconds since the
/// Unix epoch). What the bytes mean (commands, event batches) is decided above the log.
///
/// What every backend guarantees:
/// - `append` is atomic: all the records of a batch become visible together, or none do.
/// - Positions strictly increase in log order and never change. On the embedded log they are also
///   gapless (0, 1, 2, ...). On Kafka a transactional commit marker takes an offset of its own (and
///   so does the claim record `claimWriter()` appends, which reads skip), so a reader continues from
///   the last record's position + 1 and never counts on the next position being a record.
/// - `read` returns records in position order, starting at the first record at or after `position`.
/// - A connection that called `claimWriter()` is fenced once another connection claims the same log:
///   its appends throw `RecordLogError.Kind.fenced` and write nothing. This keeps a second sequencer
///   from writing the events log while the first is still alive. Connections that never claim (the
///   producers of the commands log) append without that check.
///
/// Timestamps: the embedded log assigns `max(clock, last timestamp)` at append, so they never
/// decrease (like Kafka's LogAppendTime). A Kafka backend uses the producer's clock (CreateTime), so
/// timestamps written by different producers may decrease; consumers that need monotonic time clamp
/// it (the sequencer does).
///
/// Threading: a connection has one owner at a time and is not `Sendable`; open one per thread or
/// process. `read(from:max:waitingUpTo:)` blocks its thread: call it from a thread of its own, never
/// from Swift's cooperative pool.
public protocol LogConnection: AnyObject {
  /// Where this log lives.
  var address: LogAddress { get }

  /// Appends `records` in one atomic step and returns the position each was given, in order. An
  /// empty batch writes nothing and returns no positions.
  @discardableResult
  func append(_ records: [NewRecord]) throws(RecordLogError) -> [Int64]

  /// Returns the records at and after `position`, in order, within `limit`; none when `position` is
  /// at or past the end. Returns at once.
  func read(from position: Int64, max limit: ReadLimit) throws(RecordLogError) -> [LogRecord]

  /// Like `read(from:max:)`, but when no record exists yet at `position`, waits up to `timeout` for
  /// one and returns as soon as records arrive (from any connection or process), or empty when the
  /// wait ends. For tailing the log with low latency.
  func read(
    from position: Int64, max limit: ReadLimit, waitingUpTo timeout: Duration
  )
    throws(RecordLogError) -> [LogRecord]

  /// The position the next appended record would get: the number of positions used so far (Kafka's
  /// high watermark). 0 for an empty log.
  func endPosition() throws(RecordLogError) -> Int64

  /// Makes this connection the one writer of the log and fences every earlier writer: from now on
  /// their appends throw `fenced`, while this connection's appends succeed until another claims.
  /// (Embedded: a writer epoch stored in the log and checked in every append transaction. Kafka: a
  /// transactional producer with a fixed `transactional.id`.)
  func claimWriter() throws(RecordLogError)

  /// Sets up what reading will need, without reading: a Kafka connection creates its consumers,
  /// which connect to the brokers in the background, and learns the topic's leader (waiting up to
  /// a second for it). A sequencer calls it on its commands log before recovering, so that its first
  /// read does not wait for connections that recovery's own work hides. A failure here is left for
  /// the first read to report.
  func prepareToRead()

  /// Stops reading ahead: a Kafka connection closes its reading consumer, which otherwise keeps
  /// fetching the partition in the background (librdkafka fills its queue ahead of the reads). For
  /// a connection that is done reading for now, such as a sequencer's events log after recovery,
  /// where it would fetch back every batch the sequencer appends. A later read starts over (and
  /// reads ahead again: on a Kafka broker a claimed writer's check for a newer claim reads the
  /// previous transaction's commit marker before each append, so there it does not stay stopped).
  func stopReadingAhead()
}

extension LogConnection {
  /// Appends one record and returns its position.
  @discardableResult
  public func append(_ record: NewRecord) throws(RecordLogError) -> Int64 {
    let positions = try append([record])
    precondition(positions.count == 1, "an append of one record returned \(positions.count) positions")
    return positions[0]
  }
}
