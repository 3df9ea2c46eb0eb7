import CRdKafka

/// librdkafka's in-memory mock Kafka cluster: real Kafka protocol on loopback ports, for tests and
/// for `tradelog broker`. Any client (librdkafka, kcat, Python) can connect to `bootstrapServers`.
///
/// ## Sharp edges (measured with librdkafka 2.0.2)
/// - Each partition keeps only about 5 MiB (or 100,000 batches); older records are dropped
///   silently and the low watermark moves up. Keep data small.
/// - Transactions: the API calls succeed, but no commit or abort markers are written, so a
///   `read_committed` consumer sees aborted records and offsets sent to a transaction are
///   discarded. Exactly-once cannot be tested through it.
/// - Listening ports are random (no option to choose them): hand `bootstrapServers` to other
///   processes through a file.
/// - No CreateTopics request, no LogAppendTime, no compaction, no per-topic configuration,
///   plaintext only. Auto-created topics get 4 partitions: create topics with `createTopic`.
/// - Everything is lost when the cluster is destroyed.
///
/// ## Ownership and threads
/// A mock cluster must live inside an `rd_kafka_t` (for its bookkeeping); this type creates a
/// producer handle for that and owns both. The cluster runs its own thread; the calls below post a
/// request to it and wait briefly for the answer, and may come from any thread, which is why the
/// type is `@unchecked Sendable`. `deinit` destroys the cluster (joining its thread) before the
/// handle it lives in; clients still connected then see their connections drop.
public final class KafkaMockCluster: @unchecked Sendable {
  /// `host:port,host:port,…` of the brokers, for `bootstrap.servers`.
  public let bootstrapServers: String
  public let brokerCount: Int
  private let cluster: OpaquePointer
  private let host: KafkaHandle

  /// Starts a cluster of `brokerCount` brokers with ids 1...brokerCount.
  public init(brokerCount: Int = 1) throws(KafkaError) {
    precondition(brokerCount > 0, "a mock cluster needs at least one broker")
    // The host handle never connects anywhere; silence its "no bootstrap.servers" warning. The
    // brokers' sockets take its settings: without Nagle's algorithm, a response written while the
    // previous one is unacknowledged is not held back for the client's delayed acknowledgement.
    host = try KafkaHandle(
      type: RD_KAFKA_PRODUCER,
      configuration: KafkaConfiguration(["log_level": "3", "socket.nagle.disable": "true"]))
    guard let cluster = rd_kafka_mock_cluster_new(host.pointer, Int32(clamping: brokerCount)) else {
      throw KafkaError(
        code: .invalidArgument, name: KafkaError.Code.invalidArgument.name,
        message: "librdkafka could not start a mock cluster of \(brokerCount) brokers (no loopback ports?)")
    }
    self.cluster = cluster
    self.brokerCount = brokerCount
    bootstrapServers = String(cString: rd_kafka_mock_cluster_bootstraps(cluster))
  }

  deinit { rd_kafka_mock_cluster_destroy(cluster) }

  /// Creates `name` with `partitions` partitions, each replicated on `replicationFactor` brokers.
  public func createTopic(_ name: String, partitions: Int, replicationFactor: Int = 1) throws(KafkaError) {
    let code = rd_kafka_mock_topic_create(
      cluster, name, Int32(clamping: partitions), Int32(clamping: replicationFactor))
    try KafkaError.check(code, context: "creating mock topic \(name) with \(partitions) partitions failed")
  }

  /// Disconnects broker `brokerID` (or all brokers for -1) and refuses new connections until
  /// `setBrokerUp`. Leadership does not move: partitions it leads become unavailable.
  public func setBrokerDown(_ brokerID: Int32) throws(KafkaError) {
    try KafkaError.check(
      rd_kafka_mock_broker_set_down(cluster, brokerID), context: "setting broker \(brokerID) down failed")
  }

  /// Lets broker `brokerID` (or all brokers for -1) accept connections again.
  public func setBrokerUp(_ brokerID: Int32) throws(KafkaError) {
    try KafkaError.check(
      rd_kafka_mock_broker_set_up(cluster, brokerID), context: "setting broker \(brokerID) up failed")
  }
}
