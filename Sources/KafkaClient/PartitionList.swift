import CRdKafka

/// The single owner of an `rd_kafka_topic_partition_list_t`, freed in `deinit`. librdkafka copies
/// the lists it is given (`assign`, `seek_partitions`), so the list only lives for one call.
struct PartitionList: ~Copyable {
  let pointer: UnsafeMutablePointer<rd_kafka_topic_partition_list_t>

  init(_ positions: [KafkaPartitionPosition]) {
    pointer = rd_kafka_topic_partition_list_new(Int32(clamping: positions.count))
    for position in positions {
      let element = rd_kafka_topic_partition_list_add(pointer, position.topic, position.partition)!
      element.pointee.offset = position.offset.native
    }
  }

  deinit { rd_kafka_topic_partition_list_destroy(pointer) }

  /// The first per-partition error librdkafka left in the list after a call, if any.
  func firstError(context: String) -> KafkaError? {
    let elements = UnsafeBufferPointer(start: pointer.pointee.elems, count: Int(pointer.pointee.cnt))
    guard let failed = elements.first(where: { $0.err != RD_KAFKA_RESP_ERR_NO_ERROR }) else { return nil }
    let place = "\(String(cString: failed.topic))/\(failed.partition)"
    return KafkaError(code: failed.err, context: "\(context) (\(place))")
  }
}
