import KafkaClient

extension RecordLogError {
  // librdkafka's error codes (rd_kafka_resp_err_t) that decide the kind. The wrapper names only a
  // few; these numbers are part of librdkafka's stable API and of the Kafka protocol.
  static let kafkaFenced = KafkaError.Code(rawValue: -144)  // _FENCED
  static let kafkaInvalidProducerEpoch = KafkaError.Code(rawValue: 47)  // INVALID_PRODUCER_EPOCH
  static let kafkaProducerFenced = KafkaError.Code(rawValue: 90)  // PRODUCER_FENCED
  static let kafkaAutoOffsetReset = KafkaError.Code(rawValue: -140)  // _AUTO_OFFSET_RESET
  static let kafkaMessageTooLarge = KafkaError.Code(rawValue: 10)  // MSG_SIZE_TOO_LARGE
  private static let kafkaAuthorizationCodes: [KafkaError.Code] = [
    KafkaError.Code(rawValue: 29),  // TOPIC_AUTHORIZATION_FAILED
    KafkaError.Code(rawValue: 31),  // CLUSTER_AUTHORIZATION_FAILED
    KafkaError.Code(rawValue: 53),  // TRANSACTIONAL_ID_AUTHORIZATION_FAILED
    KafkaError.Code(rawValue: 58),  // SASL_AUTHENTICATION_FAILED
    KafkaError.Code(rawValue: -169),  // _AUTHENTICATION
  ]

  /// Whether `error` says that a newer producer with the same `transactional.id` took over.
  /// librdkafka reports it as `_FENCED` (its own fatal code), or passes on the broker's
  /// `PRODUCER_FENCED` (Kafka 2.7+) or `INVALID_PRODUCER_EPOCH` (older brokers).
  static func isFencing(_ error: KafkaError) -> Bool {
    [kafkaFenced, kafkaProducerFenced, kafkaInvalidProducerEpoch].contains(error.code)
  }

  /// Whether `error` says the topic or the partition does not exist.
  static func isMissingTopicOrPartition(_ error: KafkaError) -> Bool {
    [KafkaError.Code.unknownTopicOrPartition, .unknownTopic, .unknownPartition].contains(error.code)
  }

  /// What `error`, raised while `operation` ran on `log`, means for a user of the log. The message
  /// keeps librdkafka's own words and code name, so an operator can look it up.
  static func kafka(_ error: KafkaError, log: KafkaLogSettings, while operation: String) -> RecordLogError {
    let what = "\(operation) on \(log.address) failed (\(error.name): \(error.message))"
    if isFencing(error) {
      return fenced(log: log, detail: "\(error.name): \(error.message)")
    }
    if isMissingTopicOrPartition(error) {
      return RecordLogError(
        kind: .notFound,
        message: "\(what): the topic \(log.topic) or its partition \(log.partition) does not exist on these "
          + "brokers. Check the address, or create the topic (with at least \(log.partition + 1) partitions)")
    }
    if error.code == kafkaMessageTooLarge {
      return RecordLogError(
        kind: .invalidRequest,
        message: "\(what): a record is larger than the producer or the broker accepts. Nothing of this batch "
          + "was appended if it was the first record; raise message.max.bytes on both, or append smaller records"
      )
    }
    if error.code == .invalidArgument {
      return RecordLogError(kind: .invalidRequest, message: "\(what). Fix the Kafka property named above")
    }
    if kafkaAuthorizationCodes.contains(error.code) {
      return RecordLogError(
        kind: .storageFailed,
        message: "\(what): the brokers refused this client. Check its credentials (sasl.*, ssl.* properties) "
          + "and the ACLs on the topic and on the transactional id")
    }
    let advice =
      error.isFatal
      ? "the Kafka client cannot go on: open the log again"
      : "check that the brokers are up and reachable; retrying later may succeed"
    return RecordLogError(kind: .storageFailed, message: "\(what): \(advice)")
  }

  /// The error a fenced writer's appends throw.
  static func fenced(log: KafkaLogSettings, detail: String) -> RecordLogError {
    RecordLogError(
      kind: .fenced,
      message: "another writer claimed \(log.address) (transactional.id \(log.transactionalID)) after this "
        + "one; nothing of this batch was appended (\(detail)). This writer must stop: the newer one carries "
        + "on. If that one is gone, restart this writer to claim the log again")
  }
}
