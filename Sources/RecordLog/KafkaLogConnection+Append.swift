import KafkaClient

extension KafkaLogConnection {
  @discardableResult
  public func append(_ records: [NewRecord]) throws(RecordLogError) -> [Int64] {
    guard !records.isEmpty else { return [] }
    // One timestamp per batch, as the embedded log stamps one: a batch is one moment.
    let timestamp = clock.nowMilliseconds()
    let produced = records.map { record in
      KafkaProducerRecord(
        topic: settings.topic, partition: settings.partition, key: record.key, value: record.value,
        headers: record.headers.map { KafkaHeader(name: $0.name, value: $0.value) },
        timestampMilliseconds: timestamp)
    }
    let offsets = try writer.deliver(produced)
    let positions =
      offsets.contains(nil)
      ? try recoverPositions(offsets, of: records, timestamp: timestamp)
      : offsets.map { $0! }
    reader.ownAppendEnd = positions.last! + 1
    return positions
  }

  /// Makes this connection the log's one writer: from now on each append is a transaction with the
  /// log's `transactional.id`, and the previous claimant's appends throw `fenced`.
  ///
  /// librdkafka's mock cluster does not fence: it gives the new claimant a new producer id and
  /// leaves the old one valid, so on it both claimants go on appending. A real broker (Kafka,
  /// Redpanda) bumps the id's epoch and refuses the old producer.
  public func claimWriter() throws(RecordLogError) {
    try writer.claim()
  }
}
