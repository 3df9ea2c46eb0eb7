/// A partition's offsets as the broker reports them: `low` is the oldest offset still stored,
/// `high` the offset the next record will get. `high - low` records are readable.
public struct KafkaWatermarks: Sendable, Hashable {
  public let low: Int64
  public let high: Int64

  public init(low: Int64, high: Int64) {
    self.low = low
    self.high = high
  }
}
