import Foundation
import KafkaClient

extension KafkaLogConnection {
  @discardableResult
  public func append(_ records: [NewRecord]) throws(RecordLogError) -> [Int64] {
    guard !records.isEmpty else { return [] }
    try checkNoNewerClaim()
    let positions = try deliver(records)
    writerClaim?.appended(at: positions)
    return positions
  }

  /// Makes this connection the log's one writer: registers the log's `transactional.id` (a Kafka
  /// broker then fences the previous claimant's producer), and appends a claim record, which the
  /// previous claimant finds before its next append (see `KafkaWriterClaim`). From now on each
  /// append is one transaction, and the previous claimant's appends throw `fenced`.
  public func claimWriter() throws(RecordLogError) {
    writerClaim = nil
    try writer.claim()
    let token = "\(settings.transactionalID) \(UUID().uuidString)"
    let positions = try deliver([KafkaWriterClaim.record(token: token)])
    writerClaim = KafkaWriterClaim(token: token, position: positions[0])
  }

  /// Produces `records` with one timestamp and returns the position of each.
  private func deliver(_ records: [NewRecord]) throws(RecordLogError) -> [Int64] {
    // One timestamp per batch, as the embedded log stamps one: a batch is one moment.
    let timestamp = clock.nowMilliseconds()
    let produced = records.map { record in
      KafkaProducerRecord(
        topic: settings.topic, partition: settings.partition, key: record.key, value: record.value,
        headers: record.headers.map { KafkaHeader(name: $0.name, value: $0.value) },
        timestampMilliseconds: timestamp)
    }
    let offsets = try writer.deliver(produced)
    let positions: [Int64]
    if offsets.contains(nil) {
      positions = try recoverPositions(offsets, of: records, timestamp: timestamp)
    } else {
      positions = offsets.map { $0! }
    }
    reader.ownAppendEnd = positions[positions.count - 1] + 1
    return positions
  }

  /// Reads what was appended since the last check and fences this writer if another claimed the
  /// log. Costs one end query when nothing was (the usual case for the one writer of a log).
  private func checkNoNewerClaim() throws(RecordLogError) {
    guard var claim = writerClaim else { return }
    let end = try reader.highWatermark()
    guard let unchecked = claim.uncheckedPositions(before: end) else { return }
    if let newer = claim.newerClaim(in: try readRange(unchecked)) {
      let fenced = RecordLogError.fenced(
        log: settings, detail: "a newer writer's claim record is at position \(newer.position)")
      writer.fence(fenced)
      writerClaim = nil
      throw fenced
    }
    claim.checked(upTo: end)
    writerClaim = claim
  }
}
