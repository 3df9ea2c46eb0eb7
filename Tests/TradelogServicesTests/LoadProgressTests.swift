import Testing
import TradelogServices

@Suite struct LoadProgressTests {
  @Test func ratesAndTheTimeLeftFollowFromTheCounts() {
    let progress = LoadProgress(appended: 25_000, total: 100_000, elapsed: .milliseconds(500))
    #expect(progress.ratePerSecond == 50_000)
    #expect(progress.remainingSeconds == 1.5)
    #expect(progress.line == "25000/100000 commands (25%), 50000/s, ETA 1.5 s")
  }

  @Test func theLastLineSaysHowLongItTook() {
    let progress = LoadProgress(appended: 10, total: 10, elapsed: .seconds(150))
    #expect(progress.line == "10/10 commands (100%), 0/s, done in 2 min 30 s")
  }

  @Test func noRateBeforeAnyTimeHasPassed() {
    let progress = LoadProgress(appended: 0, total: 10, elapsed: .zero)
    #expect(progress.remainingSeconds == nil)
    #expect(progress.line == "0/10 commands (0%), 0/s, ETA ?")
  }
}
