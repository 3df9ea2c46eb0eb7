import CRdKafka
import Synchronization

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Where the delivery-report callback leaves its reports until the producer's owner takes them.
///
/// The callback is a capture-free C function: it finds this object through the `opaque` pointer of
/// the client's configuration. It runs on the thread serving the producer's queue (`poll`, `flush`,
/// `commitTransaction`), possibly while another thread takes reports, so the list is locked.
final class DeliveryReportCollector: Sendable {
  private struct State {
    var reports: [KafkaDeliveryReport] = []
    /// The topic name seen last: a producer writes to one topic or a few, and making a Swift string
    /// of the name for each of thousands of reports per flush was a large part of their cost.
    var lastTopic: String?
  }

  private let state = Mutex(State())

  func append(_ report: KafkaDeliveryReport) {
    state.withLock { $0.reports.append(report) }
  }

  func takeAll() -> [KafkaDeliveryReport] {
    state.withLock { state in
      defer { state.reports = [] }
      return state.reports
    }
  }

  /// The name of `topic`, made into a Swift string once per run of reports for the same topic.
  private func name(of topic: OpaquePointer) -> String {
    guard let cName = rd_kafka_topic_name(topic) else { return "" }
    return state.withLock { state in
      if let last = state.lastTopic, last.withCString({ strcmp($0, cName) == 0 }) { return last }
      let name = String(cString: cName)
      state.lastTopic = name
      return name
    }
  }

  /// The `dr_msg_cb` to install: copies what it needs out of librdkafka's message (which is only
  /// valid during the call) and appends it.
  static let callback:
    @convention(c) (OpaquePointer?, UnsafePointer<rd_kafka_message_t>?, UnsafeMutableRawPointer?) -> Void = {
      _, message, opaque in
      guard let message, let opaque else { return }
      let collector = Unmanaged<DeliveryReportCollector>.fromOpaque(opaque).takeUnretainedValue()
      collector.append(collector.report(from: message.pointee))
    }

  private func report(from message: rd_kafka_message_t) -> KafkaDeliveryReport {
    let recordNumber = UInt64(UInt(bitPattern: message._private))
    let topic = name(of: message.rkt)
    let result: Result<Int64?, KafkaError>
    if message.err == RD_KAFKA_RESP_ERR_NO_ERROR {
      result = .success(message.offset >= 0 ? message.offset : nil)
    } else {
      result = .failure(KafkaError(code: message.err, context: "delivery of record \(recordNumber) failed"))
    }
    return KafkaDeliveryReport(
      recordNumber: recordNumber, topic: topic, partition: message.partition, result: result)
  }
}
