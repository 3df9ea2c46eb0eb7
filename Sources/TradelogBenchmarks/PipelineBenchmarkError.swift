/// A pipeline benchmark run that could not measure what it set out to, and why.
struct PipelineBenchmarkError: Error, CustomStringConvertible {
  var description: String

  init(_ description: String) {
    self.description = description
  }
}
