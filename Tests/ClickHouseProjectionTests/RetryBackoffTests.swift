import Testing

@testable import ClickHouseProjection

@Suite struct RetryBackoffTests {
  @Test func doublesUpToTheMaximumAndStartsOverAfterASuccess() {
    var backoff = RetryBackoff(first: .milliseconds(100), max: .milliseconds(500))
    #expect((0..<5).map { _ in backoff.failed() } == [100, 200, 400, 500, 500].map { .milliseconds($0) })
    backoff.succeeded()
    #expect(backoff.failed() == .milliseconds(100))
  }
}
