import CRdKafka

extension KafkaError {
  /// An `rd_kafka_resp_err_t` value, kept as its raw number so callers need not import the C module.
  public struct Code: RawRepresentable, Hashable, Sendable {
    public let rawValue: Int32

    public init(rawValue: Int32) { self.rawValue = rawValue }

    init(_ native: rd_kafka_resp_err_t) { rawValue = native.rawValue }

    var native: rd_kafka_resp_err_t { rd_kafka_resp_err_t(rawValue: rawValue) }

    /// librdkafka's name for the code (`rd_kafka_err2name`).
    public var name: String { String(cString: rd_kafka_err2name(native)) }

    /// librdkafka's human-readable text for the code (`rd_kafka_err2str`).
    public var text: String { String(cString: rd_kafka_err2str(native)) }

    public static let fatal = Code(RD_KAFKA_RESP_ERR__FATAL)
    public static let timedOut = Code(RD_KAFKA_RESP_ERR__TIMED_OUT)
    public static let messageTimedOut = Code(RD_KAFKA_RESP_ERR__MSG_TIMED_OUT)
    public static let queueFull = Code(RD_KAFKA_RESP_ERR__QUEUE_FULL)
    public static let invalidArgument = Code(RD_KAFKA_RESP_ERR__INVALID_ARG)
    public static let partitionEndReached = Code(RD_KAFKA_RESP_ERR__PARTITION_EOF)
    public static let unknownPartition = Code(RD_KAFKA_RESP_ERR__UNKNOWN_PARTITION)
    public static let unknownTopic = Code(RD_KAFKA_RESP_ERR__UNKNOWN_TOPIC)
    public static let unknownTopicOrPartition = Code(RD_KAFKA_RESP_ERR_UNKNOWN_TOPIC_OR_PART)
    public static let offsetOutOfRange = Code(RD_KAFKA_RESP_ERR_OFFSET_OUT_OF_RANGE)
    public static let state = Code(RD_KAFKA_RESP_ERR__STATE)
    public static let transport = Code(RD_KAFKA_RESP_ERR__TRANSPORT)
    public static let allBrokersDown = Code(RD_KAFKA_RESP_ERR__ALL_BROKERS_DOWN)

    /// Whether the Kafka protocol (or librdkafka, for its client-side codes) documents this error as
    /// transient: the same request may succeed once leadership, connectivity or queue space
    /// recovers. Used only where librdkafka gives a bare code without its own classification.
    public var isRetriable: Bool { Self.retriableCodes.contains(rawValue) }

    private static let retriableCodes: [Int32] = [
      RD_KAFKA_RESP_ERR__TRANSPORT, RD_KAFKA_RESP_ERR__TIMED_OUT, RD_KAFKA_RESP_ERR__QUEUE_FULL,
      RD_KAFKA_RESP_ERR__ALL_BROKERS_DOWN, RD_KAFKA_RESP_ERR__WAIT_COORD,
      RD_KAFKA_RESP_ERR_LEADER_NOT_AVAILABLE, RD_KAFKA_RESP_ERR_NOT_LEADER_FOR_PARTITION,
      RD_KAFKA_RESP_ERR_REQUEST_TIMED_OUT, RD_KAFKA_RESP_ERR_NETWORK_EXCEPTION,
      RD_KAFKA_RESP_ERR_NOT_ENOUGH_REPLICAS, RD_KAFKA_RESP_ERR_NOT_ENOUGH_REPLICAS_AFTER_APPEND,
      RD_KAFKA_RESP_ERR_COORDINATOR_LOAD_IN_PROGRESS, RD_KAFKA_RESP_ERR_COORDINATOR_NOT_AVAILABLE,
      RD_KAFKA_RESP_ERR_NOT_COORDINATOR, RD_KAFKA_RESP_ERR_UNKNOWN_TOPIC_OR_PART,
      RD_KAFKA_RESP_ERR_CONCURRENT_TRANSACTIONS,
    ].map(\.rawValue)
  }
}
