import Testing

@testable import KafkaClient

@Suite("Duration as librdkafka timeouts")
struct DurationMillisecondsTests {
  @Test func convertsRoundingUp() {
    #expect(Duration.seconds(30).clampedMilliseconds == 30_000)
    #expect(Duration.milliseconds(200).clampedMilliseconds == 200)
    #expect(Duration.microseconds(1).clampedMilliseconds == 1)
    #expect(Duration.microseconds(1_500).clampedMilliseconds == 2)
  }

  @Test func neverBecomesInfiniteOrOverflows() {
    #expect(Duration.zero.clampedMilliseconds == 0)
    #expect(Duration.milliseconds(-5).clampedMilliseconds == 0)
    #expect(Duration.seconds(-3).clampedMilliseconds == 0)
    #expect(Duration.seconds(Int64.max).clampedMilliseconds == Int32.max)
  }
}
