import CRdKafka

extension KafkaError {
  /// An error known only by its code, classified by `Code.isRetriable`.
  init(code native: rd_kafka_resp_err_t, context: String? = nil) {
    let code = Code(native)
    let message = context.map { "\($0): \(code.text)" } ?? code.text
    self.init(
      code: code, name: code.name, message: message, isFatal: code == .fatal,
      isRetriable: code.isRetriable)
  }

  /// Reads a librdkafka error object and destroys it: every `rd_kafka_error_t` returned to us is
  /// ours to free, so taking it here is what keeps each one freed exactly once.
  static func taking(_ error: OpaquePointer, context: String? = nil) -> KafkaError {
    defer { rd_kafka_error_destroy(error) }
    let text = String(cString: rd_kafka_error_string(error))
    return KafkaError(
      code: Code(rd_kafka_error_code(error)),
      name: String(cString: rd_kafka_error_name(error)),
      message: context.map { "\($0): \(text)" } ?? text,
      isFatal: rd_kafka_error_is_fatal(error) != 0,
      isRetriable: rd_kafka_error_is_retriable(error) != 0,
      transactionRequiresAbort: rd_kafka_error_txn_requires_abort(error) != 0)
  }

  /// Turns a nullable `rd_kafka_error_t` result into a thrown error, freeing it.
  static func check(_ error: OpaquePointer?, context: String) throws(KafkaError) {
    if let error { throw KafkaError.taking(error, context: context) }
  }

  /// Turns an `rd_kafka_resp_err_t` result into a thrown error.
  static func check(_ code: rd_kafka_resp_err_t, context: String) throws(KafkaError) {
    if code != RD_KAFKA_RESP_ERR_NO_ERROR { throw KafkaError(code: code, context: context) }
  }
}
