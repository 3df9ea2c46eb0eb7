import CRdKafka

/// The single owner of an `rd_kafka_conf_t` until `rd_kafka_new` takes it.
///
/// librdkafka's ownership rule is lopsided: `rd_kafka_new` takes the configuration object only when it
/// succeeds; on failure the caller still owns it. A non-copyable value with a `deinit` that destroys
/// the object, and a consuming `makeClient` that `discard`s itself only on success, encodes exactly
/// that rule.
struct NativeConfiguration: ~Copyable {
  private let pointer: OpaquePointer

  private init(taking pointer: OpaquePointer) { self.pointer = pointer }

  /// A new `rd_kafka_conf_t` with every property applied in order; the first one librdkafka rejects
  /// becomes the thrown error (and the half-built object is freed when `native` goes out of scope).
  static func make(_ configuration: KafkaConfiguration) throws(KafkaError) -> NativeConfiguration {
    let native = NativeConfiguration(taking: rd_kafka_conf_new())
    for property in configuration.properties {
      try native.apply(property)
    }
    return native
  }

  deinit { rd_kafka_conf_destroy(pointer) }

  private func apply(_ property: KafkaConfiguration.Property) throws(KafkaError) {
    var errorText = CErrorText()
    let result = errorText.withBuffer { rd_kafka_conf_set(pointer, property.key, property.value, $0, $1) }
    guard result != RD_KAFKA_CONF_OK else { return }
    let reason = errorText.text
    let kind = result == RD_KAFKA_CONF_UNKNOWN ? "unknown property" : "invalid value"
    throw KafkaError(
      code: .invalidArgument, name: KafkaError.Code.invalidArgument.name,
      message: "Kafka property \(property.key)=\(property.displayValue) rejected (\(kind)): \(reason). "
        + "Check the name and value against librdkafka's CONFIGURATION.md.")
  }

  /// The `opaque` pointer every callback of the client receives.
  func setCallbackContext(_ context: UnsafeMutableRawPointer) {
    rd_kafka_conf_set_opaque(pointer, context)
  }

  /// Installs the delivery-report callback (producers only).
  func setDeliveryReportCallback(
    _ callback:
      @convention(c) (OpaquePointer?, UnsafePointer<rd_kafka_message_t>?, UnsafeMutableRawPointer?)
      -> Void
  ) {
    rd_kafka_conf_set_dr_msg_cb(pointer, callback)
  }

  /// Creates the client. On success librdkafka owns the configuration object; on failure it is still
  /// ours and this value's `deinit` frees it.
  consuming func makeClient(type: rd_kafka_type_t) throws(KafkaError) -> OpaquePointer {
    var errorText = CErrorText()
    guard let client = errorText.withBuffer({ rd_kafka_new(type, pointer, $0, $1) }) else {
      let reason = errorText.text
      _ = consume self  // still ours after a failed rd_kafka_new: deinit frees it
      throw KafkaError(
        code: .invalidArgument, name: KafkaError.Code.invalidArgument.name,
        message: "librdkafka refused the configuration: \(reason)")
    }
    discard self
    return client
  }
}
