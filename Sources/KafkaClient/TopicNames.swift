import CRdKafka

/// Topic names as Swift strings, made once per topic handle rather than once per message or
/// delivery report (a name longer than 15 bytes is a heap allocation, and a poll or a flush hands
/// over thousands of them). Keyed by the handle: valid while the handles it has seen live, which
/// holds for one poll of a consumer and for a producer's life (it keeps its handles).
/// The handle is kept as its address, only ever compared: a value that can sit in a producer's
/// locked state, shared with librdkafka's callback thread.
struct TopicNames: Sendable {
  private var last: (address: UInt, name: String)?

  mutating func name(of handle: OpaquePointer) -> String {
    let address = UInt(bitPattern: handle)
    if let last, last.address == address { return last.name }
    let name = String(cString: rd_kafka_topic_name(handle))
    last = (address, name)
    return name
  }
}
