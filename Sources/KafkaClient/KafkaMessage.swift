import CRdKafka

/// A record read from a partition, copied out of librdkafka's buffers.
public struct KafkaMessage: Sendable, Hashable {
  /// What a message's timestamp means.
  public enum TimestampType: Sendable, Hashable {
    case notAvailable
    /// Set by the producer.
    case createTime
    /// Set by the broker when it appended the record.
    case logAppendTime
  }

  public let topic: String
  public let partition: Int32
  public let offset: Int64
  public let key: [UInt8]?
  public let value: [UInt8]?
  public let headers: [KafkaHeader]
  /// Milliseconds since the Unix epoch, or nil when `timestampType` is `notAvailable`.
  public let timestampMilliseconds: Int64?
  public let timestampType: TimestampType

  public init(
    topic: String, partition: Int32, offset: Int64, key: [UInt8]?, value: [UInt8]?,
    headers: [KafkaHeader], timestampMilliseconds: Int64?, timestampType: TimestampType
  ) {
    self.topic = topic
    self.partition = partition
    self.offset = offset
    self.key = key
    self.value = value
    self.headers = headers
    self.timestampMilliseconds = timestampMilliseconds
    self.timestampType = timestampType
  }
}

extension KafkaMessage {
  /// Copies a message librdkafka returned without error; the caller still owns (and destroys) it.
  /// `topic` is the name of the message's topic (`rkt`), which the caller may have at hand already.
  init(copying message: UnsafePointer<rd_kafka_message_t>, topic: String) {
    let fields = message.pointee
    var nativeType = RD_KAFKA_TIMESTAMP_NOT_AVAILABLE
    let timestamp = rd_kafka_message_timestamp(message, &nativeType)
    let timestampType: TimestampType =
      switch nativeType {
      case RD_KAFKA_TIMESTAMP_CREATE_TIME: .createTime
      case RD_KAFKA_TIMESTAMP_LOG_APPEND_TIME: .logAppendTime
      default: .notAvailable
      }
    self.init(
      topic: topic, partition: fields.partition,
      offset: fields.offset, key: Self.bytes(fields.key, count: fields.key_len),
      value: Self.bytes(fields.payload, count: fields.len), headers: Self.headers(of: message),
      timestampMilliseconds: timestampType == .notAvailable ? nil : timestamp, timestampType: timestampType)
  }

  /// NULL is a null key or value; a non-NULL pointer with count 0 an empty one.
  private static func bytes(_ pointer: UnsafeMutableRawPointer?, count: Int) -> [UInt8]? {
    guard let pointer else { return nil }
    return Array(UnsafeRawBufferPointer(start: pointer, count: count))
  }

  /// The message's headers in order. The list belongs to the message: not freed here.
  private static func headers(of message: UnsafePointer<rd_kafka_message_t>) -> [KafkaHeader] {
    var list: OpaquePointer?
    guard rd_kafka_message_headers(message, &list) == RD_KAFKA_RESP_ERR_NO_ERROR, let list else { return [] }
    var headers: [KafkaHeader] = []
    var name: UnsafePointer<CChar>?
    var value: UnsafeRawPointer?
    var size = 0
    while rd_kafka_header_get_all(list, headers.count, &name, &value, &size) == RD_KAFKA_RESP_ERR_NO_ERROR {
      let bytes = value.map { Array(UnsafeRawBufferPointer(start: $0, count: size)) }
      headers.append(KafkaHeader(name: name.map { String(cString: $0) } ?? "", value: bytes))
    }
    return headers
  }
}
