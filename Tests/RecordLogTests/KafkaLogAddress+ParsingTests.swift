import RecordLog
import Testing

@Suite("KafkaLogAddress parsing")
struct KafkaLogAddressParsingTests {
  func kafka(_ text: String) throws -> KafkaLogAddress {
    guard case .kafka(let address) = try LogAddress(parsing: text) else {
      Issue.record("`\(text)` did not parse as a Kafka address")
      throw KafkaExpected()
    }
    return address
  }

  struct KafkaExpected: Error {}

  @Test("one broker and a topic")
  func oneBroker() throws {
    let address = try kafka("kafka://localhost:9092/tradelog.commands")
    #expect(address.brokers == [.init(host: "localhost", port: 9092)])
    #expect(address.topic == "tradelog.commands")
    #expect(address.options.isEmpty)
    #expect(address.bootstrapServers == "localhost:9092")
  }

  @Test("several brokers, default ports, IPv6 in brackets, options in order")
  func severalBrokers() throws {
    let address = try kafka(
      "KAFKA://broker-1.example.com:29092,10.0.0.7,[::1]:9093/tradelog_events-2?partition=3&acks=all")
    #expect(
      address.brokers == [
        .init(host: "broker-1.example.com", port: 29_092), .init(host: "10.0.0.7", port: 9092),
        .init(host: "::1", port: 9093),
      ])
    #expect(address.bootstrapServers == "broker-1.example.com:29092,10.0.0.7:9092,[::1]:9093")
    #expect(address.topic == "tradelog_events-2")
    #expect(address.options.map(\.name) == ["partition", "acks"])
    #expect(address.option("partition") == "3")
    #expect(address.option("missing") == nil)
  }

  @Test("option names and values may be percent-encoded, and are written back encoded")
  func percentEncodedOptions() throws {
    let address = try kafka("kafka://h:1/t?sasl.password=a%26b%3Dc%25+d&label=%E2%9C%93&empty=")
    #expect(address.option("sasl.password") == "a&b=c%+d")
    #expect(address.option("label") == "✓")
    #expect(address.option("empty") == "")
    #expect(try LogAddress(parsing: address.description) == .kafka(address))
  }

  @Test(
    "bad Kafka addresses say what is wrong",
    arguments: [
      ("kafka:localhost:9092/t", "starts with kafka://"),
      ("kafka://localhost:9092", "names no topic"),
      ("kafka://localhost:9092/", "names no topic after the brokers"),
      ("kafka:///t", "names no broker"),
      ("kafka://h:0/t", "port `0`"),
      ("kafka://h:65536/t", "port `65536`"),
      ("kafka://h:x1/t", "port `x1`"),
      ("kafka://h:/t", "port ``"),
      ("kafka://h1,,h2/t", "empty entry"),
      ("kafka://::1:9092/t", "more than one `:`"),
      ("kafka://[::1/t", "never closes"),
      ("kafka://[::1]x/t", "not `:PORT`"),
      ("kafka://[zz]:1/t", "IPv6"),
      ("kafka://bad!host:1/t", "host name or IP address"),
      ("kafka://h/a/b", "`a/b` is not a valid Kafka topic name"),
      ("kafka://h/bad topic", "not a valid Kafka topic name"),
      ("kafka://h/..", "not a valid Kafka topic name"),
      ("kafka://h/" + String(repeating: "t", count: 250), "not a valid Kafka topic name"),
      ("kafka://h/t?novalue", "`novalue` is not of the form NAME=VALUE"),
      ("kafka://h/t?=x", "not of the form NAME=VALUE"),
      ("kafka://h/t?a=1&&b=2", "not of the form NAME=VALUE"),
      ("kafka://h/t?a=1&a=2", "`a` is given twice"),
      ("kafka://h/t?a=%zz", "bad percent escape"),
      ("kafka://h/t?a=%4", "bad percent escape"),
      ("kafka://h/t?a=%FF", "bad percent escape"),
    ])
  func badAddress(text: String, reason: String) throws {
    let error = try #require(throws: RecordLogError.self) { try LogAddress(parsing: text) }
    #expect(error.kind == .invalidAddress)
    #expect(error.message.contains(reason))
  }

  @Test("the longest legal topic name is accepted")
  func longestTopic() throws {
    let topic = String(repeating: "t", count: 249)
    #expect(try kafka("kafka://h/\(topic)").topic == topic)
  }
}
