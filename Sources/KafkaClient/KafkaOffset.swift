import CRdKafka

/// Where in a partition to start reading.
public enum KafkaOffset: Sendable, Hashable {
  /// The oldest record the broker still has (the low watermark).
  case beginning
  /// After the newest record (the high watermark): only records produced from now on.
  case end
  /// This exact offset.
  case exactly(Int64)

  /// librdkafka's encoding: logical offsets are negative sentinels.
  var native: Int64 {
    switch self {
    case .beginning: Int64(RD_KAFKA_OFFSET_BEGINNING)
    case .end: Int64(RD_KAFKA_OFFSET_END)
    case .exactly(let offset): offset
    }
  }
}
