import RecordLog
import TradelogServices
import TradelogWire

extension DecodedEventBatch {
  /// The decoded batch, or the projector's error naming the record that does not decode.
  func projectedBatch() throws(ClickHouseProjectionError) -> EventBatchRecord {
    switch batch {
    case .success(let batch): return batch
    case .failure(let error): throw .undecodableBatch(position: record.position, reason: error)
    }
  }
}
