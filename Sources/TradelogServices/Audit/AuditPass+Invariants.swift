extension AuditPass {
  mutating func checkInvariantsIfDue(after position: Int64) {
    commandsSinceInvariantCheck += 1
    if commandsSinceInvariantCheck >= configuration.invariantsEvery { checkInvariants(after: position) }
  }

  /// Checks the invariants on the state after the command at `position` (-1: before any command).
  mutating func checkInvariants(after position: Int64) {
    commandsSinceInvariantCheck = 0
    guard let invariantCheck = configuration.invariantCheck, !invariantsBroken else { return }
    report.invariantChecks += 1
    let violations = invariantCheck(engine)
    guard !violations.isEmpty else {
      lastInvariantCheckPosition = position
      return
    }
    invariantsBroken = true
    let since = lastInvariantCheckPosition.map { "they held after command position \($0)" } ?? "first check"
    report.findings.append(
      AuditFinding(
        kind: .invariantViolated, commandPosition: position,
        message: "after the command at position \(position) the engine's state breaks \(violations.count) "
          + "invariant\(violations.count == 1 ? "" : "s") (\(since)); the engine has a bug. First: "
          + violations.prefix(3).joined(separator: "; ") + ". Later checks were skipped"))
  }
}
