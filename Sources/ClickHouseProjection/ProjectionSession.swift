import ClickHouseClient
import Foundation
import RecordLog
import TradelogServices
import TradelogWire

/// One attempt at projecting: from what the tables store on start, until caught up, stopped or
/// failed. After a failure the projector starts a new session, which derives everything again from
/// the server, since an insert that failed in transit may or may not have been committed.
struct ProjectionSession {
  let configuration: ClickHouseProjectorConfiguration
  let reader: LogReader
  let stop: StopRequest
  let client: ClickHouseClient
  let migrator: SchemaMigrator
  let candles: CandleAggregator
  let inserter: RangeInserter
  let progress: ProgressDisplay
  private var marks = TableMarks()
  private var chain = BatchChainCheck()
  /// The log position of the next record to read.
  private var position: Int64 = 0
  /// The insert of the last range handed over, while the next range is prepared.
  private var insertInFlight: Task<Result<RangeInserter.Inserted, ClickHouseProjectionError>, Never>?
  /// The next read, decoded, while catching up: started before the records of the read before are
  /// checked and encoded, so reading and decoding overlap with them.
  private var readAhead:
    (position: Int64, task: Task<Result<[DecodedEventBatch], ClickHouseProjectionError>, Never>)?

  init(configuration: ClickHouseProjectorConfiguration, reader: LogReader, stop: StopRequest) {
    self.configuration = configuration
    self.reader = reader
    self.stop = stop
    let server = ClickHouseClient(
      url: configuration.clickHouseURL, timeoutSeconds: configuration.requestTimeoutSeconds)
    client = ClickHouseClient(
      url: configuration.clickHouseURL, database: configuration.database,
      timeoutSeconds: configuration.requestTimeoutSeconds)
    migrator = SchemaMigrator(server: server, database: configuration.database)
    candles = CandleAggregator(client: client)
    inserter = RangeInserter(client: client, candles: candles)
    progress = ProgressDisplay()
  }

  mutating func run(
    summary: inout ClickHouseProjectionSummary, backoff: inout RetryBackoff
  ) async throws(ClickHouseProjectionError) {
    try await migrator.migrate()
    marks = try await storedMarks()
    // A crash between a trades insert and its candles leaves the candles behind: count those trades now.
    marks.candles = try await candles.aggregate(after: marks.candles, through: marks.trades)
    try await resume(after: marks.resumeAfter)
    summary.storedThroughSeq = marks.resumeAfter
    backoff.succeeded()
    try await project(summary: &summary, backoff: &backoff)
  }

  /// Reads, checks and inserts until caught up (without `follow`) or stopped. Whatever ends it, the
  /// insert in flight is awaited first: the next session derives where the tables stand from what
  /// they store, which an insert still under way would change behind its back.
  private mutating func project(
    summary: inout ClickHouseProjectionSummary, backoff: inout RetryBackoff
  ) async throws(ClickHouseProjectionError) {
    do {
      try await projectRanges(summary: &summary, backoff: &backoff)
    } catch {
      _ = await insertInFlight?.value
      insertInFlight = nil
      _ = await readAhead?.task.value
      readAhead = nil
      throw error
    }
    _ = await readAhead?.task.value
    readAhead = nil
    try await finishInsert(summary: &summary)
  }

  private mutating func projectRanges(
    summary: inout ClickHouseProjectionSummary, backoff: inout RetryBackoff
  ) async throws(ClickHouseProjectionError) {
    let catchUp = CatchUp(
      startPosition: position, endPosition: try await reader.endPosition(), eventsBefore: summary.events)
    var catchingUp = true
    var rows = HistoryRows(marks: marks)
    let clock = ContinuousClock()
    var lastFlush = clock.now
    while !stop.isRequested {
      let tailing = configuration.follow && !catchingUp
      let decoded = try await readAndDecode(tailing: tailing)
      if catchingUp, let last = decoded.last, decoded.count >= configuration.recordsPerReadMax {
        startReadAhead(after: last)
      }
      for record in decoded {
        try accept(record, into: &rows, summary: &summary)
        if rows.largestTableRowCount >= configuration.rowsPerInsertMax {
          try await flush(&rows, summary: &summary)
          lastFlush = clock.now
        }
      }
      if let last = decoded.last { position = last.record.position + 1 }
      let reachedEnd = decoded.count < configuration.recordsPerReadMax
      let flushDue = !tailing || lastFlush.duration(to: clock.now) >= configuration.tailFlushInterval
      if reachedEnd, rows.batchCount > 0, flushDue {
        // Caught up: nothing to prepare meanwhile, and a tailing projector should store what it
        // read before it waits for more.
        try await flush(&rows, summary: &summary)
        try await finishInsert(summary: &summary)
        lastFlush = clock.now
        backoff.succeeded()
      }
      if catchingUp, configuration.showsProgress {
        catchUp.show(on: progress, position: position, events: summary.events, force: reachedEnd)
      }
      if reachedEnd, catchingUp {
        if configuration.showsProgress, catchUp.hasBacklog { progress.finish() }
        catchingUp = false
        if !configuration.follow { return }
      }
    }
    if rows.batchCount > 0 { try await flush(&rows, summary: &summary) }
  }

  /// The records from `position` on, decoded: those read ahead if they start there, else a read now.
  private mutating func readAndDecode(
    tailing: Bool
  ) async throws(ClickHouseProjectionError) -> [DecodedEventBatch] {
    if let ahead = readAhead {
      readAhead = nil
      let decoded = await ahead.task.value
      if ahead.position == position { return try decoded.get() }
    }
    let records = try await reader.read(
      from: position, max: ReadLimit(records: configuration.recordsPerReadMax),
      waitingUpTo: tailing ? configuration.tailWait : .zero)
    return DecodedEventBatch.decode(
      records, linkingFirstTo: chain.lastHash, parallelism: configuration.decodingParallelism)
  }

  /// Starts reading and decoding the records after `last`, linking the first to the hash `last`
  /// carries.
  private mutating func startReadAhead(after last: DecodedEventBatch) {
    let reader = reader
    let start = last.record.position + 1
    let limit = ReadLimit(records: configuration.recordsPerReadMax)
    let previousHash = last.claimedChainHash
    let parallelism = configuration.decodingParallelism
    let task = Task { () -> Result<[DecodedEventBatch], ClickHouseProjectionError> in
      do throws(ClickHouseProjectionError) {
        let records = try await reader.read(from: start, max: limit, waitingUpTo: .zero)
        return .success(
          DecodedEventBatch.decode(records, linkingFirstTo: previousHash, parallelism: parallelism))
      } catch {
        return .failure(error)
      }
    }
    readAhead = (start, task)
  }

  private mutating func accept(
    _ decoded: DecodedEventBatch, into rows: inout HistoryRows, summary: inout ClickHouseProjectionSummary
  ) throws(ClickHouseProjectionError) {
    let batch = try decoded.projectedBatch()
    let record = decoded.record
    switch try chain.check(batch, recordBytes: record.value, position: record.position, link: decoded.link) {
    case .duplicate:
      summary.duplicates += 1
    case .next:
      rows.append(batch)
      summary.batches += 1
      summary.events += batch.events.count
    }
  }

  /// Hands the range in `rows` to the inserter, once the previous range's insert has finished, and
  /// starts `rows` anew for the next range without waiting for this insert. The next range's marks
  /// assume this insert succeeds: if it fails, the session ends and the next one derives them again.
  private mutating func flush(
    _ rows: inout HistoryRows, summary: inout ClickHouseProjectionSummary
  ) async throws(ClickHouseProjectionError) {
    guard let lastSeq = rows.lastSeq else { return }
    try await finishInsert(summary: &summary)
    let range = rows
    let inserter = inserter
    let candleMark = marks.candles
    insertInFlight = Task { await inserter.insert(range, lastSeq: lastSeq, candleMark: candleMark) }
    for table in HistoryTable.allCases { marks[table] = max(marks[table], lastSeq) }
    rows = HistoryRows(marks: marks)
  }

  /// Waits for the insert in flight, if any, and counts what it stored.
  private mutating func finishInsert(
    summary: inout ClickHouseProjectionSummary
  ) async throws(ClickHouseProjectionError) {
    guard let insert = insertInFlight else { return }
    insertInFlight = nil
    let inserted = try await insert.value.get()
    for (table, count) in inserted.rowCounts { summary.count(insertedRows: count, into: table) }
    marks.candles = inserted.candleMark
    summary.storedThroughSeq = max(summary.storedThroughSeq, inserted.lastSeq)
  }

  /// Each table's `max(seq)`, and the last seq the candles counted, in one query.
  private func storedMarks() async throws(ClickHouseProjectionError) -> TableMarks {
    let query =
      "SELECT (SELECT max(seq) FROM trades), (SELECT max(seq) FROM order_events), "
      + "(SELECT max(seq) FROM balance_changes), (SELECT maxMerge(last_seq) FROM candle_states)"
    let rows: [[String?]]
    do {
      rows = try await client.queryRows(query)
    } catch {
      throw .clickHouse(error, during: "reading where the tables of \(configuration.database) stand")
    }
    let values = rows.first?.compactMap { $0.flatMap { UInt64($0) } } ?? []
    guard rows.count == 1, values.count == 4 else {
      throw .unexpectedAnswer(query: query, answer: "\(rows)")
    }
    return TableMarks(
      trades: values[0], orderEvents: values[1], balanceChanges: values[2], candles: values[3])
  }

  /// Positions the reader after batch `seq` and the chain check on its hash. A batch's position is at
  /// least its seq − 1 (seqs are gapless from 1, each takes a position at least), so the search
  /// starts there and reads forward.
  private mutating func resume(after seq: UInt64) async throws(ClickHouseProjectionError) {
    chain = BatchChainCheck()
    position = 0
    guard seq > 0 else { return }
    var searched = Int64(seq - 1)
    while true {
      let records = try await reader.read(from: searched, max: 64, waitingUpTo: .zero)
      guard !records.isEmpty else {
        throw .batchNotInLog(seq: seq, logEnd: try await reader.endPosition())
      }
      for record in records {
        let batch = try DecodedEventBatch.decodeBatch(record).mapError {
          ClickHouseProjectionError.undecodableBatch(position: record.position, reason: $0)
        }.get()
        if batch.seq == seq {
          chain = BatchChainCheck(lastSeq: seq, lastHash: batch.chainHash)
          position = record.position + 1
          return
        }
        if batch.seq > seq { throw .batchNotInLog(seq: seq, logEnd: try await reader.endPosition()) }
      }
      searched = records[records.count - 1].position + 1
    }
  }

}
