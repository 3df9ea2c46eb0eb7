/// One store's figures: the projector's rebuild and the raw load of the same rows.
struct StoreMeasurement {
  let store: String
  let batches: Int
  let events: Int
  /// Rows the projector left in the tables, which the reference loads again.
  let rows: Int
  let seconds: Double
  let referenceSeconds: Double
  let referenceName: String

  var eventsPerSecond: Double { Double(events) / seconds }
  var referenceEventsPerSecond: Double { Double(events) / referenceSeconds }
  var batchesPerSecond: Double { Double(batches) / seconds }
  var referenceBatchesPerSecond: Double { Double(batches) / referenceSeconds }
  /// The projector's speed as a share of the raw load's: the figure to watch, since both were
  /// measured in the same run on the same machine.
  var ratio: Double { referenceSeconds / seconds }
}
