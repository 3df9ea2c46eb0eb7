import CRdKafka
import Synchronization

/// Where the delivery-report callback leaves its reports until the producer's owner takes them.
///
/// The callback is a capture-free C function: it finds this object through the `opaque` pointer of
/// the client's configuration. It runs on the thread serving the producer's queue (`poll`, `flush`,
/// `commitTransaction`), possibly while another thread takes reports, so the list is locked.
final class DeliveryReportCollector: Sendable {
  private struct State {
    var reports: [KafkaDeliveryReport] = []
    /// Making a Swift string of the topic's name for each of thousands of reports per flush was a
    /// large part of their cost.
    var topicNames = TopicNames()
  }

  private let state = Mutex(State())

  /// Copies what a report needs out of librdkafka's message and keeps it, under one lock.
  private func append(_ message: rd_kafka_message_t) {
    state.withLock { state in
      let topic = message.rkt.map { state.topicNames.name(of: $0) } ?? ""
      state.reports.append(Self.report(from: message, topic: topic))
    }
  }

  func takeAll() -> [KafkaDeliveryReport] {
    state.withLock { state in
      defer { state.reports = [] }
      return state.reports
    }
  }

  /// The `dr_msg_cb` to install: copies what it needs out of librdkafka's message (which is only
  /// valid during the call) and appends it.
  static let callback:
    @convention(c) (OpaquePointer?, UnsafePointer<rd_kafka_message_t>?, UnsafeMutableRawPointer?) -> Void = {
      _, message, opaque in
      guard let message, let opaque else { return }
      let collector = Unmanaged<DeliveryReportCollector>.fromOpaque(opaque).takeUnretainedValue()
      collector.append(message.pointee)
    }

  private static func report(from message: rd_kafka_message_t, topic: String) -> KafkaDeliveryReport {
    let recordNumber = UInt64(UInt(bitPattern: message._private))
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
