import Testing
import TradelogServices

@Suite struct ProjectionProgressTests {
  @Test func rendersBarCountsRateAndTimeLeft() {
    let progress = ProjectionProgress(
      batchesDone: 50_000, batchesTotal: 200_000, events: 1_500_000, elapsed: .seconds(10))
    #expect(progress.eventsPerSecond == 150_000)
    #expect(progress.remaining == .seconds(30))
    #expect(
      progress.rendered(barWidth: 8) == "[##------]  25% 50,000/200,000 batches  150,000 events/s  ETA 0:30")
  }

  @Test func hasNoTimeLeftBeforeAnyProgress() {
    let progress = ProjectionProgress(batchesDone: 0, batchesTotal: 10, events: 0, elapsed: .zero)
    #expect(progress.remaining == nil)
    #expect(progress.rendered(barWidth: 4).hasSuffix("ETA --:--"))
  }

  @Test func longWaitsShowHours() {
    let progress = ProjectionProgress(batchesDone: 1, batchesTotal: 3_601, events: 1, elapsed: .seconds(1))
    #expect(progress.rendered(barWidth: 4).hasSuffix("ETA 1:00:00"))
  }
}
