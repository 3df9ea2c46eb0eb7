/// An error reported by librdkafka, or by this wrapper where librdkafka refused what it was given.
///
/// librdkafka classifies the errors it returns as `rd_kafka_error_t` objects (the transactional API,
/// `produceva`, `seek_partitions`): for those `isFatal`, `isRetriable` and `transactionRequiresAbort`
/// are librdkafka's own verdict. Errors that only come as a bare code (delivery reports, consumer
/// messages, `flush`) carry no such verdict; for them `isFatal` is true only for `_FATAL`, and
/// `isRetriable` follows the Kafka protocol's list of retriable errors (see `Code.isRetriable`).
public struct KafkaError: Error, Sendable, Equatable, CustomStringConvertible {
  /// librdkafka's error code (`rd_kafka_resp_err_t`): negative for client-side errors (names start
  /// with an underscore), positive for errors the broker returned.
  public let code: Code
  /// librdkafka's name for the code, such as `_TIMED_OUT` or `UNKNOWN_TOPIC_OR_PART`.
  public let name: String
  /// What happened, in librdkafka's words, with the wrapper's context where it has any.
  public let message: String
  /// The client instance is unusable from now on: destroy it and create a new one.
  public let isFatal: Bool
  /// The same call may succeed if repeated.
  public let isRetriable: Bool
  /// The current transaction cannot be committed; abort it, then begin a new one.
  public let transactionRequiresAbort: Bool

  public init(
    code: Code, name: String, message: String, isFatal: Bool = false, isRetriable: Bool = false,
    transactionRequiresAbort: Bool = false
  ) {
    self.code = code
    self.name = name
    self.message = message
    self.isFatal = isFatal
    self.isRetriable = isRetriable
    self.transactionRequiresAbort = transactionRequiresAbort
  }

  public var description: String {
    var flags: [String] = []
    if isFatal { flags.append("fatal: recreate the client") }
    if isRetriable { flags.append("retriable") }
    if transactionRequiresAbort { flags.append("abort the transaction") }
    let suffix = flags.isEmpty ? "" : " [\(flags.joined(separator: ", "))]"
    return "Kafka error \(name) (\(code.rawValue)): \(message)\(suffix)"
  }
}
