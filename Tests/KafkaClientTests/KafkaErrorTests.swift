import KafkaClient
import Testing

@Suite("KafkaError")
struct KafkaErrorTests {
  @Test func codesCarryLibrdkafkaNames() {
    #expect(KafkaError.Code.timedOut.name == "_TIMED_OUT")
    #expect(KafkaError.Code.partitionEndReached.name == "_PARTITION_EOF")
    #expect(KafkaError.Code.unknownTopicOrPartition.name == "UNKNOWN_TOPIC_OR_PART")
    #expect(KafkaError.Code.timedOut.rawValue < 0)
  }

  @Test func bareCodesAreClassifiedByTheProtocolsRetriableList() {
    #expect(KafkaError.Code.transport.isRetriable)
    #expect(KafkaError.Code.queueFull.isRetriable)
    #expect(!KafkaError.Code.invalidArgument.isRetriable)
    #expect(!KafkaError.Code.fatal.isRetriable)
  }

  @Test func descriptionSaysWhatToDo() {
    let error = KafkaError(
      code: .fatal, name: "_FATAL", message: "producer fenced", isFatal: true, transactionRequiresAbort: true)
    #expect(
      error.description
        == "Kafka error _FATAL (-150): producer fenced [fatal: recreate the client, abort the transaction]")
  }
}
