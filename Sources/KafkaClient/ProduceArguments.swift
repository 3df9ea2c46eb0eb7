import CRdKafka

/// The `rd_kafka_vu_t` array `rd_kafka_produceva` takes, built over buffers pinned for the call.
///
/// `rd_kafka_producev` is variadic and does not import into Swift; `produceva` takes the same tagged
/// arguments as an array. librdkafka copies everything during the call (the key always, the value
/// because of `RD_KAFKA_MSG_F_COPY`, header names and values through `rd_kafka_header_add`), so the
/// pointers only need to live until it returns. Using one `VTYPE_HEADER` per header, rather than a
/// `VTYPE_HEADERS` list, keeps the header list librdkafka's own: a list we built would be ours
/// again whenever produceva fails, a second ownership rule to get right.
struct ProduceArguments {
  let record: KafkaProducerRecord
  let recordNumber: UInt64
  /// The producer's handle of `record.topic` (`rd_kafka_topic_t`).
  let topicHandle: OpaquePointer

  /// Calls `body` with the argument array; every pointer in it is valid only during `body`.
  func withNativeArguments<Result>(_ body: (UnsafeBufferPointer<rd_kafka_vu_t>) -> Result) -> Result {
    // Header names (NUL-terminated) and values are packed into one buffer, so a single pin covers
    // them all. Its first byte gives empty-but-present keys, values and header values a non-NULL
    // address: librdkafka reads NULL as "null", not as "empty".
    var scratch: [UInt8] = [0]
    var headerRanges: [(name: Int, value: Range<Int>?)] = []
    for header in record.headers {
      let nameStart = scratch.count
      scratch.append(contentsOf: header.name.utf8)
      scratch.append(0)
      let valueStart = scratch.count
      if let value = header.value { scratch.append(contentsOf: value) }
      headerRanges.append((nameStart, header.value.map { _ in valueStart..<scratch.count }))
    }
    return scratch.withUnsafeBufferPointer { scratch in
      withBytes(of: record.key, emptyAt: scratch.baseAddress!) { key in
        withBytes(of: record.value, emptyAt: scratch.baseAddress!) { value in
          var arguments = fixedArguments(key: key, value: value)
          for range in headerRanges {
            arguments.append(headerArgument(range, in: scratch))
          }
          return arguments.withUnsafeBufferPointer(body)
        }
      }
    }
  }

  private func fixedArguments(key: UnsafeRawBufferPointer?, value: UnsafeRawBufferPointer?) -> [rd_kafka_vu_t]
  {
    var arguments = [
      argument(RD_KAFKA_VTYPE_RKT) { $0.rkt = topicHandle },
      argument(RD_KAFKA_VTYPE_PARTITION) { $0.i32 = record.partition },
      argument(RD_KAFKA_VTYPE_MSGFLAGS) { $0.i = RD_KAFKA_MSG_F_COPY },
      argument(RD_KAFKA_VTYPE_OPAQUE) { $0.ptr = UnsafeMutableRawPointer(bitPattern: UInt(recordNumber)) },
      argument(RD_KAFKA_VTYPE_KEY) { $0.mem = memory(key) },
      argument(RD_KAFKA_VTYPE_VALUE) { $0.mem = memory(value) },
    ]
    if let timestamp = record.timestampMilliseconds {
      arguments.append(argument(RD_KAFKA_VTYPE_TIMESTAMP) { $0.i64 = timestamp })
    }
    return arguments
  }

  private func headerArgument(
    _ range: (name: Int, value: Range<Int>?), in scratch: UnsafeBufferPointer<UInt8>
  ) -> rd_kafka_vu_t {
    let base = UnsafeRawPointer(scratch.baseAddress!)
    let name = (base + range.name).assumingMemoryBound(to: CChar.self)
    // A NULL value pointer is how rd_kafka_header_add spells a null header value.
    let value = range.value.map { base + $0.lowerBound }
    let size = range.value?.count ?? 0
    return argument(RD_KAFKA_VTYPE_HEADER) { $0.header = .init(name: name, val: value, size: size) }
  }

  /// The `(void *, size_t)` pair of a key or value; librdkafka only reads through the pointer.
  private func memory(
    _ bytes: UnsafeRawBufferPointer?
  ) -> rd_kafka_vu_s.__Unnamed_union_u.__Unnamed_struct_mem {
    .init(ptr: bytes.flatMap { UnsafeMutableRawPointer(mutating: $0.baseAddress) }, size: bytes?.count ?? 0)
  }

  private func argument(
    _ type: rd_kafka_vtype_t, _ fill: (inout rd_kafka_vu_s.__Unnamed_union_u) -> Void
  ) -> rd_kafka_vu_t {
    var argument = rd_kafka_vu_t()
    argument.vtype = type
    fill(&argument.u)
    return argument
  }

  /// Pins `bytes` for `body`: nil stays nil (a null key or value); an empty array gets the
  /// non-NULL address `empty` with a count of zero.
  private func withBytes<Result>(
    of bytes: [UInt8]?, emptyAt empty: UnsafePointer<UInt8>,
    _ body: (UnsafeRawBufferPointer?) -> Result
  ) -> Result {
    guard let bytes else { return body(nil) }
    if bytes.isEmpty { return body(UnsafeRawBufferPointer(start: empty, count: 0)) }
    return bytes.withUnsafeBytes { body($0) }
  }
}
