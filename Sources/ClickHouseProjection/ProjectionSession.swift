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
  let progress: ProgressDisplay
  private var marks = TableMarks()
  private var chain = BatchChainCheck()
  /// The log position of the next record to read.
  private var position: Int64 = 0

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

  /// Reads, checks and inserts until caught up (without `follow`) or stopped.
  private mutating func project(
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
      let records = try await reader.read(
        from: position, max: ReadLimit(records: configuration.recordsPerReadMax),
        waitingUpTo: tailing ? configuration.tailWait : .zero)
      for record in records {
        try accept(record, into: &rows, summary: &summary)
        if rows.largestTableRowCount >= configuration.rowsPerInsertMax {
          try await flush(&rows, summary: &summary)
          lastFlush = clock.now
          backoff.succeeded()
        }
      }
      if let last = records.last { position = last.position + 1 }
      let reachedEnd = records.count < configuration.recordsPerReadMax
      let flushDue = !tailing || lastFlush.duration(to: clock.now) >= configuration.tailFlushInterval
      if reachedEnd, rows.batchCount > 0, flushDue {
        try await flush(&rows, summary: &summary)
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

  private mutating func accept(
    _ record: LogRecord, into rows: inout HistoryRows, summary: inout ClickHouseProjectionSummary
  ) throws(ClickHouseProjectionError) {
    let batch = try Self.decode(record)
    switch try chain.check(batch, recordBytes: record.value, position: record.position) {
    case .duplicate:
      summary.duplicates += 1
    case .next:
      rows.append(batch)
      summary.batches += 1
      summary.events += batch.events.count
    }
  }

  /// Inserts each table's rows as one block, then the candles of the trades just stored.
  private mutating func flush(
    _ rows: inout HistoryRows, summary: inout ClickHouseProjectionSummary
  ) async throws(ClickHouseProjectionError) {
    guard let lastSeq = rows.lastSeq else { return }
    for table in HistoryTable.allCases where rows.rowCount(of: table) > 0 {
      do {
        try await client.insert(table: table.name, format: .native, body: Data(rows.nativeBlock(of: table)))
      } catch {
        throw .clickHouse(
          error, during: "inserting \(table.name) of batches \(rows.firstSeq ?? 0)–\(lastSeq)")
      }
      summary.count(insertedRows: rows.rowCount(of: table), into: table)
    }
    if rows.rowCount(of: .trades) > 0 {
      marks.candles = try await candles.aggregate(after: marks.candles, through: lastSeq)
    }
    for table in HistoryTable.allCases { marks[table] = max(marks[table], lastSeq) }
    summary.storedThroughSeq = marks.resumeAfter
    rows = HistoryRows(marks: marks)
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
        let batch = try Self.decode(record)
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

  private static func decode(_ record: LogRecord) throws(ClickHouseProjectionError) -> EventBatchRecord {
    do {
      return try EventBatchRecord(serializedBytes: record.value)
    } catch {
      throw .undecodableBatch(position: record.position, reason: error)
    }
  }
}
