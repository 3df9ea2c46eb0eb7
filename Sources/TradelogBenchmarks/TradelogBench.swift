import ArgumentParser

/// `tradelog-bench`: benchmarks that print their figures next to a reference. Wall-clock figures
/// swing on shared machines, so each run measures its reference in the same process where it can,
/// and reports the best of several repetitions.
@main
struct TradelogBench: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "tradelog-bench",
    abstract: "Tradelog's benchmarks (build with -c release).",
    subcommands: [
      EngineBenchmarkCommand.self, PipelineBenchmarkCommand.self, ProjectionBenchmarkCommand.self,
    ]
  )
}
