import Foundation
import Testing
import TradelogTestSupport

/// `docker-compose.yml` cannot run here (no container engine), so it is checked offline: the file is
/// valid Compose, and every service that runs our image runs a subcommand this build has, with
/// options that subcommand knows. A renamed flag then fails here, not in production.
@Suite struct DeploymentFilesTests {
  private var composeFile: String { PackageRoot.url.appending(path: "docker-compose.yml").path }

  @Test func composeFileIsValid() throws {
    let result = try Subprocess.run("docker-compose", ["-f", composeFile, "config", "-q"])
    #expect(result.status == 0, "docker-compose rejects the file: \(result.standardError)")
  }

  @Test func everyServiceRunsAnExistingSubcommandWithKnownOptions() throws {
    let result = try Subprocess.run("docker-compose", ["-f", composeFile, "config"])
    try #require(result.status == 0, "\(result.standardError)")
    let commands = ComposeCommands(normalizedConfiguration: result.outputText).commands(
      ofImage: "tradelog:latest")
    #expect(commands.keys.sorted() == ["project-clickhouse", "project-postgres", "sequencer"])
    for (service, arguments) in commands.sorted(by: { $0.key < $1.key }) {
      let subcommand = arguments.prefix { !$0.hasPrefix("-") }
      let help = try Subprocess.run(try BuiltProducts.tradelog.path, Array(subcommand) + ["--help"])
      #expect(help.status == 0, "\(service): `tradelog \(subcommand.joined(separator: " "))` does not exist")
      for option in arguments.dropFirst(subcommand.count) {
        let name = String(option.prefix { $0 != "=" })
        #expect(help.outputText.contains(name), "\(service): `\(name)` is not an option of the subcommand")
      }
    }
  }
}

/// The `command:` lists of the services in `docker-compose config`'s normalized output, which
/// writes every service at two spaces of indent, its keys at four, and list items as `- item` at
/// their key's indent.
private struct ComposeCommands {
  let normalizedConfiguration: String

  func commands(ofImage image: String) -> [String: [String]] {
    var commands: [String: [String]] = [:]
    var images: [String: String] = [:]
    var service: String?
    var inServices = false
    var inCommand = false
    for line in normalizedConfiguration.split(separator: "\n", omittingEmptySubsequences: true) {
      let indent = line.prefix { $0 == " " }.count
      let text = line.trimmingCharacters(in: .whitespaces)
      if indent == 0 {
        inServices = text == "services:"
        service = nil
        continue
      }
      guard inServices else { continue }
      if indent == 2, text.hasSuffix(":") {
        service = String(text.dropLast())
        inCommand = false
        continue
      }
      guard let service else { continue }
      // List items sit at the indent of their key (`command:` then `- sequencer`).
      if inCommand, text.hasPrefix("- ") {
        commands[service, default: []].append(unquoted(String(text.dropFirst(2))))
      } else if indent == 4 {
        inCommand = text == "command:"
        if text.hasPrefix("image: ") { images[service] = String(text.dropFirst("image: ".count)) }
      }
    }
    return commands.filter { images[$0.key] == image }
  }

  private func unquoted(_ text: String) -> String {
    guard text.count >= 2, let first = text.first, first == text.last, first == "'" || first == "\"" else {
      return text
    }
    return String(text.dropFirst().dropLast())
  }
}
